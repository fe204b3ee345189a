"""Two requests at the same moment, made to overlap by events rather than by sleeping.

`run_together` runs each call in its own thread with its own PostgreSQL connection. A test puts a
`Rendezvous` at the point where the race matters (after "is there one already?", before the
write): each thread that gets there waits until every other thread has either got there too, or
is blocked by PostgreSQL on a lock this transaction holds (`pg_blocking_pids`). So:

- with the guard in place (a row lock, a unique index), the other thread is blocked, the waiting
  thread goes on, and the guard is what keeps the result right;
- with the guard removed, both threads reach the point together, every run, and the test fails.

Neither outcome depends on how fast the machine is.
"""

import threading
import traceback

from django.db import connection, connections

WAIT_LIMIT = 60  # seconds: a thread that neither arrives nor blocks by then is a failure


class Rendezvous:
    def __init__(self, parties=2):
        self.parties = parties
        self._arrived = [threading.Event() for _ in range(parties)]
        self._pids = [None] * parties
        self._local = threading.local()
        self.blocked_seen = 0  # how often the other thread was found waiting on a lock

    def register(self, index):
        """Called by `run_together` in each thread before it starts its call."""
        self._local.index = index
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self._pids[index] = cursor.fetchone()[0]

    def meet(self):
        """Wait here for every other thread to arrive, or to be stuck behind our locks."""
        index = getattr(self._local, "index", None)
        if index is None:  # not one of the racing threads (set-up code calling the same function)
            return
        self._arrived[index].set()
        others = [i for i in range(self.parties) if i != index]
        for _ in range(WAIT_LIMIT * 20):
            pending = [i for i in others if not self._arrived[i].is_set()]
            if not pending:
                return
            if all(self._is_blocked(self._pids[i]) for i in pending):
                self.blocked_seen += 1
                return
            self._arrived[pending[0]].wait(0.05)
        raise AssertionError("the other request neither reached the race nor waited on a lock")

    @staticmethod
    def _is_blocked(pid):
        # pg_blocking_pids reads the lock table as it is now (not a per-transaction snapshot).
        with connection.cursor() as cursor:
            cursor.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [pid])
            return cursor.fetchone()[0]


def run_together(*calls, rendezvous=None):
    """Run each call in its own thread (own database connection), released at the same instant.
    Returns their results in order; any exception in a thread fails the test."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(index, call):
        try:
            if rendezvous is not None:
                rendezvous.register(index)
            barrier.wait(timeout=WAIT_LIMIT)
            results[index] = call()
        except Exception:  # reported below: a race must not raise
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT_LIMIT * 2)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    assert errors == [], "\n".join(errors)
    return results
