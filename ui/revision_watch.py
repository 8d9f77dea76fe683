"""A thread that notices a new data revision, whoever committed it, and prepares for it.

Every app server runs one (`ui.prewarm.start`, from `ui/server.py`). It asks the store for its
current revision every `every` seconds: a commit by this process, by the command line or by
another server on the same PostgreSQL store is seen within that time. On each new revision it
calls `prepare(rev)`, which fills the caches keyed by revision with the pages' default views,
so the first official who opens a page after an upload does not wait for them.

The pages do not wait for it: each run asks the store its revision (`ui.cache.revision`), so
a visitor who comes before the watcher noticed sees the new revision all the same and builds
what is not prepared yet. A commit made in this process is told to the watcher at once
(`note`), which prepares it without waiting for the next poll.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from streamlit.logger import get_logger

LOG = get_logger("indicators.prewarm")  # Streamlit's handler: the server's log


class RevisionWatch:
    """Polls `read()` (the store's current revision) and calls `prepare(rev)` on each new one."""

    def __init__(
        self,
        read: Callable[[], int],
        prepare: Callable[[int], object],
        *,
        every: float = 1.0,
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        self._read, self._prepare, self.every, self._ready = read, prepare, every, ready
        self._latest: int | None = None
        self._prepared: int | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- what the pages ask ---------------------------------------------------------------------

    def prepared(self) -> int | None:
        """The newest revision whose default views are ready (for the log and the tests)."""
        return self._prepared

    def note(self, rev: int) -> None:
        """A commit of this process made revision `rev`: prepare it now."""
        with self._lock:
            if self._latest is None or rev > self._latest:
                self._latest = rev
        self._wake.set()

    # -- the thread -----------------------------------------------------------------------------

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> RevisionWatch:
        if not self.alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="revision-watch", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop polling (after the preparation under way, if any)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._ready() and not self._stop.wait(0.1):
            pass  # e.g. Streamlit's runtime, whose caches the preparation fills, not up yet
        while not self._stop.is_set():
            self._poll()
            self._wake.wait(self.every)
            self._wake.clear()

    def _poll(self) -> None:
        try:
            rev = self._read()
        except Exception:  # the store away or busy: the pages ask it themselves meanwhile
            LOG.warning("revision watch: the store could not be read", exc_info=True)
            return
        with self._lock:
            if self._latest is None or rev >= self._latest:  # never back to an older one
                self._latest = rev
            todo = self._latest
        if todo == self._prepared:
            return
        started = time.monotonic()
        try:
            self._prepare(todo)
        except Exception:  # a view that fails here fails for its visitor too, who sees why
            LOG.warning("revision %s: preparing the default views failed", todo, exc_info=True)
        self._prepared = todo
        LOG.info("revision %s: default views prepared in %.1f s", todo, time.monotonic() - started)
