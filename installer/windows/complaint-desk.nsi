; Complaint Desk for Windows 10/11: a per-machine install of the Windows embeddable CPython
; with every package in its Lib\site-packages (installer/windows.py stages it and calls
; makensis with VERSION, STAGE, ICON and OUTFILE defined). The uninstaller removes the program
; folder and its shortcuts only: profiles in %LOCALAPPDATA%\ComplaintDesk stay.
; A 64-bit installer (Debian's nsis ships the amd64 stubs): the program is 64-bit only, and
; it runs where only 64-bit Windows code runs (wine64 without wine32).
Target amd64-unicode
; zlib, not LZMA: LZMA had not finished after 25 minutes on this shared 2-core machine;
; zlib takes about 2 minutes and the installer stays under the 150 MB target (~88 MB).
SetCompressor zlib
RequestExecutionLevel admin
!include x64.nsh

!define APP "Complaint Desk"
!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ComplaintDesk"

Name "${APP} 投诉受理台 ${VERSION}"
OutFile "${OUTFILE}"
Icon "${ICON}"
UninstallIcon "${ICON}"
InstallDir "$PROGRAMFILES64\ComplaintDesk"
InstallDirRegKey HKLM "${KEY}" "InstallLocation"
ShowInstDetails nevershow
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} setup"
VIAddVersionKey "LegalCopyright" "Complaint Desk team"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Complaint Desk needs 64-bit Windows. 投诉受理台需要 64 位 Windows。"
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Complaint Desk"
  ; an upgrade replaces the program files (never anything outside the program folder)
  RMDir /r "$INSTDIR\python"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\投诉受理台 Complaint Desk.lnk" "$INSTDIR\python\pythonw.exe" \
    "-m ui.main" "$INSTDIR\complaint-desk.ico" 0 SW_SHOWNORMAL "" "Complaint Desk 投诉受理台"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${KEY}" "DisplayName" "${APP} 投诉受理台"
  WriteRegStr HKLM "${KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${KEY}" "Publisher" "Complaint Desk team"
  WriteRegStr HKLM "${KEY}" "DisplayIcon" "$INSTDIR\complaint-desk.ico"
  WriteRegStr HKLM "${KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${KEY}" "NoRepair" 1
  WriteRegDWORD HKLM "${KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}\投诉受理台 Complaint Desk.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\python"
  Delete "$INSTDIR\complaint-desk.cmd"
  Delete "$INSTDIR\complaint-desk-hq.cmd"
  Delete "$INSTDIR\complaint-desk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${KEY}"
SectionEnd
