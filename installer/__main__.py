"""python -m installer deb | windows [options]"""

import sys

USAGE = "usage: python -m installer deb|windows [--help]"

if __name__ == "__main__":
    verb, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if verb == "deb":
        from installer.deb import main
    elif verb == "windows":
        from installer.windows import main
    else:
        sys.exit(USAGE)
    sys.exit(main(rest))
