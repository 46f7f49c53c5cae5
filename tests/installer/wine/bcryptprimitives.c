/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8.0 (Debian 12) lacks.
 * Rust extension modules (pydantic_core, cryptography) import ProcessPrng from it; on
 * Windows 8 and later the system provides it. It is copied into the Wine prefix of
 * tests/installer/test_windows.py only, never into the installer. ProcessPrng fills the
 * buffer from the system's random generator (RtlGenRandom, advapi32 SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
