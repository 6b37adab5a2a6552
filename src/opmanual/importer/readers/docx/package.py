"""The zip of a .docx, read within the limits: its directory checked before anything is unpacked, each part
unpacked a piece at a time, its XML parsed without entities or DTDs, its pictures measured by the size their
headers declare."""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from typing import Any, BinaryIO

from lxml import etree  # type: ignore[import-untyped]  # lxml publishes no types; python-docx uses it the same way

from ...blocks import SourceError
from ...limits import (
    MAX_PARTS,
    MAX_PIXELS,
    MAX_RATIO,
    MAX_UNPACKED,
    MAX_XML,
    TooLarge,
    size,
)

# --- the zip ------------------------------------------------------------------------------------------------------

RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# The central directory is read whole by zipfile: at most this many bytes of it (a part's entry is 50–100 bytes).
MAX_DIRECTORY = MAX_PARTS * 1000
_EOCD = struct.Struct("<4sHHHHIIH")  # the end of central directory record
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")  # its zip64 form
_LOCATOR64 = struct.Struct("<4sIQI")
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")
HEADER = 1 << 16  # bytes of a picture read for its size: JPEG may put its frame header after large metadata
# Word's XML without what a hostile file could use: no entities expanded, no DTD or network, lxml's limits on
# depth and text size kept (no huge_tree).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True)
# What a damaged zip or part raises while it is read: one message for all of them.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


class _Package:
    """The zip of a .docx, read within the limits: its directory checked before anything is unpacked."""

    def __init__(self, file: BinaryIO, name: str) -> None:
        self.name = name
        self.read_xml = 0  # bytes of XML unpacked so far
        directory = _directory_size(file)
        if directory is None:
            raise SourceError(f"{name} is damaged: it starts like a Word file (a zip) but cannot be opened.")
        if directory > MAX_DIRECTORY:
            raise TooLarge(
                f"{name} lists more than {MAX_PARTS:,} parts in its zip (Word writes a few hundred): it is not a "
                "manual's Word file, or it is damaged."
            )
        try:
            self.zip = zipfile.ZipFile(file)
        except (*_DAMAGED, struct.error):
            raise SourceError(f"{name} is damaged: it starts like a Word file (a zip) but cannot be opened.") from None
        members = self.zip.infolist()
        if len(members) > MAX_PARTS:
            raise TooLarge(
                f"{name} has {len(members):,} parts in its zip, more than the {MAX_PARTS:,} of any Word file: it is "
                "not a manual's Word file, or it is damaged."
            )
        unpacked = sum(member.file_size for member in members)
        packed = max(1, file.seek(0, 2))
        if unpacked > MAX_UNPACKED:
            raise TooLarge(
                f"{name} unpacks to {size(unpacked)}, more than the {size(MAX_UNPACKED)} a manual's Word file may "
                "hold: it is not a manual, or it is made to fill the memory (a zip bomb)."
            )
        # A small file may unpack to many times its size (XML of empty paragraphs); only one that unpacks to more
        # than the XML the reader would ever read is judged by its ratio.
        if unpacked > MAX_XML and unpacked / packed > MAX_RATIO:
            raise TooLarge(
                f"{name} unpacks to {unpacked / packed:,.0f} times its size, more than the {MAX_RATIO} times of any "
                "Word file: it is made to fill the memory (a zip bomb), or it is damaged."
            )
        self.names = {member.filename: member for member in members}

    def unpack(self, part: str, limit: int) -> bytes | None:
        """A part's bytes, unpacked a piece at a time; None past `limit` (the size the zip declares for it is not
        trusted)."""
        pieces: list[bytes] = []
        total = 0
        try:
            with self.zip.open(self.names[part]) as stream:
                while piece := stream.read(1 << 20):
                    total += len(piece)
                    if total > limit:
                        return None
                    pieces.append(piece)
        except _DAMAGED:
            raise SourceError(f"{self.name} is damaged: its part {part} cannot be read.") from None
        return b"".join(pieces)

    def xml(self, part: str) -> Any:
        """A part parsed as XML, counted against MAX_XML."""
        data = self.unpack(part, MAX_XML - self.read_xml)
        if data is None:
            raise TooLarge(
                f"{self.name}: its XML parts unpack to more than {size(MAX_XML)}, more than a manual's Word file "
                "has (an 80-page manual has 2–4 MB): it is not a manual, or it is made to fill the memory."
            )
        self.read_xml += len(data)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            raise SourceError(f"{self.name} is damaged: its part {part} is not readable XML.") from None

    def _relationships(self, part: str) -> dict[str, str]:
        """The relationships of `part` ("" for the package's own): type (its last word) → the part it names."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in self.names:
            return {}
        found: dict[str, str] = {}
        for relationship in self.xml(rels).iter(f"{{{RELATIONSHIPS}}}Relationship"):
            kind = (relationship.get("Type") or "").removeprefix(OFFICE_DOCUMENT)
            target = relationship.get("Target") or ""
            if relationship.get("TargetMode") == "External" or kind in found:
                continue
            place = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[kind] = posixpath.normpath(place)
        return found

    def main(self) -> str:
        """The main document part (word/document.xml in every Word file, but the package says where)."""
        main = self._relationships("").get("officeDocument", "word/document.xml")
        if main not in self.names:
            raise SourceError(
                f"{self.name} is a zip file but not a Word document (it has no word/document.xml): save the manual "
                "from Word as .docx."
            )
        return main

    def related(self, part: str, *kinds: str) -> list[str | None]:
        relationships = self._relationships(part)
        return [relationships.get(kind) if relationships.get(kind) in self.names else None for kind in kinds]

    def check_pictures(self) -> None:
        """Every picture's declared size, read from its first bytes: a picture is never unpacked to be skipped,
        but one that declares more pixels than any manual's picture is a sign of a hostile file."""
        for part in self.names:
            if not part.lower().endswith(PICTURES):
                continue
            found = pixels(self.unpack_head(part))
            if found and found[0] * found[1] > MAX_PIXELS:
                width, height = found
                raise TooLarge(
                    f"{self.name}: its picture {part} declares {width:,} × {height:,} pixels, more than the "
                    f"{MAX_PIXELS:,} of any picture in a manual: it is made to fill the memory, or it is damaged."
                )

    def unpack_head(self, part: str) -> bytes:
        try:
            with self.zip.open(self.names[part]) as stream:
                return stream.read(HEADER)
        except _DAMAGED:
            raise SourceError(f"{self.name} is damaged: its part {part} cannot be read.") from None


def _directory_size(file: BinaryIO) -> int | None:
    """The size of the zip's central directory, read from its end record (as zipfile will), or None when there is
    none; zipfile reads the whole directory into memory before anything can be checked."""
    end = file.seek(0, 2)
    tail_size = min(end, _EOCD.size + 0xFFFF)
    file.seek(end - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        return None
    directory: int = _EOCD.unpack_from(tail, at)[5]
    if at >= _LOCATOR64.size and tail[at - _LOCATOR64.size : at - _LOCATOR64.size + 4] == b"PK\x06\x07":
        offset = _LOCATOR64.unpack_from(tail, at - _LOCATOR64.size)[2]
        file.seek(offset)
        record = file.read(_EOCD64.size)
        if len(record) == _EOCD64.size and record.startswith(b"PK\x06\x06"):
            directory = max(directory, _EOCD64.unpack(record)[8])
    file.seek(0)
    return directory


def pixels(head: bytes) -> tuple[int, int] | None:
    """(width, height) that a picture's first bytes declare: PNG, GIF, BMP, JPEG, TIFF, WebP; None when they do not
    say (another format, or a header past the bytes read)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return width, height
    if head.startswith(b"BM") and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return abs(width), abs(height)
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff(head)
    if head.startswith(b"RIFF") and head[8:16] == b"WEBPVP8X" and len(head) >= 30:
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    return None


def _jpeg(head: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 <= len(head) and head[at] == 0xFF:
        marker = head[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = int.from_bytes(head[at + 2 : at + 4], "big")
        # SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the frame header with the size.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def _tiff(head: bytes) -> tuple[int, int] | None:
    order = "<" if head[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", head[4:8])[0]
    if offset + 2 > len(head):
        return None
    count = struct.unpack(order + "H", head[offset : offset + 2])[0]
    found: dict[int, int] = {}
    for index in range(count):
        entry = offset + 2 + index * 12
        if entry + 12 > len(head):
            break
        tag, kind = struct.unpack(order + "HH", head[entry : entry + 4])
        if tag in (256, 257):  # ImageWidth, ImageLength: SHORT or LONG
            form = "H" if kind == 3 else "I"
            found[tag] = struct.unpack(order + form, head[entry + 8 : entry + 8 + struct.calcsize(form)])[0]
    return (found[256], found[257]) if 256 in found and 257 in found else None
