"""Worker processes for a batch, each task handed to one known worker.

A shared task queue cannot say which file a worker held when it died; here the parent sends
each task down one worker's own pipe, so when a worker is killed (kill -9, the OOM killer) only
that task fails, a fresh worker takes its place and the batch goes on. Workers ignore Ctrl-C
and SIGTERM/SIGHUP of the terminal's process group (the parent decides when to stop), stop by
themselves when the parent is gone, and are killed when the parent leaves for any reason, so
no worker outlives a batch."""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

_PARENT_CHECK_SECONDS = 1.0


class WorkerDied(Exception):
    """The worker holding a task died before it answered."""

    def __init__(self, exitcode: int | None) -> None:
        how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
        super().__init__(f"the worker process died ({how}; out of memory?)")


def _serve(conn: Connection, fn: Callable[[Any], Any], parent: int) -> None:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    # SIGTERM from the parent itself must still end the worker
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        if not conn.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, payload = task
        conn.send((index, fn(payload)))


class _Worker:
    def __init__(self, context: Any, fn: Callable[[Any], Any]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fn, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def run_in_workers(fn: Callable[[Any], Any], items: Iterable[Any], jobs: int, ordered: bool = True,
                   on_death: Callable[[Any, WorkerDied], Any] | None = None) -> Iterator[Any]:
    """``fn(item)`` for every item in ``jobs`` worker processes, in input order or as each
    completes. ``fn`` must be picklable. A task whose worker died gives ``on_death(item,
    error)`` in its place (or raises WorkerDied without one)."""
    # spawn: a worker starts clean, with no copy of the parent's threads or locks, and no
    # server process is left behind to outlive the batch
    context = multiprocessing.get_context("spawn")
    pending = list(enumerate(items))
    payloads = dict(pending)
    pending.reverse()
    workers = [_Worker(context, fn) for _ in range(max(1, min(jobs, len(pending))))]
    done: dict[int, Any] = {}
    next_out = 0
    try:
        while pending or any(w.task is not None for w in workers):
            for k, w in enumerate(workers):
                if w.task is None and pending:
                    if not w.process.is_alive():  # died while idle: no task is lost
                        w.stop()
                        workers[k] = w = _Worker(context, fn)
                    index, payload = pending.pop()
                    w.task = index
                    try:
                        w.conn.send((index, payload))
                    except (OSError, ValueError):
                        pass  # it died just now: its sentinel reports the task below
            busy = [w for w in workers if w.task is not None]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for w in list(busy):
                if w.conn in ready:
                    try:
                        index, result = w.conn.recv()
                    except (EOFError, OSError):
                        continue  # the worker died mid-answer: its sentinel says so below
                    done[index] = result
                    w.task = None
                elif w.process.sentinel in ready and w.task is not None:
                    index, error = w.task, WorkerDied(w.process.exitcode)
                    if on_death is None:
                        raise error
                    done[index] = on_death(payloads[index], error)
                    w.stop()
                    workers[workers.index(w)] = _Worker(context, fn)
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                for index in list(done):
                    yield done.pop(index)
    finally:
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
            w.stop()
