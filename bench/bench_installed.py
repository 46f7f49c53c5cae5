"""Installed program (issue 15): cold start to the login window of the bundled Linux program
(what the .deb installs under /opt/complaint-desk, taken from the build cache) against the
same start from the source tree; target: at most 1.5 times the source tree's median.

Runs where `make deb` has built the bundle of this very tree (else it prints why and
reports nothing).

    python -m bench --only bench_installed [--quick]
"""

from __future__ import annotations

import statistics
import sys
from typing import Any

from bench.bench_ui import _time_to_paint
from bench.data import seeded_profile
from bench.timing import row


def run(quick: bool) -> list[dict[str, Any]]:
    from installer.deb import cached_bundle

    program = cached_bundle()
    if program is None:
        print("   (no bundle of this tree in the build cache: run `make deb` first)")
        return []
    profile = seeded_profile(20_000 if quick else 1_000_000)
    runs = 3 if quick else 10
    source = [_time_to_paint([sys.executable, "-m", "ui.main", "--profile", str(profile)],
                             "login-painted") for _ in range(runs)]
    installed = [_time_to_paint([str(program / "complaint-desk"), "--profile", str(profile)],
                                "login-painted") for _ in range(runs)]
    source_median = statistics.median(source)
    return [
        row("cold start to login window, source tree (the reference)", 1.5 * source_median,
            source),
        row("cold start to login window, installed program (.deb bundle)", 1.5 * source_median,
            installed, source_median_ms=round(source_median, 1)),
    ]
