"""Processes of a build die with the process that started them, even when it is killed with SIGKILL.

A build is a chain: `python -m opmanual build` runs `mkdocs build`, whose PDF stage forks worker processes. A killed
parent runs no cleanup code, so without help its children would keep running and writing (into a staging folder the
next build removes, or into the PDF cache). Linux lets a child ask the kernel for a signal when its parent dies
(`prctl(PR_SET_PDEATHSIG)`); each link of the chain asks for SIGKILL, so killing any process of a build ends every
process below it. The setting survives `exec` (the `mkdocs build` child) and is asked for again in each forked worker.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable
from functools import cache

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@cache
def _prctl() -> Callable[..., int] | None:
    """libc's prctl (among the symbols Python itself is linked with), or None where there is none (not Linux):
    there a killed build's children are left to finish on their own."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def lifeline() -> Callable[[], None]:
    """What a child of this process runs first (a `preexec_fn`, a pool's initializer) to die when this process dies.

    Made in the parent, so that the child, between fork and exec, only calls what is already loaded. A parent that
    died before the child's request is not signalled any more, so the child also checks that its parent is still
    this process."""
    parent = os.getpid()
    prctl = _prctl()

    def request() -> None:
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    return request
