"""Run in a child process: sync a profile and die by SIGKILL right after HQ accepted the
second batch, before the device could mark it sent — the worst moment for a crash."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from desktop.profile import open_profile
from desktop.services.context import load_context
from desktop.sync.client import HqClient
from desktop.sync.engine import push_outbox
from desktop.sync.enrollment import connect


def main(profile: str) -> None:
    store = open_profile(Path(profile))
    ctx = load_context(store)
    real_push = HqClient.push
    answered = 0

    def push_then_die(self: HqClient, request):  # type: ignore[no-untyped-def]
        nonlocal answered
        answer = real_push(self, request)
        answered += 1
        if answered == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return answer

    HqClient.push = push_then_die  # type: ignore[method-assign]
    with connect(store) as client:
        push_outbox(ctx, client, batch_size=10)


if __name__ == "__main__":
    main(sys.argv[1])
