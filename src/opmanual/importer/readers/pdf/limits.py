"""What a PDF holds, measured before pdfminer reads it: its objects, every stream it may unpack (unpacked here a
piece at a time and refused past the limit), and what each page draws, forms included, as often as it draws them."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ...blocks import SourceError
from ...limits import (
    MAX_CHARS,
    MAX_DRAWN,
    MAX_OBJECTS,
    MAX_PAGE_CHARS,
    MAX_PAGE_DRAWN,
    MAX_PAGE_SHAPES,
    MAX_STREAM,
    MAX_STREAMS,
    TooLarge,
    size,
)


def _check_objects(pdf: Any, name: str) -> None:
    """The PDF's objects and every stream pdfminer may unpack (all but pictures, which it never unpacks), each
    unpacked here a piece at a time and refused past the limit before pdfminer would unpack it whole."""
    import pikepdf

    objects = pdf.objects
    if len(objects) > MAX_OBJECTS:
        raise TooLarge(
            f"{name} has {len(objects):,} objects, more than the {MAX_OBJECTS:,} of any manual's PDF: it is not a "
            "manual, or it is damaged."
        )
    total = 0
    for found in objects:
        if not isinstance(found, pikepdf.Stream) or found.get("/Subtype") == pikepdf.Name.Image:
            continue
        filters = found.get("/Filter")
        chain = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters else []
        unpacked = unpacked_size(found.read_raw_bytes(), chain, MAX_STREAM)
        if unpacked is None:
            raise TooLarge(
                f"{name} has a stream (object {found.objgen[0]}) that unpacks to more than {size(MAX_STREAM)}, more "
                "than any manual's PDF: it is made to fill the memory (a decompression bomb), or it is damaged."
            )
        total += unpacked
        if total > MAX_STREAMS:
            raise TooLarge(
                f"{name}: its streams unpack to more than {size(MAX_STREAMS)} together, more than any manual's PDF "
                "(pictures not counted): it is made to fill the memory, or it is damaged."
            )


_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")  # a drawing (form or picture) used by name


def _check_drawing(pdf: Any, name: str) -> None:
    """What pdfminer will interpret, page by page: a page's content and every form it draws, counted each time it
    draws it (a form drawn a million times is interpreted a million times), found by the `Do` operators in the
    content. A form that draws itself would never end."""
    import pikepdf

    costs: dict[tuple[int, int], tuple[int, int, int]] = {}
    total = chars = 0

    def cost(data: bytes, resources: Any, depth: int) -> tuple[int, int, int]:
        """(bytes interpreted, characters drawn at most, shapes drawn) for content `data`, its forms counted as
        often as they are drawn."""
        spent, text, shapes = len(data), string_bytes(data), len(_PATH.findall(data))
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        for found in _DRAW.finditer(data):
            form = xobjects.get("/" + found.group(1).decode("latin-1")) if xobjects is not None else None
            if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
                continue  # a picture: pdfminer does not unpack it
            key = form.objgen
            if key not in costs:
                if depth > 32:
                    raise SourceError(f"{name} is damaged: its drawings draw each other without end.")
                costs[key] = (MAX_PAGE_DRAWN + 1, 0, 0)  # while it is counted: a form drawing itself is too much
                costs[key] = cost(form.read_bytes(), form.get("/Resources", resources), depth + 1)
            spent, text, shapes = spent + costs[key][0], text + costs[key][1], shapes + costs[key][2]
            if spent > MAX_PAGE_DRAWN or text > MAX_PAGE_CHARS or shapes > MAX_PAGE_SHAPES:
                break
        return spent, text, shapes

    for number, page in enumerate(pdf.pages, start=1):
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
        data = b"\n".join(stream.read_bytes() for stream in streams if isinstance(stream, pikepdf.Stream))
        drawn, text, shapes = cost(data, page.resources, 0)  # the page's own or inherited resources
        if shapes > MAX_PAGE_SHAPES:
            raise TooLarge(
                f"{name}: its page {number} draws more than {MAX_PAGE_SHAPES:,} lines and shapes, more than any "
                "manual's page (a page of flowcharts draws about 7,000): it is made to fill the memory, or it is "
                "damaged."
            )
        if text > MAX_PAGE_CHARS:
            raise TooLarge(
                f"{name}: its page {number} draws more than {MAX_PAGE_CHARS:,} characters, more than any manual's "
                "page (a full page has about 3,000): it is made to fill the memory, or it is damaged."
            )
        if drawn > MAX_PAGE_DRAWN:
            raise TooLarge(
                f"{name}: its page {number} draws more than {size(MAX_PAGE_DRAWN)} of drawing instructions (its "
                "drawings counted each time they are drawn), more than any manual's page: it is made to keep the "
                "machine busy, or it is damaged."
            )
        total, chars = total + drawn, chars + text
        if chars > MAX_CHARS:
            raise TooLarge(
                f"{name}: its pages draw more than {MAX_CHARS:,} characters together, more than any manual (300 pages "
                "have about a million): import each manual in it separately."
            )
        if total > MAX_DRAWN:
            raise TooLarge(
                f"{name}: its pages draw more than {size(MAX_DRAWN)} of drawing instructions together, more than any "
                "manual: it is made to keep the machine busy, or it is damaged."
            )


# A path construction operator (moveto, lineto, curves, rectangle) standing alone: a shape pdfminer makes an object of.
_PATH = re.compile(rb"(?<![^\s\])>])(?:re|l|c|v|y|m)(?=[\s\[(/<%]|\Z)")
_STRING_START = re.compile(rb"[(<%]")
_LITERAL_SPECIAL = re.compile(rb"[()\\]")


def string_bytes(data: bytes) -> int:
    """The bytes of the strings in content `data`, literal `(…)` and hexadecimal `<…>`: at most the characters its
    text operators can draw. Comments are skipped; a string that does not end counts to the end. Linear: the scan
    jumps from one special character to the next."""
    total = at = 0
    while (start := _STRING_START.search(data, at)) is not None:
        kind = data[start.start() : start.start() + 1]
        at = start.end()
        if kind == b"%":  # a comment, to the end of its line
            newline = re.compile(rb"[\r\n]").search(data, at)
            at = newline.end() if newline else len(data)
        elif kind == b"<":
            if data[at : at + 1] == b"<":  # a dictionary
                at += 1
                continue
            end = data.find(b">", at)
            end = len(data) if end < 0 else end
            total += (end - at + 1) // 2
            at = end + 1
        else:
            depth = 1
            while depth and (special := _LITERAL_SPECIAL.search(data, at)) is not None:
                found = data[special.start() : special.start() + 1]
                at = special.end() + (1 if found == b"\\" else 0)
                depth += 1 if found == b"(" else -1 if found == b")" else 0
            if depth:
                at = len(data)
            total += at - start.end()
    return total


# A cross-reference or object stream's dictionary, up to the `stream` keyword its data follows.
_STRUCTURE = re.compile(rb"/Type\s*/(?:XRef|ObjStm)\b")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
DICTIONARY = 4096  # bytes from a stream's /Type to its data, at most


def _check_structure(data: bytes, name: str) -> None:
    """The cross-reference and object streams, found in the file's bytes and unpacked a piece at a time: qpdf
    unpacks them whole as it opens the file, before any object can be looked at. (An object stream of an encrypted
    file does not unpack here; the process's ceiling bounds it.)"""
    view = memoryview(data)
    for found in _STRUCTURE.finditer(data):
        start = _STREAM_START.search(data, found.end(), found.end() + DICTIONARY)
        if start is None:
            continue
        dictionary = data[max(0, found.start() - DICTIONARY) : start.start()]
        dictionary = dictionary[dictionary.rfind(b"obj") + 1 :]
        filters = _FILTERS.search(dictionary)
        chain = [name.decode() for name in _NAME.findall(filters.group(1))] if filters else []
        if unpacked_size(view[start.end() :], chain, MAX_STREAM) is None:
            raise TooLarge(
                f"{name} has a cross-reference or object stream that unpacks to more than {size(MAX_STREAM)}, more "
                "than any manual's PDF: it is made to fill the memory (a decompression bomb), or it is damaged."
            )


Decoder = Callable[[Iterable[bytes], int], Iterator[bytes]]


def unpacked_size(raw: bytes | memoryview, filters: list[str], limit: int) -> int | None:
    """How many bytes `raw` unpacks to through `filters` (a PDF stream's), or None when it is more than `limit`;
    memory and time are bounded by `limit` whatever the data. Filters pdfminer does not unpack (pictures' DCT, JPX,
    JBIG2) count as they are."""
    view = memoryview(raw)
    chunks: Iterable[bytes] = (bytes(view[at : at + PIECE]) for at in range(0, len(view), PIECE))
    for name in filters:
        decoder = DECODERS.get(name.lstrip("/"))
        if decoder is not None:
            chunks = decoder(chunks, limit)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            return None
    return total


PIECE = 1 << 16  # bytes of packed data handed to a decoder at a time: what it has not used yet is copied


def _flate(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    unpacker = zlib.decompressobj()
    produced = 0
    try:
        for chunk in chunks:
            data = chunk
            while data and not unpacker.eof and produced <= limit:
                piece = unpacker.decompress(data, 1 << 20)
                produced += len(piece)
                yield piece
                data = unpacker.unconsumed_tail
            if unpacker.eof or produced > limit:
                return
    except zlib.error:
        return  # damaged data: pdfminer keeps what unpacked before the damage


def _lzw(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    from pdfminer.lzw import LZWDecoder

    produced = 0
    try:
        for piece in LZWDecoder(io.BytesIO(b"".join(chunks))).run():
            produced += len(piece)
            yield piece
            if produced > limit:
                return
    except (ValueError, IndexError, EOFError):
        return


def _run_length(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    at = produced = 0
    while at < len(data) and data[at] != 128 and produced <= limit:
        length = data[at]
        piece = data[at + 1 : at + 2 + length] if length < 128 else data[at + 1 : at + 2] * (257 - length)
        at += 2 + length if length < 128 else 2
        produced += len(piece)
        yield piece


def _ascii(decode: Callable[[bytes], bytes]) -> Decoder:
    """ASCIIHex and ASCII85, which unpack to less than they are."""

    def decoder(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
        try:
            yield decode(b"".join(chunks))
        except ValueError:
            return

    return decoder


def _decoders() -> dict[str, Decoder]:
    from pdfminer.ascii85 import ascii85decode, asciihexdecode

    hexadecimal, base85 = _ascii(asciihexdecode), _ascii(ascii85decode)
    return {
        "FlateDecode": _flate,
        "Fl": _flate,
        "LZWDecode": _lzw,
        "LZW": _lzw,
        "RunLengthDecode": _run_length,
        "RL": _run_length,
        "ASCIIHexDecode": hexadecimal,
        "AHx": hexadecimal,
        "ASCII85Decode": base85,
        "A85": base85,
    }


DECODERS = _decoders()
