#!/bin/sh
# Creates the virtual environment and installs the project with its test extras.
# On a bare Debian machine python3 may lack the venv module and Qt may lack its
# system libraries; as root we install them, otherwise we say what is missing.
set -eu
VENV=${1:-.venv}
PYTHON=${PYTHON:-python3}

need_apt=""
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    need_apt="python3-venv"
fi
# Qt's offscreen and xcb platforms load these shared libraries at start-up.
for lib in libEGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libGL.so.1 libdbus-1.so.3 libglib-2.0.so.0; do
    if ! ldconfig -p 2>/dev/null | grep -q "$lib"; then
        case "$lib" in
            libEGL.so.1) need_apt="$need_apt libegl1" ;;
            libfontconfig.so.1) need_apt="$need_apt libfontconfig1" ;;
            libxkbcommon.so.0) need_apt="$need_apt libxkbcommon0" ;;
            libGL.so.1) need_apt="$need_apt libgl1" ;;
            libdbus-1.so.3) need_apt="$need_apt libdbus-1-3" ;;
            libglib-2.0.so.0) need_apt="$need_apt libglib2.0-0" ;;
        esac
    fi
done
if [ -n "$need_apt" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages: $need_apt"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_apt >/dev/null
    else
        echo "Please install these Debian packages first: $need_apt" >&2
        exit 1
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e '.[test,bench]'
