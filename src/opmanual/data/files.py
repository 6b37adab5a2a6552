"""Open the files of a data folder safely: regular files inside the folder only, and never more than a limit.

Data arrives through pull requests, so a data folder may hold links that lead out of it (`leak.yml -> /etc/passwd`),
named pipes or devices that block or never end, folders where files are expected, and names the file system cannot
hold. Every file the build reads or publishes goes through `open_inside`, which refuses all of these with a
`FileProblem` in plain words, before a byte of the file is read and without ever quoting its content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Magic bytes of the file types the data may name; a file whose content is not what its name says is refused
# (an HTML page called logo.png, an SVG with a script in it).
ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word and Excel
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".doc": (OLE2,),
    ".xls": (OLE2,),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".odt": (ZIP,),
    ".ods": (ZIP,),
}
IMAGE_TYPES = (".png", ".jpg", ".jpeg")
FILE_TYPES = tuple(SIGNATURES)
MAX_ATTACHMENT = 50_000_000


class FileProblem(Exception):
    """A file of the data folder that must not be read; the message says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def describe_os_error(exc: OSError) -> str:
    """An OS error in words an editor understands, without the path (the caller names the file)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied (ไม่มีสิทธิ์อ่านไฟล์)"
    if exc.errno == errno.ELOOP:
        return "is a link that leads back to itself (a symlink loop)"
    if exc.errno == errno.ENAMETOOLONG:
        return "has a name too long for the file system; use a shorter name"
    if exc.errno == errno.ENOENT:
        return "does not exist (ไม่พบไฟล์)"
    return f"cannot be read: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def real_path(path: Path, root: Path) -> Path:
    """The real path of `path` after every link, which must lie inside the folder `root`."""
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    if not real.is_relative_to(os.path.realpath(root)):
        raise FileProblem("is a link to a place outside the data folder; data files must be inside it")
    return real


def regular_file(path: Path, root: Path) -> tuple[Path, int]:
    """The real path and size of `path`, a regular file inside `root`; never opens the file."""
    real = real_path(path, root)
    try:
        info = os.stat(real)
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(f"is {_kind(info.st_mode)}, not a file")
    if info.st_nlink > 1:
        # A hard link is another name of a file that may live anywhere, even outside the data folder.
        raise FileProblem("is a hard link (the same file has another name elsewhere); copy the file instead")
    return real, info.st_size


def read_bytes(path: Path, root: Path, limit: int, *, head: bool = False) -> bytes:
    """The content of a regular file inside `root`, refused when it is larger than `limit` bytes (with `head`: its
    first `limit` bytes, whatever its size).

    The file type is checked before opening and again on the open file (it may have been swapped in between), the
    open does not block on a pipe, and at most `limit + 1` bytes are read, so nothing can hang or fill memory.
    """
    real, size = regular_file(path, root)
    if size > limit and not head:
        raise FileProblem(f"is {_size(size)}; a file here may be at most {_size(limit)}")
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(f"is {_kind(info.st_mode)}, not a file")
        try:
            content = handle.read(limit if head else limit + 1)
        except OSError as exc:
            raise FileProblem(describe_os_error(exc)) from None
    if len(content) > limit:
        raise FileProblem(f"is larger than {_size(limit)}")
    return content


def check_attachment(value: str, root: Path, types: tuple[str, ...], found: Path | None) -> Path:
    """The real path of a file that the data names (`files/forms/report.pdf`), which a look at the data folder
    `found` under that name: a relative path inside the data folder to a regular file of an allowed type whose
    content is of that type. Raises FileProblem otherwise."""
    relative = Path(value)
    if relative.is_absolute() or value.startswith(("/", "~")) or ":" in value:
        raise FileProblem("must name a file inside the data folder, not an absolute path or URL")
    if ".." in relative.parts:
        raise FileProblem("points outside the data folder (`..` is not allowed)")
    suffix = relative.suffix.lower()
    if suffix not in types:
        raise FileProblem(f"has a file type that is not allowed; use {', '.join(types)}")
    if found is None:  # why: nothing there, a folder, a name too long, a folder that cannot be read, a hidden folder
        try:
            os.lstat(root / relative)
        except FileNotFoundError:
            raise FileProblem("is not in the data folder (ไม่พบไฟล์)") from None
        except OSError as exc:
            raise FileProblem(describe_os_error(exc)) from None
        regular_file(root / relative, root)
        raise FileProblem("is in a hidden folder, and hidden folders are not read")
    real, size = regular_file(found, root)
    if size > MAX_ATTACHMENT:
        raise FileProblem(f"is {_size(size)}; an attachment may be at most {_size(MAX_ATTACHMENT)}")
    head = read_bytes(real, root, 16, head=True)
    if not head.startswith(SIGNATURES[suffix]):
        kind = suffix.lstrip(".").upper()
        raise FileProblem(f"does not hold a {kind} file although its name says so; save it again as {kind}")
    return real


def listing(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of a folder, sorted by name; an OS error becomes a FileProblem."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        raise FileProblem(describe_os_error(exc).replace("be read", "be listed")) from None


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    return f"{count / 1e3:.0f} kB"
