"""`complaint-desk-hq` in the bundled program (PyInstaller): the console script hq.cli:main.
freeze_support() lets `serve --workers N` start its worker processes from the bundle."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from hq.cli import main

    sys.exit(main())
