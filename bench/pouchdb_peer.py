"""PouchDB 9 replicating to express-pouchdb over loopback: the peer of bench_hq's push and pull.

The Node side is bench/peers/pouchdb_sync.js; its packages are installed here, by the bench
itself, with `npm ci` from bench/peers/package-lock.json (again whenever the lock file is newer
than the install). Where Node or npm is missing, or the install fails, `PouchDBPeer.start`
raises PeerUnavailable with the reason, which the bench prints in the rows it skips.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

PEERS = Path(__file__).resolve().parent / "peers"
SCRIPT = PEERS / "pouchdb_sync.js"


class PeerUnavailable(RuntimeError):
    """The peer cannot run on this machine; str() says why."""


def _install() -> None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise PeerUnavailable("Node.js and npm are not installed")
    lock = PEERS / "package-lock.json"
    stamp = PEERS / "node_modules" / ".package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEERS,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise PeerUnavailable("npm ci in bench/peers failed: "
                              + (done.stderr or done.stdout).strip()[-300:])


class PouchDBPeer:
    """One Node process serving express-pouchdb; `run()` times one push and one pull of the
    events given to `start` (fresh databases each time) and returns (push ms, pull ms)."""

    def __init__(self, events: list[dict[str, Any]]) -> None:
        self._events = events
        self._folder = tempfile.TemporaryDirectory(prefix="bench-peer-")
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> PouchDBPeer:
        _install()
        data = Path(self._folder.name) / "events.json"
        data.write_text(json.dumps(self._events), encoding="utf-8")
        self._process = subprocess.Popen(
            [shutil.which("node") or "node", str(SCRIPT), str(data)], cwd=PEERS,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        first = self._process.stdout.readline().strip()
        if first != "ready":
            self.__exit__(None, None, None)
            raise PeerUnavailable(f"the PouchDB peer did not start: {first[:300]}")
        return self

    def run(self) -> tuple[float, float]:
        assert self._process is not None and self._process.stdin and self._process.stdout
        self._process.stdin.write("run\n")
        self._process.stdin.flush()
        answer = json.loads(self._process.stdout.readline() or '{"error": "the peer exited"}')
        if "error" in answer:
            raise RuntimeError(f"PouchDB peer: {answer['error'][:500]}")
        return float(answer["push_ms"]), float(answer["pull_ms"])

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
            for stream in (self._process.stdout, self._process.stderr):
                if stream:
                    stream.close()
            self._process = None
        self._folder.cleanup()
