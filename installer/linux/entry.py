"""The bundled program's one entry (PyInstaller): `complaint-desk` runs ui.main:main,
`complaint-desk-hq` (a symbolic link to the same executable) runs hq.cli:main, as the
console scripts of the wheel do.

freeze_support() lets `admin seed` and `serve --workers N` start their processes
(multiprocessing, spawn) from the bundle; `-m hq` is how desktop.demo starts its local HQ
(`sys.executable -m hq`), which in a bundle is this executable."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.path.basename(sys.argv[0]) == "complaint-desk-hq":
        from hq.cli import main as hq_main

        sys.exit(hq_main())
    if sys.argv[1:3] == ["-m", "hq"]:
        from hq.cli import main as hq_main

        sys.exit(hq_main(sys.argv[3:]))
    from ui.main import main

    sys.exit(main())
