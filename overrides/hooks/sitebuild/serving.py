"""The one serving flag, and state that lives for one build only.

`mkdocs serve` (make serve) or a one-off build (`mkdocs build`, make build): MkDocs says
which in its on_startup event, once per process; serve_loop.py passes it on to start(),
and every hook asks serving(). The flag belongs to the process: a served site is rebuilt
after each save in the same process, with the same hook modules.

What a hook keeps about the build in progress lives in a PerBuild: made when the build
starts (on_config) and dropped when it ends (on_post_build, on_build_error), so nothing of
one build is seen by the next (tests/test_hooks.py builds twice in one process).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_process = {"command": "build"}


def start(command: str) -> None:
    """MkDocs' on_startup: "serve", "build" or "gh-deploy"."""
    _process["command"] = command


def serving() -> bool:
    """True under `mkdocs serve`: the site is rebuilt after each save and nobody publishes it."""
    return _process["command"] == "serve"


class PerBuild(Generic[T]):
    """A hook's state for the build in progress: begin() at its start, end() when it is over."""

    def __init__(self, make: Callable[..., T]):
        self._make = make
        self._current: T | None = None

    def begin(self, *args: Any, **kwargs: Any) -> T:
        """A fresh state for the build that starts: make(*args, **kwargs)."""
        self._current = self._make(*args, **kwargs)
        return self._current

    def end(self) -> None:
        self._current = None

    @property
    def active(self) -> bool:
        return self._current is not None

    @property
    def now(self) -> T:
        if self._current is None:
            raise RuntimeError("no build in progress (on_config has not run)")
        return self._current
