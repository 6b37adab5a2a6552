"""Decompression bombs made at test time, in a moment and without the gigabytes they unpack to.

A bomb is a pattern repeated. As deflate data it is the pattern's bytes once, then blocks of back-references
that copy the last 258 bytes again and again (13 to 16 bits for 258 bytes); each block ends on a byte boundary
(an empty stored block after it, as zlib's sync flush does), so one block's bytes serve for all of them. The
CRC-32 and Adler-32 of the whole are worked out by combining the pattern's, so the files are valid in every
byte: a reader that trusts them really unpacks gigabytes, and the tests show that the import refuses them first.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

LENGTH = 258  # the longest copy deflate has: symbol 285, no extra bits
COPIES = 4096  # copies in one block: about 1 MB unpacked


class _Bits:
    """Bits packed as deflate packs them: least significant first."""

    def __init__(self) -> None:
        self.value = 0
        self.count = 0

    def put(self, value: int, width: int) -> None:
        self.value |= value << self.count
        self.count += width

    def code(self, code: int, width: int) -> None:
        """A Huffman code: its most significant bit goes first."""
        self.put(int(f"{code:0{width}b}"[::-1], 2), width)

    def end_block(self, final: bool) -> bytes:
        """End the fixed-code block, add an empty stored block (up to a byte boundary), and return the bytes."""
        self.code(0, 7)  # end of block
        self.put(int(final), 1)
        self.put(0, 2)  # stored
        self.count = (self.count + 7) // 8 * 8
        self.put(0xFFFF0000, 32)  # LEN 0, NLEN 0xFFFF
        return self.value.to_bytes(self.count // 8, "little")


def _fixed_block() -> _Bits:
    bits = _Bits()
    bits.put(0, 1)  # not the last block
    bits.put(1, 2)  # fixed Huffman codes
    return bits


def _literal(bits: _Bits, byte: int) -> None:
    if byte < 144:
        bits.code(0x30 + byte, 8)
    else:
        bits.code(0x190 + byte - 144, 9)


def _copy(bits: _Bits, distance: int) -> None:
    """Copy 258 bytes from `distance` back."""
    bits.code(0xC0 + 285 - 280, 8)
    for code in range(30):
        extra = max(0, (code >> 1) - 1)
        base = code + 1 if code < 4 else ((2 + (code & 1)) << extra) + 1
        if base <= distance < base + (1 << extra):
            bits.code(code, 5)
            bits.put(distance - base, extra)
            return
    raise ValueError(f"no distance code for {distance}")


def _crc_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of A + B from those of A and B (zlib's crc32_combine, in GF(2))."""

    def times(matrix: list[int], vector: int) -> int:
        total, row = 0, 0
        while vector:
            if vector & 1:
                total ^= matrix[row]
            vector >>= 1
            row += 1
        return total

    def square(matrix: list[int]) -> list[int]:
        return [times(matrix, matrix[n]) for n in range(32)]

    if length2 == 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    even = square(odd)  # two zero bits
    odd = square(even)  # four
    while True:
        even = square(odd)
        if length2 & 1:
            crc1 = times(even, crc1)
        length2 >>= 1
        if not length2:
            break
        odd = square(even)
        if length2 & 1:
            crc1 = times(odd, crc1)
        length2 >>= 1
        if not length2:
            break
    return crc1 ^ crc2


def _adler_combine(adler1: int, adler2: int, length2: int) -> int:
    """The Adler-32 of A + B from those of A and B (zlib's adler32_combine)."""
    base = 65521
    remainder = length2 % base
    sum1 = adler1 & 0xFFFF
    sum2 = (remainder * sum1) % base
    sum1 += (adler2 & 0xFFFF) + base - 1
    sum2 += ((adler1 >> 16) & 0xFFFF) + ((adler2 >> 16) & 0xFFFF) + base - remainder
    sum1 %= base
    sum2 %= base
    return sum1 | (sum2 << 16)


def _repeat_check(unit: bytes, times: int, start: int, check: object, combine: object) -> int:
    """A checksum of `unit` written `times` times, by doubling."""
    assert callable(check) and callable(combine)
    result, result_length = start, 0
    power, power_length = check(unit), len(unit)
    first = True
    while times:
        if times & 1:
            result = power if first else combine(result, power, power_length)
            result_length += power_length
            first = False
        times >>= 1
        if times:
            power = combine(power, power, power_length)
            power_length *= 2
    return result


@dataclass(frozen=True)
class Repeat:
    """`pattern` written again and again: once, then `blocks` times 4096 copies of 258 bytes (about 1 MB each).
    The pattern's length must divide 258, so that the whole is the pattern repeated."""

    pattern: bytes
    blocks: int

    def __post_init__(self) -> None:
        assert LENGTH % len(self.pattern) == 0, "the pattern's length must divide 258"

    @classmethod
    def at_least(cls, pattern: bytes, size: int) -> Repeat:
        return cls(pattern, max(1, -(-(size - len(pattern)) // (LENGTH * COPIES))))

    @property
    def times(self) -> int:
        return 1 + self.blocks * COPIES * LENGTH // len(self.pattern)

    @property
    def size(self) -> int:
        return len(self.pattern) * self.times

    def deflate(self) -> bytes:
        """Raw deflate data (no header) that unpacks to the repetition."""
        first = _fixed_block()
        for byte in self.pattern:
            _literal(first, byte)
        block = _fixed_block()
        for _ in range(COPIES):
            _copy(block, len(self.pattern))
        last = b"\x01\x00\x00\xff\xff"  # the final block: stored, empty
        return first.end_block(False) + block.end_block(False) * self.blocks + last

    def zlib(self) -> bytes:
        """The repetition as a zlib stream (PDF's FlateDecode): header, deflate data, Adler-32."""
        adler = _repeat_check(self.pattern, self.times, 1, zlib.adler32, _adler_combine)
        return b"\x78\x9c" + self.deflate() + struct.pack(">I", adler)

    def crc32(self) -> int:
        return _repeat_check(self.pattern, self.times, 0, zlib.crc32, _crc_combine)


def write_zip(path: Path, members: dict[str, bytes | Repeat], declared: dict[str, int] | None = None) -> Path:
    """A zip file of `members`: bytes are stored as they are, a `Repeat` deflated (sizes and CRC true, but for the
    sizes `declared` says: a zip that lies about what a member unpacks to)."""
    local, central = bytearray(), bytearray()
    for name, content in members.items():
        encoded = name.encode()
        if isinstance(content, Repeat):
            data, method, crc, size = content.deflate(), 8, content.crc32(), content.size
        else:
            data, method, crc, size = content, 0, zlib.crc32(content), len(content)
        size = (declared or {}).get(name, size)
        assert size < 0xFFFFFFFF, "no zip64 here"
        offset = len(local)
        fields = struct.pack("<HHHHHIII", 20, 0, method, 0, 0x21, crc, len(data), size)
        local += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields
        central += struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    count = len(members)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


def write_pdf(path: Path, objects: list[bytes], *, xref_stream: bool = False) -> Path:
    """A PDF of `objects` (object 1 is the catalog), with a cross-reference table, or a cross-reference stream."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    count = len(objects) + 1
    if xref_stream:  # its own entries: uncompressed, type 1 (offset) for each object, itself last
        rows = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(struct.pack(">BIH", 1, at, 0) for at in offsets)
        rows += struct.pack(">BIH", 1, start, 0)
        out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (
            count,
            count + 1,
            len(rows),
        )
        out += rows + b"\nendstream\nendobj\n"
    else:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % count
        out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % count
    out += b"startxref\n%d\n%%%%EOF\n" % start
    path.write_bytes(bytes(out))
    return path


def stream(data: bytes, dictionary: bytes = b"") -> bytes:
    """A PDF stream object's body; `data` already encoded as `dictionary`'s /Filter says."""
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dictionary) + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page(contents: int, resources: bytes = b"<< /Font << /F1 5 0 R >> >>") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>" % (
        contents,
        resources,
    )


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak: int  # bytes of memory at most (resident)
    seconds: float


# Runs the command in a process of its own and reports its exit code and peak memory. A process's peak resident
# memory (ru_maxrss) counts the memory of the process it was forked from, up to its exec: forked from the test
# runner, which holds hundreds of megabytes after a long session, every run would seem that large. Forked from this
# small runner instead, the count starts from a few tens of megabytes.
_RUNNER = """
import json, os, resource, subprocess, sys, time
memory, seconds, out, err = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
started = time.monotonic()
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    process = subprocess.Popen(sys.argv[5:], stdout=stdout, stderr=stderr, preexec_fn=limit)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > seconds:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.02)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024, time.monotonic() - started]))
"""


def run_bounded(cwd: Path, *args: str, memory: int = 1 << 30, seconds: float = 30) -> Run:
    """`python -m opmanual ARGS` under `RLIMIT_AS` of `memory` and killed after `seconds`: a bound that a bomb must
    not reach (a run that reaches it is killed or fails, and the test says so)."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out, err = cwd / ".run-out", cwd / ".run-err"
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "opmanual", *args]
    runner = [sys.executable, "-c", _RUNNER, str(memory), str(seconds), str(out), str(err), *command]
    answer = subprocess.run(runner, cwd=cwd, env=env, capture_output=True, text=True, check=True)
    code, peak, elapsed = json.loads(answer.stdout)
    run = Run(code, out.read_text(), err.read_text(), peak, elapsed)
    out.unlink()
    err.unlink()
    return run
