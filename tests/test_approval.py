"""An official document's life: drafts and approvals, the revision record, links back to the source, QR codes,
one PDF per process, the ITA page and the responsibility matrix.

The fixtures: in `mini` the manual, the person and the process `qa` are approved and `review` is a draft (so the
person's book, which prints `review`, is a draft); in `varied` the person and the process are approved and the
manual is a draft.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import ContentStream

import markup
from conftest import DATASETS, ROOT, build, opmanual
from opmanual.data.dataset import load
from opmanual.data.model import Approval
from opmanual.render import changelog, history
from opmanual.render.book import books
from opmanual.render.record import revision_record
from opmanual.render.repo import find
from opmanual.render.summaries import process_summary, responsibility
from poppler import pdf_text, picture

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

GITHUB = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "office5/opmanual",
    "GITHUB_BASE_REF": "main",
}


def soup_of(path: Path) -> BeautifulSoup:
    return markup.page(path)


def watermarked(path: Path) -> list[bool]:
    """For each page: whether it draws the draft watermark (a form drawn at the watermark's opacity), directly or
    inside another form (an assembled book draws its mark as one)."""
    reader = PdfReader(path)

    def draws_mark(content: object, resources: dict[str, object], depth: int = 0) -> bool:
        xobjects = resources.get("/XObject", {})
        for operands, operator in ContentStream(content, reader).operations:
            if operator != b"Do" or depth > 3:
                continue
            form = xobjects[operands[0]].get_object()
            inner = form.get("/Resources", {})
            states = inner.get("/ExtGState", {})
            if any(state.get_object().get("/ca") == 0.14 for state in states.values()):
                return True
            if form.get("/Subtype") == "/Form" and draws_mark(form, inner, depth + 1):
                return True
        return False

    return [draws_mark(page.get_contents(), page["/Resources"]) for page in reader.pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Status on the site


def test_a_draft_page_says_so_and_an_approved_one_says_who_approved_it(built_sites: dict[str, Path]) -> None:
    mini = built_sites["mini"]
    review = soup_of(mini / "processes/review/index.html").select_one("article")
    assert review is not None
    banner = review.select_one(".draft-banner")
    assert banner is not None and "ยังไม่ได้รับการอนุมัติ" in banner.get_text()
    qa = soup_of(mini / "processes/qa/index.html").select_one("article")
    assert qa is not None and qa.select_one(".draft-banner") is None
    assert "อนุมัติเมื่อ ๑ ตุลาคม ๒๕๖๗ นายผู้อำนวยการ ทดสอบ" in qa.select_one(".page-meta").get_text()  # type: ignore[union-attr]
    home = soup_of(mini / "index.html").select_one(".page-meta")
    assert home is not None and "ฉบับที่ ๒ อนุมัติเมื่อ ๑ ตุลาคม ๒๕๖๗" in home.get_text()
    # The manual of `varied` is a draft: every page it covers says so, the person's own (approved) page does not.
    varied = built_sites["varied"]
    for page in ("index.html", "workgroups/index.html", "ita/index.html", "matrix/index.html"):
        assert soup_of(varied / page).select_one("article .draft-banner") is not None, page
    assert soup_of(varied / "people/wilai/index.html").select_one("article .draft-banner") is None


def test_hand_written_revisions_are_on_the_site(built_sites: dict[str, Path]) -> None:
    page = soup_of(built_sites["mini"] / "people/somchai/index.html")
    table = page.select_one("table.record")
    assert table is not None
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["๑.๐", "๑ มิถุนายน ๒๕๖๗", "จัดทำคู่มือส่วนบุคคล", ""],
        ["๒.๐", "๑ ตุลาคม ๒๕๖๗", "ปรับมาตรฐานการปฏิบัติงาน", "นายผู้อำนวยการ ทดสอบ"],
    ]


# Status in the PDFs


@pytest.mark.parametrize(
    ("fixture", "book", "draft"),
    [
        ("mini", "manual", True),  # a process in it is a draft
        ("mini", "people/somchai", True),  # the person is approved, a process of theirs is not
        ("mini", "processes/review", True),
        ("mini", "processes/qa", False),
        ("mini", "ita", True),
        ("varied", "manual", True),
        ("varied", "people/wilai", False),
        ("varied", "processes/reading-clinic", False),
    ],
)
def test_a_draft_is_watermarked_on_every_page_and_an_approved_book_on_none(
    built_sites: dict[str, Path], fixture: str, book: str, draft: bool
) -> None:
    path = built_sites[fixture] / "pdf" / f"{book}.pdf"
    marks = watermarked(path)
    assert marks == [draft] * len(marks)
    front = squeeze(pdf_text(path, 2, 2))
    assert not re.search(r"\{#|#\}|\{\{|\{%", front)  # no template markup leaks into the print
    if draft:
        assert "ฉบับร่างยังไม่ได้รับการอนุมัติ" in front
    else:
        assert "อนุมัติให้ใช้เมื่อวันที่" in front


def test_the_watermark_is_no_part_of_the_text(built_sites: dict[str, Path]) -> None:
    """The mark is outlines: the body of a draft reads exactly as its text, with no "ฉบับร่าง" across it."""
    path = built_sites["mini"] / "pdf/processes/review.pdf"
    reader = PdfReader(path)
    body = "".join(page.extract_text() for page in reader.pages[3:])
    assert "ฉบับร่าง" not in body
    assert "จัดทำร่างแผนการนิเทศประจำปีโดยวิเคราะห์ข้อมูลผลการนิเทศปีที่ผ่านมา" in squeeze(body)


def test_an_approved_book_states_its_approval(built_sites: dict[str, Path]) -> None:
    front = squeeze(pdf_text(built_sites["varied"] / "pdf/people/wilai.pdf", 2, 2))
    assert (
        squeeze(
            "อนุมัติให้ใช้เมื่อวันที่ ๑๕ พฤษภาคม ๒๕๖๘ โดย นายทดสอบ ระบบ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา "
            "ตามคำสั่ง สพม.ทดสอบ ที่ ๑๒๓/๒๕๖๘"
        )
        in front
    )
    # The person's part is approved, a process in their book is not: the book is a draft and says both.
    draft = squeeze(pdf_text(built_sites["mini"] / "pdf/people/somchai.pdf", 2, 2))
    assert squeeze("ฉบับร่าง ยังไม่ได้รับการอนุมัติ: งานจัดทำแผนการนิเทศ") in draft
    assert squeeze("อนุมัติให้ใช้เมื่อวันที่ ๑ ตุลาคม ๒๕๖๗ โดย นายผู้อำนวยการ ทดสอบ") in draft
    never = squeeze(pdf_text(built_sites["mini"] / "pdf/processes/review.pdf", 2, 2))
    assert "ฉบับร่าง" in never and "อนุมัติให้ใช้" not in never


# The revision record, from a repository whose history is known


def git(folder: Path, *args: str, when: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "ครูวิไล", "GIT_AUTHOR_EMAIL": "w@example.org"}
    env |= {"GIT_COMMITTER_NAME": "ครูวิไล", "GIT_COMMITTER_EMAIL": "w@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(folder), *args], env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `varied` manual in a repository of its own: commits before and after the approval of 15 May 2568."""
    root = tmp_path_factory.mktemp("repo")
    data = root / "data"
    shutil.copytree(DATASETS["varied"], data)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "เริ่มคู่มือ", when="2025-01-10T10:00:00+07:00")
    person = data / "people/wilai.yml"
    person.write_text(person.read_text(encoding="utf-8") + "projects: [โครงการอ่านออกเขียนได้]\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "เพิ่มโครงการของครูวิไล", when="2025-06-01T10:00:00+07:00")  # after approval
    office = data / "office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("กัลยาณมิตร", "กัลยาณมิตร "), encoding="utf-8")
    git(root, "commit", "-q", "-am", "แก้หลักการนิเทศ", when="2025-07-01T10:00:00+07:00")
    process = data / "processes/reading-clinic.yml"
    process.write_text(process.read_text(encoding="utf-8").replace("๘๐", "๘๕"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "ปรับค่าเป้าหมายคลินิกการอ่าน", when="2025-08-01T10:00:00+07:00")
    return root


def test_the_record_of_each_book_says_what_each_commit_changed_in_its_files(repository: Path) -> None:
    data = repository / "data"
    manual = load(data)
    changes = changelog.describe_history(history.read(data), data, manual.labels, manual.info.digits)
    by_path = {book.path: book for book in books(manual, changes)}
    person = by_path["pdf/people/wilai.pdf"].record
    assert person is not None
    assert [(row.version, row.date, row.change) for row in person.rows] == [
        (
            "0.1",
            "2568-01-10",
            "เพิ่มข้อมูลของกลุ่มและคู่มือ; เพิ่มบุคลากร นางสาววิไล สอนดี; เพิ่มกระบวนงาน งานคลินิกการอ่านภาษาไทย",
        ),
        # the file arrived approved: the approval is a row of its own, dated by the approval, naming the approver
        ("1.0", "2568-05-15", "อนุมัติฉบับที่ ๑ โดย นายทดสอบ ระบบ ตามคำสั่ง สพม.ทดสอบ ที่ ๑๒๓/๒๕๖๘"),
        ("1.1", "2568-06-01", "เพิ่มโครงการ “โครงการอ่านออกเขียนได้” ของนางสาววิไล สอนดี"),
        # 1 July only added a space the loader drops: nothing a reader sees, no row
        ("1.2", "2568-08-01", "แก้ไขมาตรฐานงานและตัวชี้วัดในกระบวนงาน งานคลินิกการอ่านภาษาไทย"),  # a process she runs
    ]
    assert person.rows[1].approved_by == "นายทดสอบ ระบบ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
    process = by_path["pdf/processes/reading-clinic.pdf"].record
    assert process is not None
    assert [row.change for row in process.rows[2:]] == ["แก้ไขมาตรฐานงานและตัวชี้วัดในกระบวนงาน งานคลินิกการอ่านภาษาไทย"]
    # The whole manual writes its record by hand (revisions:), so no commit is listed.
    whole = by_path["pdf/manual.pdf"].record
    assert whole is not None and [row.change for row in whole.rows] == ["ร่างคู่มือฉบับแรกเพื่อรับฟังความเห็น"]


def test_an_approval_the_history_does_not_hold_starts_the_record(repository: Path) -> None:
    """Data copied in already approved, or a history read without its older versions: the approval the data states
    is version N.0, and only the commits after its day follow it (by their subjects, having no descriptions)."""
    approval = Approval(status="approved", by="นายทดสอบ ระบบ", position="ผู้อำนวยการ", date="2568-06-15", version=3)
    files = {"processes/reading-clinic.yml", "office.yml"}

    def wording(approved: Approval, version: int) -> str:
        return f"อนุมัติฉบับที่ {version}"

    own = "processes/reading-clinic.yml"
    record = revision_record(history.read(repository / "data"), files, own, approval, [], wording, True)
    assert record is not None
    assert [(row.version, row.change) for row in record.rows] == [
        ("3.0", "อนุมัติฉบับที่ 3"),
        ("3.1", "แก้หลักการนิเทศ"),
        ("3.2", "ปรับค่าเป้าหมายคลินิกการอ่าน"),
    ]  # the first commit is before this approval, the one of 1 June touches another file
    assert record.rows[0].approved_by == "นายทดสอบ ระบบ ผู้อำนวยการ"


def test_the_record_is_printed_in_the_front_matter(repository: Path, tmp_path: Path) -> None:
    result = build(repository / "data", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    front = squeeze(pdf_text(tmp_path / "site/pdf/people/wilai.pdf", 2, 2))
    assert squeeze("บันทึกการแก้ไข") in front
    for row in (
        "๑.๑ ๑ มิถุนายน ๒๕๖๘ เพิ่มโครงการ “โครงการอ่านออกเขียนได้” ของนางสาววิไล สอนดี",
        "๑.๒ ๑ สิงหาคม ๒๕๖๘ แก้ไขมาตรฐานงานและตัวชี้วัดในกระบวนงาน งานคลินิกการอ่านภาษาไทย",
    ):
        assert squeeze(row) in front


def test_a_shallow_or_missing_history_is_said_not_failed(repository: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow)], check=True, capture_output=True
    )
    changes = history.read(shallow / "data")
    assert changes.available and changes.shallow
    record = {b.path: b.record for b in books(load(shallow / "data"), changes)}["pdf/people/wilai.pdf"]
    assert record is not None and record.note == "shallow"
    plain = tmp_path / "plain"
    shutil.copytree(repository / "data", plain)
    record = {b.path: b.record for b in books(load(plain), history.read(plain))}["pdf/people/wilai.pdf"]
    assert record is not None and record.note == "none"
    assert [row.version for row in record.rows] == ["1.0"]  # the approval is known from the data all the same


def test_an_approval_after_the_builds_own_date_is_refused_on_any_day(tmp_path: Path) -> None:
    """A reproducible build dates itself by its last commit (SOURCE_DATE_EPOCH): an approval recorded as given after
    that day is an error, whatever day the commit is built on; `check`, which has no commit to go by, takes today."""
    data = tmp_path / "data"
    shutil.copytree(DATASETS["mini"], data)
    process = data / "processes/qa.yml"
    process.write_text(process.read_text(encoding="utf-8").replace("  date: 2567-10-01\n", "  date: 2568-01-02\n"))
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "อนุมัติล่วงหน้า", when="2025-01-01T23:00:00+07:00")  # 1 January 2568
    result = opmanual(tmp_path, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 1, result.stderr
    assert (
        "data/processes/qa.yml:50:3: approval → date: `2568-01-02` is after the build's date, 2568-01-01 "
        "(SOURCE_DATE_EPOCH) in Bangkok: a day that has not come cannot be recorded"
    ) in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()
    assert opmanual(tmp_path, "check", "data").returncode == 0  # today, 2 January 2568 has come


def test_history_off_leaves_the_record_out(repository: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(repository / "data", data)
    office = data / "office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("  approval:\n", "  history: off\n  approval:\n", 1))
    made = {b.path: b for b in books(load(data), history.read(repository / "data"))}
    assert made["pdf/people/wilai.pdf"].record is None


# Links back to the source, and the QR codes


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mini` built as a GitHub Actions job of the repository office5/opmanual would build it."""
    site = tmp_path_factory.mktemp("linked") / "site"
    saved = {key: os.environ.get(key) for key in GITHUB}
    os.environ.update(GITHUB)
    try:
        result = build(DATASETS["mini"], site)
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    assert result.returncode == 0, result.stderr
    return site


def test_every_generated_page_edits_and_shows_the_history_of_the_file_it_is_made_from(linked_site: Path) -> None:
    edit_base = "https://github.com/office5/opmanual/edit/main/"
    tree_base = "https://github.com/office5/opmanual/tree/main/"
    history_base = "https://github.com/office5/opmanual/commits/main/"
    hand_written = ("search", "guide")  # the guide's pages keep Material's own edit button (checked below)
    pages = [p for p in linked_site.rglob("index.html") if p.relative_to(linked_site).parts[0] not in hand_written]
    assert len(pages) > 15
    for page in pages:
        soup = soup_of(page)
        edit = soup.select_one("a.md-content__button[href]")
        assert edit is not None, page
        href = str(edit["href"])
        assert href.startswith((edit_base, tree_base)), (page, href)
        target = ROOT / unquote(urlsplit(href).path.split("/main/", 1)[1])
        assert target.exists(), (page, href)
        assert target.is_relative_to(ROOT / "tests/fixtures/mini")
        link = soup.select_one("a.history-link")
        assert link is not None and str(link["href"]).startswith(history_base), page
    person = soup_of(linked_site / "people/somchai/index.html").select_one("a.md-content__button")
    assert person is not None and str(person["href"]).endswith("tests/fixtures/mini/people/somchai.yml")
    guide = soup_of(linked_site / "guide/index.html").select_one("a.md-content__button")
    assert guide is not None and str(guide["href"]) == f"{edit_base}src/opmanual/guide/index.md"


@pytest.mark.parametrize(
    ("book", "page"),
    [
        ("manual", ""),
        ("people/somchai", "people/somchai/"),
        ("processes/qa", "processes/qa/"),
        ("ita", "ita/"),
    ],
)
def test_the_qr_code_on_each_cover_leads_to_its_online_page(
    linked_site: Path, tmp_path: Path, book: str, page: str
) -> None:
    png = picture(linked_site / f"pdf/{book}.pdf", 1, tmp_path / "cover", dpi=150, gray=True)
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False)
    assert decoded.stdout.strip() == f"https://office5.github.io/opmanual/{page}"
    assert f"office5.github.io/opmanual/{page}" in pdf_text(linked_site / f"pdf/{book}.pdf", 1, 1)


def test_without_a_repository_there_are_no_links_or_codes_and_the_build_says_so(built_sites: dict[str, Path]) -> None:
    page = soup_of(built_sites["mini"] / "people/somchai/index.html")
    assert page.select_one("a.history-link") is None
    assert page.select_one("a.md-content__button") is None
    cover = PdfReader(built_sites["mini"] / "pdf/manual.pdf").pages[0].extract_text()
    assert "ฉบับออนไลน์" not in cover


@pytest.mark.parametrize(
    ("remote", "url", "site"),
    [
        ("git@github.com:Office9/manual.git", "https://github.com/Office9/manual", "https://office9.github.io/manual/"),
        ("https://github.com/office9/office9.github.io", "https://github.com/office9/office9.github.io",
         "https://office9.github.io/"),
        ("ssh://git@gitlab.com/spm9/manual.git", "https://gitlab.com/spm9/manual", "https://spm9.gitlab.io/manual/"),
        ("https://git.example.org/spm9/manual.git", None, None),
    ],
)  # fmt: skip
def test_the_repository_is_found_from_the_git_remote(
    tmp_path: Path, remote: str, url: str | None, site: str | None
) -> None:
    git(tmp_path, "init", "-q", "-b", "trunk")
    git(tmp_path, "remote", "add", "origin", remote)
    warnings: list[str] = []
    found = find(tmp_path, None, None, None, {}, warn=warnings.append)
    assert warnings == []
    assert (found.url if found else None) == url
    assert (found.site_url if found else None) == site
    if found:
        assert found.branch == "trunk"
        assert (
            found.edit_url(tmp_path / "data/office.yml")
            == f"{url}/{'-/' if 'gitlab' in url else ''}edit/trunk/data/office.yml"
        )


def test_mkdocs_settings_come_before_the_environment(tmp_path: Path) -> None:
    found = find(
        tmp_path, "https://gitlab.example.org/g/m", "-/edit/dev/docs/", "https://m.example.org", GITHUB, warn=print
    )
    assert found is not None and found.kind == "gitlab" and found.branch == "dev"
    assert found.site_url == "https://m.example.org/"
    assert found.history_url(tmp_path / "data") == "https://gitlab.example.org/g/m/-/commits/dev/data"


# One PDF per process, the ITA page and the responsibility matrix


def test_each_process_has_its_own_book_linked_from_its_page(built_sites: dict[str, Path]) -> None:
    for name in ("mini", "data"):
        site, manual = built_sites[name], load(DATASETS[name])
        assert sorted(p.stem for p in (site / "pdf/processes").glob("*.pdf")) == sorted(manual.processes)
        for process_id, process in manual.processes.items():
            page = soup_of(site / "processes" / process_id / "index.html")
            assert page.select_one(f'a[href="../../pdf/processes/{process_id}.pdf"]') is not None
            cover = squeeze(pdf_text(site / "pdf/processes" / f"{process_id}.pdf", 1, 1))
            assert squeeze(process.name) in cover


def test_the_ita_page_lists_every_process_with_its_total_time(built_sites: dict[str, Path]) -> None:
    for name in ("mini", "data", "chiangmai5"):
        site, manual = built_sites[name], load(DATASETS[name])
        article = soup_of(site / "ita/index.html").select_one("article")
        assert article is not None
        headings = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in article.select("h3")]
        assert [re.sub(r"^[๐-๙0-9]+\.\s*", "", h) for h in headings] == [p.name for p in manual.processes.values()]
        tables = article.select("table.ita")
        for table, process_id in zip(tables, manual.processes, strict=True):
            rows = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True) for tr in table.select("tr")}
            summary = process_summary(manual, process_id)
            # a total, or in words which steps give no time
            assert rows["ระยะเวลารวม"].startswith(summary.total or "ยังไม่ระบุระยะเวลาของขั้นตอนที่")
        assert (site / "pdf/ita.pdf").is_file()
    mini = soup_of(built_sites["mini"] / "ita/index.html")
    totals = [td.get_text(" ", strip=True) for td in mini.select("table.ita tr:nth-of-type(4) td")]
    # a partial total says how many steps it leaves out, and the gap names them for the ITA assessor
    assert totals == [
        "๑ เดือน ๒ วัน",
        "๒ สัปดาห์ (ไม่รวม ๔ ขั้นตอนที่ไม่ได้ระบุระยะเวลา) ยังไม่ระบุระยะเวลาของขั้นตอนที่ ๑, ๒, ๔, ๕ ตามเกณฑ์ ITA",
    ]
    gap = mini.select("table.ita tr:nth-of-type(4) td")[1].select_one(".ita-gap")
    assert gap is not None and gap.get_text(strip=True).startswith("ยังไม่ระบุระยะเวลาของขั้นตอนที่")
    chiangmai = soup_of(built_sites["chiangmai5"] / "ita/index.html").get_text()
    assert "13 เดือน (เมษายน 2566 – เมษายน 2567)" in chiangmai  # the schedule's span, in that manual's Arabic digits


def test_the_matrix_matches_the_data(built_sites: dict[str, Path]) -> None:
    for name in ("mini", "data"):
        manual = load(DATASETS[name])
        table = soup_of(built_sites[name] / "matrix/index.html").select_one("table.matrix")
        assert table is not None
        people = [th.get_text(" ", strip=True) for th in table.select("thead th")[1:-1]]
        assert people == [f"{p.prefix}{p.name} {p.surname}" for p in manual.people.values()]
        rows = [tr for tr in table.select("tbody tr") if "matrix-group" not in (tr.get("class") or [])]
        expected = [row for group in responsibility(manual) for row in group.rows]
        assert len(rows) == len(expected) == len(manual.processes)
        for tr, row in zip(rows, expected, strict=True):
            cells = tr.find_all("td")
            for cell, person_id in zip(cells[:-1], manual.people, strict=True):
                runs = person_id in manual.runners_of(row.process_id)
                assert ("รับผิดชอบ" in cell.get_text()) == runs, (row.process_id, person_id)
            approval = manual.processes[row.process_id].approval
            assert cells[-1].get_text(strip=True) == (
                f"{approval.by} {approval.position}" if approval.approved else "ยังไม่อนุมัติ"
            )
    mini = soup_of(built_sites["mini"] / "matrix/index.html").select("table.matrix tbody tr td")
    assert "ขั้นตอน ๑, ๒.๑" in mini[0].get_text(" ", strip=True)  # somchai is responsible for steps 1 and 2.1 of qa


def test_the_whole_manual_prints_the_matrix_on_landscape_pages(built_sites: dict[str, Path]) -> None:
    reader = PdfReader(built_sites["mini"] / "pdf/manual.pdf")
    wide = [i for i, page in enumerate(reader.pages) if float(page.mediabox.width) > float(page.mediabox.height)]
    assert wide
    assert all("ตารางความรับผิดชอบ" in reader.pages[i].extract_text() or i != wide[0] for i in wide)
