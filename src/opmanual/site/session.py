"""What outlives one build in a MkDocs process: the hooks hold one `Session` and give it to each build's events.

`mkdocs serve` builds again in the same process after every change; the preview keeps showing the last good data
of each data folder while the data has errors, says a warning about the surroundings once, and a `mkdocs build`
holds its output folder's lock until its PDFs are written. Nothing of it lives at module level, so a test, or a
second MkDocs run in one process, starts with a session of its own.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data.dataset import Manual
    from ..render.pages import PageSpec

# While previewing, data errors are reported outside MkDocs' loggers: `strict` would turn them into an abort,
# and the point of the preview is to keep serving the last good site.
PREVIEW = "opmanual.preview"
# Warnings about the build's surroundings (the CI's environment, the git history): said, but not counted by MkDocs'
# strict mode, which would fail the build for what the site can do without (an edit link, one commit's row).
NOTICE = "opmanual.notice"


def _own_logger(name: str, prefix: str) -> logging.Logger:
    """A logger that prints like MkDocs' own lines but is not MkDocs' (so `--strict` does not count it)."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"{prefix} -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


@dataclass
class Session:
    command: str = "build"
    last_good: dict[Path, tuple[Manual, list[PageSpec], dict[str, str]]] = field(default_factory=dict)
    told: set[str] = field(default_factory=set)  # warnings and notes given once
    # The output folder's lock, held by a `mkdocs build` that `python -m opmanual build` did not start, until its
    # PDFs are written.
    lock: ExitStack = field(default_factory=ExitStack)
    preview: logging.Logger = field(default_factory=lambda: _own_logger(PREVIEW, "DATA   "))
    notice: logging.Logger = field(default_factory=lambda: _own_logger(NOTICE, "WARNING"))

    def warn_once(self, message: str) -> None:
        """A warning about the build's surroundings, said once a session (`mkdocs serve` rebuilds say it once)."""
        if message not in self.told:
            self.told.add(message)
            self.notice.warning(message)

    def warn_data(self, warnings: list[Any]) -> None:
        """Data warnings go to their own logger: MkDocs' strict mode would turn them into a failed build."""
        for warning in warnings:
            self.preview.warning(str(warning))
