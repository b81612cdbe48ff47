"""Worker processes die with the build that started them.

The build renders topologies in a ``ProcessPoolExecutor`` on a ``forkserver``. When the build
process is killed outright (``kill -9``, an OOM kill), nothing tells its workers: they wait forever
on a task queue whose write end they hold themselves, and they keep the forkserver (which waits
for its children's copies of its "alive" pipe) and the resource tracker alive with them. So each
worker watches the build process: a daemon thread waits on a pidfd of that process (Linux 5.3 and
later; elsewhere it polls) and ends the worker the moment the build is gone. The forkserver and the
resource tracker then see their pipes close and exit on their own.
"""

from __future__ import annotations

import os
import select
import threading
import time

POLL_SECONDS = 0.5


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wait_for_exit(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (OSError, AttributeError):
        while _alive(pid) and os.getppid() != 1:
            time.sleep(POLL_SECONDS)
        os._exit(1)
    select.select([fd], [], [])  # a pidfd becomes readable when its process ends
    os._exit(1)


def watch_parent(pid: int) -> None:
    """Pool initializer: end this worker as soon as process ``pid`` (the build) ends."""
    threading.Thread(target=_wait_for_exit, args=(pid,), name="docgen-watch-build", daemon=True).start()
