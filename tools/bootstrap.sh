#!/bin/sh
# Creates the virtual environment and installs the project with its test extras.
# On a bare Debian machine python3 may lack the venv module, Qt may lack its system
# libraries, and the tests' PDF checks lack poppler-utils and zbar-tools. As root we
# install what is missing; otherwise we say what is missing, in one line each: the
# app cannot start without the first two (we stop), the tests only need the third
# (we go on, and those checks say they were skipped and why).
set -eu
VENV=${1:-.venv}
PYTHON=${PYTHON:-python3}

LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)  # not on a user's PATH on Debian

# "library:Debian package" pairs whose library the dynamic linker does not know.
missing_libraries() {
    known=$("$LDCONFIG" -p 2>/dev/null || true)
    for pair in "$@"; do
        if ! printf '%s\n' "$known" | grep -qF "${pair%%:*} ("; then
            printf ' %s' "${pair#*:}"
        fi
    done
}

# "command:Debian package" pairs whose command is not on PATH.
missing_commands() {
    for pair in "$@"; do
        if ! command -v "${pair%%:*}" >/dev/null 2>&1; then
            printf ' %s' "${pair#*:}"
        fi
    done
}

unique() {
    printf '%s\n' $1 | sort -u | tr '\n' ' ' | sed 's/ $//'
}

need_apt=""
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    need_apt="python3-venv"
fi
# Qt's offscreen platform (tests, screenshots) loads these at start-up ...
need_apt="$need_apt$(missing_libraries libEGL.so.1:libegl1 libfontconfig.so.1:libfontconfig1 \
    libxkbcommon.so.0:libxkbcommon0 libGL.so.1:libgl1 libdbus-1.so.3:libdbus-1-3 \
    libglib-2.0.so.0:libglib2.0-0)"
# ... and its xcb platform (the app on a real X screen) these: what `ldd` lists for
# PySide6/Qt/plugins/platforms/libqxcb.so and Qt/lib/libQt6XcbQpa.so.6.
need_apt="$need_apt$(missing_libraries libX11.so.6:libx11-6 libX11-xcb.so.1:libx11-xcb1 \
    libxcb.so.1:libxcb1 libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
    libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 \
    libxcb-randr.so.0:libxcb-randr0 libxcb-render.so.0:libxcb-render0 \
    libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0 \
    libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1 libxcb-util.so.1:libxcb-util1 \
    libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1 \
    libxkbcommon-x11.so.0:libxkbcommon-x11-0)"
# The tests read PDFs back with poppler and scan receipts' QR codes with zbar.
# The installed app is opened on a real X server (Xvfb) in the .deb test.
need_test=$(missing_commands pdftotext:poppler-utils pdftoppm:poppler-utils \
    pdffonts:poppler-utils zbarimg:zbar-tools Xvfb:xvfb)
need_apt=$(unique "$need_apt")
need_test=$(unique "$need_test")

if [ -n "$need_apt$need_test" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages: $need_apt $need_test"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            $need_apt $need_test >/dev/null
    else
        if [ -n "$need_test" ]; then
            echo "For the PDF checks of the tests, please install these Debian packages: $need_test" >&2
        fi
        if [ -n "$need_apt" ]; then
            echo "Please install these Debian packages first: $need_apt" >&2
            exit 1
        fi
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e '.[test,bench]'
