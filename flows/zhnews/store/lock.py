"""One writer per warehouse, across processes: an flock on `<name>.work.lock`."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from zhnews.store.lake import WarehouseError, WarehousePaths


class WarehouseLocked(WarehouseError):
    pass


class WriterLock:
    def __init__(self, db: Path, timeout_s: float):
        self.path = WarehousePaths.of(db).lock
        self.timeout_s = timeout_s
        self.fh = None

    def __enter__(self) -> WriterLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.fh.seek(0)
                    holder = self.fh.read().strip() or "unknown process"
                    self.fh.close()
                    raise WarehouseLocked(
                        f"another load holds the warehouse writer lock {self.path} "
                        f"({holder}); waited {self.timeout_s:.0f}s. Wait for it to finish "
                        "or raise ZHNEWS_LOCK_TIMEOUT."
                    ) from None
                time.sleep(0.2)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()}: {cmdline(os.getpid())}\n")
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.fh:
            self.fh.truncate(0)
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def cmdline(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return raw.replace(b"\0", b" ").decode(errors="replace").strip()[:200]
    except OSError:
        return "?"
