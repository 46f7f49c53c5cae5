"""A small TCP proxy on loopback that can cut connections, to test sync over a bad line."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field


@dataclass
class FlakyProxy:
    """Forwards 127.0.0.1:<port> to `target`. While `cut_after_bytes` is set, it is a budget
    shared by all connections: once that many bytes have gone through (either direction),
    the connection carrying them is dropped mid-stream and so is every later one, until
    the budget is set again. `cuts` counts the connections dropped so far."""

    target_port: int
    cut_after_bytes: int | None = None
    cuts: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
        except OSError:
            client.close()
            return
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket) -> None:
            try:
                while not done.is_set():
                    data = src.recv(4096)
                    if not data:
                        break
                    with self._lock:
                        if self.cut_after_bytes is not None:
                            if len(data) >= self.cut_after_bytes:
                                self.cut_after_bytes = 0
                                self.cuts += 1
                                break
                            self.cut_after_bytes -= len(data)
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                done.set()
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    s.close()

        threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
