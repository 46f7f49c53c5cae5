"""`complaint-desk` in the bundled program (PyInstaller): the console script ui.main:main.

freeze_support() lets `admin seed` start its generating process (multiprocessing, spawn)
from the bundle; `-m hq` is how desktop.demo starts its local HQ (`sys.executable -m hq`),
which in a bundle is this executable."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:3] == ["-m", "hq"]:
        from hq.cli import main as hq_main

        sys.exit(hq_main(sys.argv[3:]))
    from ui.main import main

    sys.exit(main())
