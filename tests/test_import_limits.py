"""Every source is bounded before it is expanded: zip bombs, PDF stream bombs, pages that draw a drawing a million
times, a million empty paragraphs, a text of line breaks. Each bomb is made at test time (tests/bombs.py) and fed
to the real command under a 1 GB address-space limit and a 30 s clock: it must end with the sentence naming the
limit, exit code 1, nothing written, in bounded memory."""

from __future__ import annotations

import io
import os
import random
import signal
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from bombs import CATALOG, FONT, PAGES, Repeat, Run, page, run_bounded, stream, write_pdf, write_zip

from opmanual.importer import limits
from opmanual.importer.blocks import SourceError
from opmanual.importer.readers.docx.package import pixels
from opmanual.importer.readers.isolated import ReaderFailed, isolated
from opmanual.importer.readers.pdf.limits import string_bytes, unpacked_size

GB = 1_000_000_000
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
PEAK = 400_000_000  # resident memory an import of a bomb may reach: the import itself takes 150 MB


def refused(tmp_path: Path, source: Path) -> Run:
    """The import of `source`, which must be refused in bounded time and memory with nothing written."""
    run = run_bounded(tmp_path, "import", str(source), "--into", str(tmp_path / "data"))
    assert run.code == 1, (run.code, run.err[-2000:])
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    assert run.err.endswith("Nothing was written.\n"), run.err
    assert run.peak < PEAK, f"{run.peak / 1e6:.0f} MB"
    assert not (tmp_path / "data").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging, no lock
    return run


def word_parts() -> dict[str, bytes]:
    """The parts of a small real Word file, written by python-docx."""
    import docx

    document = docx.Document()
    document.add_paragraph("คู่มือการปฏิบัติงาน")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.slow
def test_a_docx_whose_xml_unpacks_to_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    parts["word/document.xml"] = Repeat.at_least(b"<w:p/>", 2 * GB)  # 14 MB on disk
    run = refused(tmp_path, write_zip(tmp_path / "bomb.docx", parts))
    assert run.err == (
        "python -m opmanual import: bomb.docx unpacks to 2 GB, more than the 500 MB a manual's Word file may hold: "
        "it is not a manual, or it is made to fill the memory (a zip bomb). Nothing was written.\n"
    )


@pytest.mark.slow
def test_a_docx_whose_picture_unpacks_to_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    """The probe's: python-docx loads every part the document relates to, a 2 GB bitmap too (4 GB at its peak)."""
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    relationship = f'<Relationship Id="rId99" Type="{IMAGE}" Target="media/image1.bmp"/></Relationships>'
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", relationship.encode()
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"<Default ", b'<Default Extension="bmp" ContentType="image/bmp"/><Default ', 1
    )
    parts["word/media/image1.bmp"] = Repeat.at_least(b"\0", 2 * GB)
    assert "unpacks to 2 GB" in refused(tmp_path, write_zip(tmp_path / "bomb.docx", parts)).err


@pytest.mark.slow
def test_a_docx_that_unpacks_to_far_more_than_its_size_is_refused(tmp_path: Path) -> None:
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    parts["word/media/image1.bmp"] = Repeat.at_least(b"\0", 300_000_000)  # 2 MB on disk: 150 times
    run = refused(tmp_path, write_zip(tmp_path / "bomb.docx", parts))
    assert "times its size, more than the 100 times of any Word file: it is made to fill the memory" in run.err


@pytest.mark.slow
def test_xml_parts_are_unpacked_within_the_limit(tmp_path: Path) -> None:
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    parts["word/document.xml"] = Repeat.at_least(b"<w:p/>", 60_000_000)
    parts["word/media/image1.jpeg"] = random.Random(2).randbytes(1_000_000)  # noqa: S311 - a photo: no packing
    bomb = write_zip(tmp_path / "xml.docx", parts)
    assert "its XML parts unpack to more than 40 MB, more than a manual's Word file has" in refused(tmp_path, bomb).err


@pytest.mark.slow
def test_a_zip_that_says_less_than_a_part_unpacks_to_is_read_no_further(tmp_path: Path) -> None:
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    parts["word/document.xml"] = Repeat.at_least(b"<w:p/>", 2 * GB)
    bomb = write_zip(tmp_path / "liar.docx", parts, declared={"word/document.xml": 1000})
    assert "liar.docx is damaged: its part word/document.xml cannot be read." in refused(tmp_path, bomb).err


@pytest.mark.slow
def test_a_picture_that_declares_a_huge_bitmap_is_refused_without_decoding_it(tmp_path: Path) -> None:
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", 100_000, 100_000) + b"\x08\x02\0\0\0"
    parts: dict[str, bytes | Repeat] = dict(word_parts())
    parts["word/media/image1.png"] = header + struct.pack(">I", zlib.crc32(header[12:29])) + bytes(64)
    run = refused(tmp_path, write_zip(tmp_path / "picture.docx", parts))
    assert "its picture word/media/image1.png declares 100,000 × 100,000 pixels, more than the 500,000,000" in run.err


@pytest.mark.parametrize(
    ("head", "size"),
    [
        (b"GIF89a" + struct.pack("<HH", 640, 480), (640, 480)),
        (b"BM" + bytes(16) + struct.pack("<ii", 800, -600), (800, 600)),
        (b"\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x11\x08" + struct.pack(">HH", 1080, 1920), (1920, 1080)),
        (
            b"II*\x00\x08\x00\x00\x00\x02\x00"
            + struct.pack("<HHII", 256, 4, 1, 30)
            + struct.pack("<HHII", 257, 3, 1, 20),
            (30, 20),
        ),
        (b"RIFF\0\0\0\0WEBPVP8X" + bytes(8) + (99).to_bytes(3, "little") + (49).to_bytes(3, "little"), (100, 50)),
        (b"%PDF-1.7", None),
    ],
)
def test_the_pixels_a_picture_declares_are_read_from_its_header(head: bytes, size: tuple[int, int] | None) -> None:
    assert pixels(head) == size


@pytest.mark.slow
def test_a_million_empty_paragraphs_are_refused_at_the_limit(tmp_path: Path) -> None:
    parts = word_parts()
    body = b"<w:body>" + b"<w:p/>" * 1_000_000
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", body, 1)
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "empty.docx has more than 100,000 paragraphs (lines of a paragraph counted)" in refused(tmp_path, path).err


@pytest.mark.slow
def test_a_zip_that_lists_more_parts_than_a_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in word_parts().items():
            archive.writestr(name, data)
        for number in range(limits.MAX_PARTS + 1):
            archive.writestr(f"extra/item{number}.xml", b"")
    assert "parts in its zip, more than the 10,000 of any Word file" in refused(tmp_path, path).err
    # Long names: a directory that zipfile would read whole into memory is refused before zipfile reads it.
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in word_parts().items():
            archive.writestr(name, data)
        for number in range(5_000):
            archive.writestr(f"extra/{'x' * 3000}{number}.xml", b"")
    assert "parts.docx lists more than 10,000 parts in its zip" in refused(tmp_path, path).err


@pytest.mark.slow
def test_a_merge_down_a_long_table_is_read_in_linear_time(tmp_path: Path) -> None:
    """Each continued cell looked back through every row above it: 4,000 rows of 40 merged columns took 40 s."""
    first = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>ก</w:t></w:r></w:p></w:tc>' * 40
    rest = "<w:tr>" + "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" * 40 + "</w:tr>"
    table = f"<w:tbl><w:tr>{first}</w:tr>{rest * 4_000}</w:tbl>".encode()
    parts = word_parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + table, 1)
    path = tmp_path / "merged.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    run = run_bounded(tmp_path, "import", str(path), "--into", str(tmp_path / "data"), seconds=20)
    assert run.code == 0, run.err


def test_text_boxes_inside_text_boxes_are_read_once_each(tmp_path: Path) -> None:
    """Each box's paragraphs were read again for every box around it: 2^depth readings."""
    from opmanual.importer.readers import read

    inner = "<w:p><w:r><w:t>ข้อความในกล่องชั้นใน</w:t></w:r></w:p>"
    for depth in range(30):
        inner = (
            f"<w:p><w:r><w:t>ชั้น {depth}</w:t></w:r><w:r><w:drawing><w:txbxContent>{inner}</w:txbxContent>"
            "</w:drawing></w:r></w:p>"
        )
    parts = word_parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + inner.encode(), 1)
    path = tmp_path / "boxes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    texts = [block.text for block in read(path).blocks if hasattr(block, "text")]
    assert texts.count("ข้อความในกล่องชั้นใน") == 1
    assert len(texts) == 32


# --- PDF ---------------------------------------------------------------------------------------------------------


def content_bomb(tmp_path: Path) -> Path:
    bomb = Repeat.at_least(b" ", 2 * GB).zlib()  # 13 MB on disk
    return write_pdf(tmp_path / "bomb.pdf", [CATALOG, PAGES, page(4), stream(bomb, b"/Filter /FlateDecode"), FONT])


@pytest.mark.slow
def test_a_pdf_stream_that_unpacks_to_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    assert refused(tmp_path, content_bomb(tmp_path)).err == (
        "python -m opmanual import: bomb.pdf has a stream (object 4) that unpacks to more than 64 MB, more than any "
        "manual's PDF: it is made to fill the memory (a decompression bomb), or it is damaged. Nothing was written.\n"
    )


@pytest.mark.slow
def test_a_pdf_whose_cross_reference_stream_unpacks_to_gigabytes_is_refused_before_qpdf_opens_it(
    tmp_path: Path,
) -> None:
    """qpdf unpacks a cross-reference stream whole as it opens the file (27 s and 1 GB for this one)."""
    path = write_pdf(tmp_path / "xref.pdf", [CATALOG, PAGES, page(4), stream(b"BT ET"), FONT], xref_stream=True)
    data = path.read_bytes()
    bomb = Repeat.at_least(b"\0", 2 * GB).zlib()
    at = data.index(b"/Type /XRef")
    start, end = data.index(b"stream\n", at) + 7, data.index(b"\nendstream", at)
    data = data[:at] + data[at:start].replace(b"/Length", b"/Filter /FlateDecode /Length 1 0 R %") + bomb + data[end:]
    path.write_bytes(data.replace(b"/Length 1 0 R %", b"/Length %d" % len(bomb)))
    assert (
        "xref.pdf has a cross-reference or object stream that unpacks to more than 64 MB" in refused(tmp_path, path).err
    )


@pytest.mark.slow
def test_a_pdf_object_stream_that_unpacks_to_gigabytes_is_refused(tmp_path: Path) -> None:
    objects = b"5 0 " + FONT
    prefix = b"\x00" + struct.pack("<HH", len(objects), 0xFFFF ^ len(objects)) + objects  # a stored deflate block
    bomb = b"\x78\x9c" + prefix + Repeat.at_least(b" ", 2 * GB).deflate() + b"\0\0\0\0"
    object_stream = stream(bomb, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode")
    path = write_pdf(tmp_path / "objects.pdf", [CATALOG, PAGES, page(4), stream(b"BT ET"), b"null", object_stream])
    assert "objects.pdf has a cross-reference or object stream that unpacks to more than 64 MB" in (
        refused(tmp_path, path).err
    )


def test_a_page_that_draws_a_drawing_a_million_times_is_refused(tmp_path: Path) -> None:
    form = stream(b"BT /F1 1 Tf (" + b"a" * 100 + b") Tj ET", b"/Type /XObject /Subtype /Form /BBox [0 0 9 9]")
    resources = b"<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"
    content = stream(b"/X Do\n" * 1_000_000)  # 6 MB of instructions, each drawing 100 characters
    path = write_pdf(tmp_path / "forms.pdf", [CATALOG, PAGES, page(4, resources), content, FONT, form])
    assert "forms.pdf: its page 1 draws more than 200,000 characters, more than any manual's page" in (
        refused(tmp_path, path).err
    )


@pytest.mark.slow
def test_a_page_that_draws_millions_of_characters_is_refused(tmp_path: Path) -> None:
    content = stream(b"BT /F1 1 Tf (" + b"a" * 3_000_000 + b") Tj ET")  # 6 GB in pdfplumber's objects
    path = write_pdf(tmp_path / "chars.pdf", [CATALOG, PAGES, page(4), content, FONT])
    assert "chars.pdf: its page 1 draws more than 200,000 characters" in refused(tmp_path, path).err


@pytest.mark.slow
def test_a_page_of_a_hundred_thousand_shapes_is_refused(tmp_path: Path) -> None:
    content = stream(b"".join(b"%d 10 5 5 re S\n" % (number % 500) for number in range(150_000)))
    path = write_pdf(tmp_path / "shapes.pdf", [CATALOG, PAGES, page(4), content, FONT])
    assert "shapes.pdf: its page 1 draws more than 100,000 lines and shapes" in refused(tmp_path, path).err


@pytest.mark.slow
def test_a_form_that_draws_itself_is_refused(tmp_path: Path) -> None:
    form = stream(b"/X Do", b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X 6 0 R >> >>")
    resources = b"<< /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"
    path = write_pdf(tmp_path / "loop.pdf", [CATALOG, PAGES, page(4, resources), stream(b"/X Do"), FONT, form])
    assert "loop.pdf: its page 1 draws more than 16 MB of drawing instructions" in refused(tmp_path, path).err


def test_unpacked_sizes_are_counted_a_piece_at_a_time() -> None:
    data = bytes(random.Random(1).randrange(256) for _ in range(10_000))  # noqa: S311 - test data
    flate = zlib.compress(data)
    assert unpacked_size(flate, ["/FlateDecode"], 20_000) == 10_000
    assert unpacked_size(flate, ["/FlateDecode"], 9_999) is None
    assert unpacked_size(flate.hex().encode() + b">", ["/ASCIIHexDecode", "/FlateDecode"], 20_000) == 10_000
    assert unpacked_size(b"\x81a\x00b\x80", ["/RunLengthDecode"], 1000) == 128 + 1
    assert unpacked_size(b"\x81a" * 10_000, ["/RunLengthDecode"], 1000) is None
    assert unpacked_size(flate[:100], ["/FlateDecode"], 20_000) is not None  # damaged: what unpacked before it
    assert unpacked_size(b"\xff\xd8 a picture", ["/DCTDecode"], 100) == 12


def test_string_bytes_bound_the_characters_a_content_draws() -> None:
    assert string_bytes(b"BT /F1 9 Tf (abc) Tj [(d) -20 <0041>] TJ ET") >= 5
    assert string_bytes(b"(a (nested) \\) string)") >= len("a (nested) ) string")
    assert string_bytes(b"<< /Type /Page >> % (not a string)\n q Q") == 0
    assert string_bytes(b"(" + b"x" * 1000) >= 1000  # a string that does not end counts to the end


# --- text --------------------------------------------------------------------------------------------------------


def test_a_text_of_line_breaks_is_refused_at_the_line_limit(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes(b"\n" * 9_000_000 + "ข้อความ".encode())
    assert "lines.txt has more than 200,000 lines, more than a manual has" in refused(tmp_path, path).err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # One wide row over many narrow ones: every row padded to the widest (2 GB, then an internal error).
        pytest.param("wide.txt", "\t".join(["ก"] * 150_000) + "\n" + "ก\tข\n" * 2_000, marks=pytest.mark.slow),
        ("pipes.md", "|" + "|".join(["ก"] * 300_000) + "|\n"),
    ],
)
def test_a_text_of_too_many_table_cells_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert f"{name} has more than 200,000 table cells, more than a manual has" in refused(tmp_path, path).err


@pytest.mark.slow
def test_a_text_of_one_long_line_is_read_in_bounded_time(tmp_path: Path) -> None:
    """The Thai repairs looked at the whole line before each of its spaces: a 600 kB line took 3 minutes. Now the
    line is repaired in moments, and then refused with the loader's limit on a paragraph, before anything is written."""
    path = tmp_path / "long.txt"
    words = random.Random(3)  # noqa: S311 - test data
    path.write_text(" ".join(words.choice(["การ", "นิเทศ", "ครู", "สถานศึกษา"]) for _ in range(50_000)))
    run = run_bounded(tmp_path, "import", str(path), "--into", str(tmp_path / "data"))
    assert run.code == 1, run.err
    assert "is too long: at most 20000 characters" in run.err and "bug" not in run.err
    assert not (tmp_path / "data").exists()


# --- the PDF reader's own process --------------------------------------------------------------------------------


def _busy() -> None:
    while True:
        pass


def _greedy() -> None:
    hoard = []
    while True:
        hoard.append(bytearray(50_000_000))


def _refuses() -> None:
    raise SourceError("x.pdf is damaged.")


def _fails() -> None:
    raise KeyError("a bug")


@pytest.mark.slow
def test_a_reader_past_its_processor_time_is_stopped_with_a_sentence() -> None:
    with pytest.raises(SourceError, match=r"^x.pdf takes more than 1 seconds of processor time to read"):
        isolated(_busy, name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=1)


def test_a_reader_past_its_memory_is_stopped_with_a_sentence() -> None:
    with pytest.raises(SourceError, match=r"^x.pdf needs more than 200 MB of memory to read, more than any manual"):
        isolated(_greedy, name="x.pdf", memory=200_000_000, seconds=60)


def test_a_readers_answer_and_its_bugs_come_back_from_its_process() -> None:
    assert isolated(lambda: ["ข้อความ"], name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=60) == ["ข้อความ"]
    with pytest.raises(SourceError, match=r"^x.pdf is damaged.$"):
        isolated(_refuses, name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=60)
    with pytest.raises(ReaderFailed, match=r"^KeyError: 'a bug'") as failed:
        isolated(_fails, name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=60)
    assert "Traceback" in failed.value.__notes__[0]  # shown with --verbose


def _children() -> list[int]:
    """This process's living and unreaped children (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
def test_readers_side_by_side_answer_in_order_and_a_failure_among_them_is_raised() -> None:
    from opmanual.importer.readers.isolated import side_by_side

    before = set(_children())  # the worker's own (a server another test of this process started)
    big = "ก" * 1_000_000  # more than a pipe holds: the second child waits for the first to be read
    jobs = [(lambda n: (n, big), (1,)), (lambda n: (n, big), (2,)), (lambda n: (n, big), (3,))]
    answers = side_by_side(jobs, name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=60)
    assert [number for number, _ in answers] == [1, 2, 3] and all(text == big for _, text in answers)
    with pytest.raises(SourceError, match=r"^x.pdf is damaged.$"):
        side_by_side([(_refuses, ()), (_busy, ())], name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=1)
    assert set(_children()) <= before  # every child ended and reaped, the busy one too


@pytest.mark.slow
def test_readers_side_by_side_interrupted_leave_no_child_behind() -> None:
    """Ctrl-C while the children work: the interrupt reaches the caller as it is, and every child is killed and
    reaped."""
    from opmanual.importer.readers.isolated import side_by_side

    before = set(_children())
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with pytest.raises(KeyboardInterrupt):
            side_by_side([(_busy, ()), (_busy, ())], name="x.pdf", memory=limits.MAX_PDF_MEMORY, seconds=60)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert set(_children()) <= before


@pytest.mark.slow
def test_pages_of_wide_gaps_that_never_line_up_are_read_in_bounded_time(tmp_path: Path) -> None:
    """Twenty pages whose every line is a row of a table drawn with tabs, each row's cells a little off the
    others': the columns are found in time linear in the parts, and the cells are counted against the limit."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    for _ in range(20):
        lines = []
        for row in range(60):
            words = b" ".join(b"(ab) Tj 26 0 Td" for _ in range(20))
            lines.append(b"BT /F1 10 Tf %.1f %d Td %s ET" % (20 + row * 0.9, 800 - row * 12, words))
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"\n".join(lines))
    path = tmp_path / "gaps.pdf"
    pdf.save(path)
    run = run_bounded(tmp_path, "import", str(path), "--into", str(tmp_path / "data"), seconds=30)
    assert run.code in (0, 1) and "Traceback" not in run.err, run.err
    assert run.code == 0 or "table cells" in run.err, run.err
