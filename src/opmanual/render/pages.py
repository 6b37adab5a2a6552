"""Which pages the site has, where they live, and how they are grouped in the navigation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from markupsafe import Markup
from markupsafe import escape as markup_escape

from .. import thai
from ..data.dataset import OFFICE_FILE, REFERENCES_FILE, Manual
from ..data.files import IMAGE_TYPES
from ..data.labels import Labels
from ..data.model import Approval, Person, block_kind
from . import changelog, citation
from .charts import flow_chart, org_chart, position_title
from .history import History
from .render import Renderer, fill
from .repo import Repository
from .summaries import memberships, process_summary, responsibility


@dataclass(frozen=True)
class PageSpec:
    """A generated page: where it goes, its template, its title (the heading, the navigation's entry, the browser's
    title and a printed chapter's title), and what its template gets besides the common context."""

    src_uri: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    # Where the page comes from, relative to the data folder: a file, or a folder for the pages that list one.
    source: str = OFFICE_FILE
    # The approval the page is under: its own (a person, a process), or the manual's.
    approval: Approval | None = None


def person_uri(person_id: str) -> str:
    return f"people/{person_id}.md"


def process_uri(process_id: str) -> str:
    return f"processes/{process_id}.md"


def workgroup_uri(workgroup_id: str) -> str:
    return f"workgroups/{workgroup_id}.md"


REFERENCES_URI = "references.md"


def attachment(file: str) -> str:
    """Where a file named by the data (a form, the logo) is published in the site."""
    return f"attachments/{file}"


def full_name(manual: Manual, person_id: str) -> str:
    person = manual.people[person_id]
    return f"{person.prefix}{person.name} {person.surname}"


def book_title(manual: Manual, person: Person) -> str:
    """The title of a person's book: the manual's, unless the person's manual is called otherwise (cover_title)."""
    return person.cover_title or manual.info.title


def position_line(manual: Manual, person: Person) -> str:
    """A person's position and rank, as the manual words them (labels.position_with_rank)."""
    if not person.rank:
        return person.position
    return manual.labels.fill("position_with_rank", position=person.position, rank=person.rank)


def signature(manual: Manual, person_id: str | None = None) -> list[tuple[str, bool]]:
    """The lines under a foreword: the signer's name and position, the line under them, and the date; each with
    whether it is a name or a position, which lines never break inside (the office's name may).

    A person's foreword is signed by the person; the whole manual's by `signed_by`, or by the office alone."""
    foreword = manual.people[person_id].foreword if person_id else manual.info.foreword
    if foreword is None:
        return []
    signer = person_id or (manual.info.foreword.signed_by if manual.info.foreword else None)
    lines = [(full_name(manual, signer), True), (position_line(manual, manual.people[signer]), True)] if signer else []
    # the signer's role (ผู้อำนวยการกลุ่ม…) is a position too; the office's name, when it signs, may break
    lines.append((foreword.signed_as, True) if foreword.signed_as else (manual.office.name, False))
    if foreword.date:
        lines.append((foreword.date, False))
    return lines


CHANGES_URI = "changes.md"
APPENDICES_URI = "appendices.md"
ITA_URI = "ita.md"
MATRIX_URI = "matrix.md"


def plan(manual: Manual, history: History | None = None) -> list[PageSpec]:
    """Every generated page with its title; group pages appear only when the data has something to show on them."""
    group, label = manual.group, manual.labels
    placed = {section.after for section in group.sections}
    specs = [PageSpec("index.md", "home.md.j2", group.name)]
    if group.aims.vision or group.aims.mission or manual.office.aims.vision or group.operational_aims:
        specs.append(PageSpec("group/aims.md", "aims.md.j2", label.aims_page))
    if manual.organization or group.workgroups:
        specs.append(PageSpec("group/organization.md", "organization.md.j2", label.organization))
    if group.position_standard or group.knowledge or "standard" in placed:
        title = group.position_standard.title if group.position_standard else label.knowledge_page
        specs.append(PageSpec("group/standard.md", "standard.md.j2", title))
    if group.method:
        specs.append(PageSpec("group/method.md", "method.md.j2", group.method.title))
    if group.learning_areas or group.clusters or group.networks:
        specs.append(PageSpec("group/schools.md", "schools.md.j2", label.schools_page))
    if group.areas or "areas" in placed:
        specs.append(PageSpec("group/areas.md", "areas.md.j2", label.areas_page))
    if group.workgroups or group.schedule:
        specs.append(PageSpec("workgroups/index.md", "workgroups.md.j2", label.scope))
        specs += [
            PageSpec(workgroup_uri(wg.id), "workgroup.md.j2", wg.name, {"workgroup": wg}) for wg in group.workgroups
        ]
    if manual.people:
        specs.append(PageSpec("people/index.md", "people.md.j2", label.people, source="people/"))
        specs += [
            PageSpec(
                person_uri(pid),
                "person.md.j2",
                full_name(manual, pid),
                {"person_id": pid, "person": person},
                source=manual.source_of("people", pid),
                approval=person.approval,
            )
            for pid, person in manual.people.items()
        ]
    if manual.processes:
        specs.append(PageSpec("processes/index.md", "processes.md.j2", label.processes, source="processes/"))
        specs += [
            PageSpec(
                process_uri(pid),
                "process.md.j2",
                process.name,
                {"process_id": pid, "process": process},
                source=manual.source_of("processes", pid),
                approval=process.approval,
            )
            for pid, process in manual.processes.items()
        ]
    if manual.documents or manual.sources:
        specs.append(PageSpec(REFERENCES_URI, "references.md.j2", label.references_page, source=REFERENCES_FILE))
    if manual.info.appendices:
        specs.append(PageSpec(APPENDICES_URI, "appendices.md.j2", label.appendices))
    if manual.processes:
        summaries = [process_summary(manual, pid) for pid in manual.processes]
        specs.append(PageSpec(ITA_URI, "ita.md.j2", label.ita_page, {"summaries": summaries}, source=""))
        matrix = {"matrix": responsibility(manual), "members": memberships(manual)}
        specs.append(PageSpec(MATRIX_URI, "matrix.md.j2", label.matrix_page, matrix, source=""))
    if history and history.changes:
        specs.append(PageSpec(CHANGES_URI, "changes.md.j2", label.changes_page, source=""))
    return specs


def context(
    manual: Manual,
    renderer: Renderer,
    pages: set[str],
    history: History | None = None,
    repository: Repository | None = None,
) -> dict[str, Any]:
    """What every template may use, besides `link` and `aid`. With the `repository` the data is in, pages link to
    the history of their data file."""
    style = renderer.digit_style
    history = history or History()

    def history_url(source: str) -> Markup | None:
        found = repository.history_url(manual.root / source) if repository else None
        return markup_escape(found) if found else None  # an attribute value; Markdown leaves raw HTML as it is

    def changed(file: str) -> str | None:
        timestamp = history.last_changed(file)
        return thai.date(timestamp, style) if timestamp else None

    def number(n: int | None) -> str:
        return thai.digits(str(n), style) if n is not None else ""

    def name(pid: str) -> str:
        return full_name(manual, pid)

    return {
        "manual": manual,
        "m": manual,
        "pages": pages,
        "person_uri": person_uri,
        "process_uri": process_uri,
        "workgroup_uri": workgroup_uri,
        "references_uri": REFERENCES_URI,
        "full_name": name,
        "position_title": lambda position: position_title(position, manual.labels),
        "position_line_of": lambda person: position_line(manual, person),
        "book_title": lambda person: book_title(manual, person),
        "label": manual.labels,
        "citation": lambda source: citation.pieces(source.model_dump(), manual.labels),
        # label.fill's sentence as markup, for values that must stay markup (a name kept whole by `|unbroken`)
        "fill": lambda key, **values: fill(getattr(manual.labels, key), **values),
        "block_kind": block_kind,
        "is_image": lambda name: PurePosixPath(name).suffix.lower() in IMAGE_TYPES,
        "signature": lambda person_id=None: signature(manual, person_id),
        "org": org_chart(manual.organization, manual.group.workgroups, manual.group_head, name, manual.labels),
        "step_number": number,
        "print": False,
        "history": history,
        # What a commit changed in the manual's words, or None for one no reader sees (changes.md.j2).
        "said": lambda change: changelog.said(change, manual.labels, manual.info.digits),
        "changed": changed,
        "thai_date": lambda timestamp: thai.date(timestamp, style),
        "day": lambda value: thai.day_month_year(value, style),
        "history_url_of": history_url,
        "attachment": attachment,
    }


def render_spec(renderer: Renderer, spec: PageSpec, common: dict[str, Any], **options: Any) -> str:
    manual: Manual = common["manual"]
    approval = spec.approval or manual.info.approval
    page_context = {**common, "title": spec.title, "approval": approval, **spec.context, **options}
    if "process" in spec.context:
        page_context["chart"] = flow_chart(spec.context["process"], common["step_number"])
    text = renderer.render(spec.template, spec.src_uri, **page_context)
    if page_context["print"]:
        return text  # a printed book says it is a draft on every page (a watermark) and in its front matter
    # Under the page's title: a draft says so; an approval is noted where the page has its own, and on the home page;
    # the history of the data file the page is made from is a link away.
    status = renderer.render(
        "_status.md.j2",
        spec.src_uri,
        **page_context,
        show_approval=spec.approval is not None or spec.src_uri == "index.md",
        history_url=common["history_url_of"](spec.source),
    )
    title, _, rest = text.partition("\n")
    return f"{title}\n\n{status}{rest}" if title.startswith("# ") else status + text


def render_all(
    manual: Manual,
    renderer: Renderer | None = None,
    history: History | None = None,
    specs: list[PageSpec] | None = None,
    repository: Repository | None = None,
) -> dict[str, str]:
    """Render every page of `plan(manual)` (or of `specs`) for the website: `src_uri` → Markdown."""
    renderer = renderer or Renderer(manual.info.digits)
    specs = specs if specs is not None else plan(manual, history)
    common = context(manual, renderer, {spec.src_uri for spec in specs}, history, repository)
    return {spec.src_uri: render_spec(renderer, spec, common) for spec in specs}


def nav(specs: list[PageSpec], label: Labels) -> list[Any]:
    """The generated part of the navigation, in the order a reader of a Thai manual expects, titled as the pages."""
    by_uri = {spec.src_uri: spec for spec in specs}
    items: list[Any] = [{label.home: "index.md"}]
    group = [{spec.title: spec.src_uri} for spec in specs if spec.src_uri.startswith("group/")]
    if group:
        items.append({label.group_section: group})
    for folder in ("workgroups", "people", "processes"):
        index = by_uri.get(f"{folder}/index.md")
        if index is not None:
            inside = [{s.title: s.src_uri} for s in specs if s.src_uri.startswith(f"{folder}/") and s is not index]
            items.append({index.title: [index.src_uri, *inside]})
    tail = (REFERENCES_URI, APPENDICES_URI, MATRIX_URI, ITA_URI, CHANGES_URI)
    items += [{by_uri[uri].title: uri} for uri in tail if uri in by_uri]
    return items
