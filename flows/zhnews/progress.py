"""Progress reporting hook: the CLI installs a progress bar; flows just call `advance`."""

from __future__ import annotations


class Progress:
    def start(self, total_files: int) -> None: ...

    def advance(self, files: int, documents: int) -> None: ...

    def stop(self) -> None: ...


class RichProgress(Progress):
    """Files/s and documents/s on the terminal (only used for more than a handful of files)."""

    def __init__(self) -> None:
        self._bar = None
        self._docs = 0

    def start(self, total_files: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as Bar,
        )

        self._bar = Bar(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task("files", total=total_files, rate="")

    def advance(self, files: int, documents: int) -> None:
        if self._bar is None:
            return
        self._docs += documents
        self._bar.advance(self._task, files)
        elapsed = self._bar.tasks[0].elapsed or 1e-9
        done = self._bar.tasks[0].completed
        self._bar.update(
            self._task, rate=f"{done / elapsed:,.0f} files/s, {self._docs / elapsed:,.0f} docs/s"
        )

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


current: Progress = Progress()
