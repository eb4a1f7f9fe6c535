"""Killable worker processes for the web app's comparisons.

A worker thread cannot be stopped from outside, so a request that timed out used to keep
computing (and growing) after its client had the 503. Here each comparison runs in one of at
most ``size`` worker processes. When a request's time is up (or its client has gone), its
worker is killed and reaped, and only then is its slot given back: the cap on comparisons at
once counts work until it has really ended, and the memory it held is returned to the system.

Each worker also runs under an address-space limit (``RLIMIT_AS``), so one hostile input
cannot take the machine's memory: the comparison fails with a clear error instead. A worker
whose resident memory stays high after a job is retired, so a burst of large requests does
not leave fat idle workers behind.

Workers are started by the ``forkserver`` method, with the library imported once in the fork
server: a new worker (after a kill) is a fork of that clean process, ready in milliseconds,
and nothing of the server's threads or event loop is copied into it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

import anyio

from retold.errors import (
    FetchError,
    InputError,
    InputTooLarge,
    OptionError,
    RetoldError,
    StoreError,
)

log = logging.getLogger("retold.web")

T = TypeVar("T")

RETIRE_RSS = 512 * 1024 * 1024  # a worker still this large after a job is replaced
_PRELOAD = ["retold.web.jobs", "retold.compare", "retold.reports.html", "retold.read",
            "retold.web.preload"]


class WorkTimeout(RetoldError):
    """The work took longer than allowed; it was stopped."""


class WorkerCrashed(RetoldError):
    """A worker process died (out of memory, killed) before it answered."""


class WorkerBug(Exception):
    """The job failed with an error that is not a ``RetoldError``: a bug, logged by the worker.

    Not a ``RetoldError`` on purpose: the web app answers it as a plain 500.
    """


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: Any, memory_limit: int | None) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_serve, args=(child, memory_limit), daemon=True,
                                   name="retold-web-worker")
        self.process.start()
        child.close()
        self.jobs = 0

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any, int]:
        """Send one job and wait for its answer (blocking: run in a thread)."""
        self.conn.send((fn, args))
        return self.conn.recv()  # type: ignore[no-any-return]

    def kill(self) -> None:
        """Kill the process and wait until it is gone."""
        try:
            self.process.kill()
        except (OSError, ValueError):
            pass
        self.process.join(10)
        self.conn.close()

    def close(self) -> None:
        try:
            self.conn.close()  # the worker sees EOF and leaves its loop
        except OSError:
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.kill()


class WorkerPool:
    """At most ``size`` comparisons at once, each in a worker process that can be killed.

    ``run`` waits for a free slot and runs the job, both within ``timeout`` seconds. The
    slot is held until the job's worker has answered or has been killed and reaped.
    """

    def __init__(self, size: int, *, memory_limit: int | None = None,
                 retire_rss: int = RETIRE_RSS) -> None:
        if size < 1:
            raise OptionError(f"the number of workers must be at least 1, not {size}")
        self.size = size
        self.memory_limit = memory_limit
        self.retire_rss = retire_rss
        self._ctx: Any = None
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._lock = threading.Lock()
        self._limiter: anyio.CapacityLimiter | None = None
        self._closed = False
        self.killed = 0  # workers killed because their request ran out of time or went away

    # --- what the app asks -----------------------------------------------------------------

    @property
    def running(self) -> int:
        """Jobs in progress (their workers alive and working, or being killed)."""
        with self._lock:
            return len(self._busy)

    def pids(self) -> list[int]:
        """The process ids of every live worker, idle or busy."""
        with self._lock:
            return [w.pid for w in (*self._idle, *self._busy) if w.pid is not None]

    async def run(self, fn: Callable[..., T], *args: Any, timeout: float) -> T:
        """Run ``fn(*args)`` in a worker within ``timeout`` seconds, waiting included.

        Raises:
            WorkTimeout: the time ran out (the worker, if it had started, is killed).
            WorkerCrashed: the worker died before answering.
            WorkerBug: ``fn`` raised something other than a ``RetoldError``.
            RetoldError: what ``fn`` raised, as far as it can cross a process boundary.
        """
        if self._closed:
            raise WorkerCrashed("the server is shutting down; try again in a moment")
        if self._limiter is None:  # made lazily: a CapacityLimiter belongs to its event loop
            self._limiter = anyio.CapacityLimiter(self.size)
        limiter = self._limiter
        try:
            with anyio.fail_after(timeout):
                async with limiter:
                    return await self._run_in_worker(fn, args)
        except TimeoutError:
            raise WorkTimeout(f"took longer than {timeout:g} s and was stopped") from None

    async def _run_in_worker(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        worker = await anyio.to_thread.run_sync(self._checkout)
        try:
            status, value, rss = await anyio.to_thread.run_sync(
                worker.call, fn, args, abandon_on_cancel=True)
        except (EOFError, OSError, pickle.PickleError) as exc:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._discard, worker)
            raise WorkerCrashed(
                "the comparison stopped before it finished (the worker ran out of memory or "
                "was killed); try shorter articles"
            ) from exc
        except BaseException:  # cancelled (time is up): stop the work now
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._discard, worker)
            self.killed += 1
            raise
        self._checkin(worker, rss)
        if status == "ok":
            return value  # type: ignore[no-any-return]
        raise value

    # --- the workers -------------------------------------------------------------------------

    def _checkout(self) -> _Worker:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is None or not worker.process.is_alive():
            if worker is not None:
                worker.kill()
            if self._ctx is None:
                self._ctx = _context()
            worker = _Worker(self._ctx, self.memory_limit)
        with self._lock:
            self._busy.add(worker)
        return worker

    def _checkin(self, worker: _Worker, rss: int) -> None:
        worker.jobs += 1
        with self._lock:
            self._busy.discard(worker)
            keep = not self._closed and rss < self.retire_rss and len(self._idle) < self.size
            if keep:
                self._idle.append(worker)
        if not keep:
            worker.close()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._busy.discard(worker)

    def start(self, n: int | None = None) -> None:
        """Start ``n`` idle workers now (default: all), so the first requests do not wait."""
        if self._ctx is None:
            self._ctx = _context()
        for _ in range(min(self.size, n if n is not None else self.size)):
            worker = _Worker(self._ctx, self.memory_limit)
            with self._lock:
                self._idle.append(worker)

    def close(self) -> None:
        """Stop every worker (busy ones are killed)."""
        with self._lock:
            self._closed = True
            idle, busy = list(self._idle), list(self._busy)
            self._idle.clear()
        for w in idle:
            w.close()
        for w in busy:
            w.kill()


# --- inside a worker ---------------------------------------------------------------------------


def _serve(conn: Connection, memory_limit: int | None) -> None:
    """A worker's loop: receive ``(fn, args)``, answer ``(status, value, rss)``, until EOF."""
    if memory_limit:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        except (ImportError, ValueError, OSError):  # no such limit here: run unbounded
            log.warning("could not limit a web worker's memory on this system")
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            answer = ("error", InputTooLarge(
                "the comparison needs more memory than the server allows each request; "
                "try shorter articles"))
        except RetoldError as exc:
            answer = ("error", _portable(exc))
        except Exception:  # a bug: log it here, answer a plain message
            log.exception("a comparison failed in a worker")
            answer = ("error", WorkerBug("a job failed in a worker; the traceback is in its log"))
        try:
            conn.send((*answer, _rss()))
        except (pickle.PickleError, TypeError, AttributeError):
            conn.send(("error", WorkerCrashed("the server could not pass on the result"),
                       _rss()))
        except (EOFError, OSError):
            return
        del answer


_PORTABLE: tuple[type[RetoldError], ...] = (
    InputTooLarge, FetchError, InputError, OptionError, StoreError, RetoldError,
)


def _portable(exc: RetoldError) -> RetoldError:
    """``exc`` if it survives pickling, else its nearest plain ancestor with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except (pickle.PickleError, TypeError, AttributeError, ValueError):
        for cls in _PORTABLE:
            if isinstance(exc, cls):
                return cls(str(exc))
        return RetoldError(str(exc))


def _rss() -> int:
    """This process's resident memory in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
