"""`python -m hq` is `complaint-desk-hq`."""

import sys

from hq.cli import main

sys.exit(main())
