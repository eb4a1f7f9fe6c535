"""A status line on stderr for commands that turn out to be long.

Nothing is written for a command that ends within ``DELAY`` seconds, so short compares (nearly
all of them) print exactly what they printed before. After that, on a terminal, one line is
redrawn in place (stage, step, seconds so far) and erased at the end; with ``--progress`` on
a stream that is not a terminal (a log file), each stage is written as its own plain line.
The library reports stages through its ``progress(stage, done, total)`` callback.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Literal, Self, TextIO

DELAY = 2.0  # seconds before anything is shown
TICK = 0.25  # seconds between redraws on a terminal
_SPINNER = "|/-\\"

Mode = Literal["live", "lines"] | None


def mode_for(flag: bool | None, stream: TextIO) -> Mode:
    """``--progress`` / ``--no-progress`` / neither (None: only on a terminal)."""
    if flag is False:
        return None
    if stream.isatty():
        return "live"
    return "lines" if flag else None


class Status:
    """Show the current stage of a long task on ``stream`` once it has run ``delay`` seconds.

    Use as a context manager; call :meth:`update` (the library's progress callback) or
    :meth:`stage` from the working thread.
    """

    def __init__(self, label: str, mode: Mode, *, stream: TextIO | None = None,
                 delay: float | None = None) -> None:
        self.label = label
        self.mode = mode
        self.stream = stream or sys.stderr
        self.delay = DELAY if delay is None else delay
        self.text = "starting"
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False

    def __enter__(self) -> Self:
        self.started = time.monotonic()
        if self.mode is not None:
            self._thread = threading.Thread(target=self._run, name="retold-status", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            if self._shown and self.mode == "live":
                self._write("\r\x1b[K")  # erase the line: the report follows

    def update(self, stage: str, done: int, total: int | None) -> None:
        """The library's ``progress(stage, done, total)`` callback."""
        self.stage(f"{stage} ({done + 1}/{total})" if total and done < total else stage)

    def stage(self, text: str) -> None:
        with self._lock:
            if text == self.text:
                return
            self.text = text
            if self._shown and self.mode == "lines":
                self._write(self._line() + "\n")

    def message(self, text: str) -> None:
        """Write a line of its own to the stream (an error), keeping the status line intact."""
        with self._lock:
            if self._shown and self.mode == "live":
                self._write("\r\x1b[K")
            self._write(text + "\n")

    # -- the drawing thread ---------------------------------------------------------------

    def _run(self) -> None:
        if self._done.wait(self.delay):
            return  # finished before anything was worth showing
        with self._lock:
            self._shown = True
            if self.mode == "lines":
                self._write(self._line() + "\n")
        if self.mode != "live":
            return
        tick = 0
        while True:
            with self._lock:
                self._write(f"\r{_SPINNER[tick % len(_SPINNER)]} {self._line()}\x1b[K")
            tick += 1
            if self._done.wait(TICK):
                return

    def _line(self) -> str:
        return f"retold {self.label}: {self.text}, {time.monotonic() - self.started:.0f} s"

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # stderr closed: the status is not worth an error
            pass
