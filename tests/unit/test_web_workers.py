"""The web app's worker pool: work that runs out of time is killed, the cap counts it."""

from __future__ import annotations

import operator
import os
import time

import anyio
import pytest

pytest.importorskip("fastapi", reason="the web app needs the [web] extra")

from retold.errors import InputError, InputTooLarge, MissingExtra
from retold.web.workers import (
    WorkerBug,
    WorkerCrashed,
    WorkerPool,
    WorkTimeout,
    _portable,
)


@pytest.fixture
def pool():
    p = WorkerPool(2, memory_limit=1024 * 1024 * 1024)
    yield p
    p.close()


def test_runs_a_job_and_reuses_the_worker(pool):
    async def go():
        assert await pool.run(operator.add, 2, 3, timeout=30) == 5
        first = pool.pids()
        assert await pool.run(operator.mul, 2, 3, timeout=30) == 6
        return first, pool.pids()

    first, second = anyio.run(go)
    assert first == second and len(first) == 1
    assert pool.running == 0


def test_a_timed_out_job_is_killed_and_counted_until_then(pool):
    pool.start()
    pids = set(pool.pids())
    seen: list[int] = []

    async def go():
        async def watch():
            for _ in range(40):
                seen.append(pool.running)
                await anyio.sleep(0.05)

        async with anyio.create_task_group() as tg:
            tg.start_soon(watch)
            with pytest.raises(WorkTimeout, match="took longer than 0.5 s"):
                await pool.run(time.sleep, 30, timeout=0.5)
            with pytest.raises(WorkTimeout):
                await pool.run(time.sleep, 30, timeout=0.5)

    t0 = time.monotonic()
    anyio.run(go)
    assert time.monotonic() - t0 < 10
    assert max(seen) == 1 and pool.running == 0 and pool.killed == 2
    assert len(pids) == 2 and not any(_alive(p) for p in pids)  # both killed and reaped


def test_the_cap_holds_under_a_burst(pool):
    peak = 0

    async def go():
        nonlocal peak

        async def one():
            try:
                await pool.run(time.sleep, 0.3, timeout=20)
            except WorkTimeout:
                pass

        async def watch():
            nonlocal peak
            for _ in range(60):
                peak = max(peak, pool.running)
                await anyio.sleep(0.02)

        async with anyio.create_task_group() as tg:
            tg.start_soon(watch)
            for _ in range(6):
                tg.start_soon(one)

    anyio.run(go)
    assert peak == 2 and pool.running == 0
    assert len(pool.pids()) <= 2


def test_errors_cross_the_process_boundary(pool):
    async def go(fn, *args):
        return await pool.run(fn, *args, timeout=30)

    with pytest.raises(WorkerBug):
        anyio.run(go, operator.truediv, 1, 0)
    with pytest.raises(WorkerCrashed, match="stopped before it finished"):
        anyio.run(go, os._exit, 3)
    assert pool.running == 0
    assert anyio.run(go, operator.add, 1, 1) == 2  # a new worker took the dead one's place


def test_memory_over_the_limit_is_a_clear_error(pool):
    async def go():
        return await pool.run(bytearray, 3 * 1024 ** 3, timeout=30)

    with pytest.raises(InputTooLarge, match="more memory than the server allows"):
        anyio.run(go)


def test_errors_that_cannot_be_pickled_keep_their_message():
    err = _portable(MissingExtra("uvicorn", "web", "retold serve"))
    assert "pip install 'retold[web]'" in str(err)
    assert isinstance(_portable(InputError("x")), InputError)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
