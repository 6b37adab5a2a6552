"""Running a reader in a process of its own, with a ceiling on its memory and processor time.

Some parsers cannot be bounded from outside: qpdf unpacks a PDF's cross-reference and object streams whole when it
opens the file, and pdfminer draws a page's every operator, however many times a drawing is repeated. The reader
that uses them runs in a forked child under `RLIMIT_AS` and `RLIMIT_CPU`: a file that would fill the machine's
memory or keep it busy for hours ends the child instead, and the import says so in one sentence. The child dies
with the import (`PR_SET_PDEATHSIG`), so a killed import leaves no reader behind, and it never writes a core file.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import signal
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..blocks import SourceError
from ..limits import size

T = TypeVar("T")
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
NEAR = 64_000_000  # a child that failed within this many bytes of its ceiling failed for want of memory


class ReaderFailed(Exception):
    """The reader failed in its process for a reason that is not the file's (a bug); the child's traceback is a
    note of the exception, shown with --verbose."""


def isolated(function: Callable[..., T], *args: object, name: str, memory: int, seconds: int) -> T:
    """`function(*args)` run in a forked child that may use `memory` more bytes of address space and `seconds` of
    processor time; a `SourceError` in the child is raised here, and so is one saying which ceiling the child
    reached. `name` is the source's name, for those messages."""
    (answer,) = side_by_side([(function, args)], name=name, memory=memory, seconds=seconds)
    return answer


def side_by_side(
    jobs: Sequence[tuple[Callable[..., T], Sequence[object]]], *, name: str, memory: int, seconds: int
) -> list[T]:
    """Each `function(*args)` of `jobs` run at the same time, each in a child of its own under the ceilings of
    `isolated` (so the children together may hold `memory` once each); their answers in order, or the first
    failure among them raised once every child has ended."""
    parent = os.getpid()
    # The ceiling is counted from the address space the child starts with (the import's own), and stays under a
    # ceiling the import itself runs under.
    now = _address_space()
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = now + memory if soft == resource.RLIM_INFINITY else min(now + memory, soft)
    memory = ceiling - now
    children: list[tuple[int, int]] = []  # (pid, the read end of its pipe)
    try:
        for function, args in jobs:
            read_end, write_end = os.pipe()
            try:
                child = os.fork()
            except OSError as error:  # no process to spare (a limit on processes, or no memory left)
                os.close(read_end)
                os.close(write_end)
                raise SourceError(
                    f"{name} cannot be read now: no process can be started for it ({error.strerror})."
                ) from None
            if child == 0:  # pragma: no cover - the child's lines run in the child, which coverage does not follow
                os.close(read_end)
                for _, other in children:
                    os.close(other)
                _run_child(function, tuple(args), write_end, parent, ceiling, seconds)
            os.close(write_end)
            children.append((child, read_end))
        # Read each child's answer to its end in turn: a child further on waits, its answer in its pipe, until then.
        ended = []
        while children:
            child, read_end = children[0]
            children[0] = (child, -1)  # its pipe is closed with `pipe`, whatever happens
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status, usage = os.wait4(child, 0)
            children.pop(0)
            ended.append((data, status, usage))
    finally:
        for child, read_end in children:  # interrupted while they work: they must not outlive the import
            if read_end >= 0:
                os.close(read_end)
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
    return [_answer(data, status, usage, name, memory, seconds) for data, status, usage in ended]


def _answer(data: bytes, status: int, usage: resource.struct_rusage, name: str, memory: int, seconds: int) -> Any:
    """What a child said through its pipe, or why it said nothing."""
    if data:
        kind, value = pickle.loads(data)  # noqa: S301 - our own child's answer, through our own pipe
        if kind == "ok":
            return value
        if kind == "source":
            raise value
        if kind == "memory":
            raise SourceError(_memory_message(name, memory))
        failure = ReaderFailed(value[0])
        failure.add_note(value[1])
        raise failure
    busy = usage.ru_utime + usage.ru_stime >= seconds
    if os.WIFSIGNALED(status) and (os.WTERMSIG(status) == signal.SIGXCPU or busy):
        took = f"{seconds // 60} minutes" if seconds >= 120 else f"{seconds} seconds"
        raise SourceError(
            f"{name} takes more than {took} of processor time to read, more than any manual needs: it may be "
            "damaged, or made to keep the machine busy."
        )
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
        stopped = signal.Signals(os.WTERMSIG(status)).name
        raise SourceError(f"{name} is damaged: reading it stopped the reader ({stopped}).")
    raise SourceError(_memory_message(name, memory))  # killed for its memory, or too short of it to answer


def _memory_message(name: str, memory: int) -> str:
    return (
        f"{name} needs more than {size(memory)} of memory to read, more than any manual needs: it may be damaged, "
        "or made to fill the memory (a decompression bomb)."
    )


def _run_child(  # pragma: no cover - runs in the child
    function: Callable[..., object], args: tuple[object, ...], pipe: int, parent: int, ceiling: int, seconds: int
) -> None:
    code = 0
    try:
        _die_with(parent)
        _limit(ceiling, seconds)
        try:
            answer: tuple[str, object] = ("ok", function(*args))
        except MemoryError:
            answer = ("memory", None)
        except SourceError as error:
            answer = ("source", error)
        except Exception as error:  # a bug of the reader: told to the parent, which reports it as one
            answer = ("bug", (f"{type(error).__name__}: {error}", traceback.format_exc()))
        if answer[0] != "ok" and _peak() > ceiling - NEAR:
            # Out of memory, whatever the parser made of it: C code short of memory raises what it can
            # (SystemError, a parse error), and a reader calls a file damaged that only could not be held.
            answer = ("memory", None)
        try:
            data = pickle.dumps(answer)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        with os.fdopen(pipe, "wb") as out:
            out.write(data)
    except BaseException:  # interrupted (Ctrl-C reaches the whole group): the parent reports it
        code = 1
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:  # pragma: no cover - runs in the child
    """Have the kernel kill this process when the import dies (Linux); if it died already, go."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: a killed import's reader finishes its file and exits
    if os.getppid() != parent:
        os._exit(1)


def _limit(ceiling: int, seconds: int) -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    cpu_soft, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    wanted = seconds if cpu_soft == resource.RLIM_INFINITY else min(seconds, cpu_soft)
    resource.setrlimit(resource.RLIMIT_CPU, (wanted, cpu_hard if cpu_hard != resource.RLIM_INFINITY else wanted + 5))


def _peak() -> int:  # pragma: no cover - runs in the child
    """The most address space this process has held (Linux's /proc); 0 where that cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _address_space() -> int:
    """The bytes of address space this process holds now (Linux's /proc); 0 where that cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
