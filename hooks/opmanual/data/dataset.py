"""Load a whole manual from its data folder: every file validated, every id resolved, back-references derived.

`load(root)` returns a `Manual` or raises `DataErrors` listing every problem of every file.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from . import flow
from . import model as m
from ..errors import DataError, DataErrors, ErrorList, excerpt
from .files import IMAGE_TYPES, FileProblem, check_attachment, listing
from .loader import Loc, Source, read_yaml, validate

OFFICE_FILE = "office.yml"
REFERENCES_FILE = "references.yml"
FOLDERS: dict[str, type[BaseModel]] = {"people": m.Person, "processes": m.Process}
# Files an editor may keep in the data folder for people, not for the manual: reported, not refused.
HARMLESS = (".md", ".txt")
LAYOUT = f"a manual has {OFFICE_FILE}, {REFERENCES_FILE}, people/<id>.yml and processes/<id>.yml"


@dataclass
class Manual:
    """The validated data of one office's manual, with everything that is derived from it."""

    root: Path
    info: m.ManualInfo
    office: m.Office
    group: m.Group
    organization: list[m.Position]
    people: dict[str, m.Person]
    processes: dict[str, m.Process]
    documents: dict[str, m.Document]
    sources: dict[str, m.Source]
    files: dict[str, Path] = field(default_factory=dict)
    warnings: list[DataError] = field(default_factory=list)  # reported, but they do not stop a build

    # Derived back-references (filled by `_derive`).
    workgroups_of: dict[str, list[m.WorkGroup]] = field(default_factory=dict)
    positions_of: dict[str, list[m.Position]] = field(default_factory=dict)
    runners_of: dict[str, list[str]] = field(default_factory=dict)
    processes_of_workgroup: dict[str, list[str]] = field(default_factory=dict)
    citers_of_document: dict[str, list[str]] = field(default_factory=dict)
    citers_of_source: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def attachments(self) -> list[str]:
        """Every file the data names (forms, the logo), as paths inside the data folder."""
        named = [self.info.logo] if self.info.logo else []
        for person in self.people.values():
            named += [form.file for duty in person.duties for form in duty.forms if form.file]
        for process in self.processes.values():
            named += [form.file for form in process.forms if form.file]
        return list(dict.fromkeys(named))

    def images(self) -> list[str]:
        """The files the printed books show (the others are only linked)."""
        return [self.info.logo] if self.info.logo else []

    @property
    def workgroups(self) -> dict[str, m.WorkGroup]:
        return {group.id: group for group in self.group.workgroups}

    @property
    def positions(self) -> dict[str, m.Position]:
        return {position.id: position for position in self.organization}

    def subordinates(self, position_id: str | None) -> list[m.Position]:
        """Positions that report to `position_id` (`None`: the top of the chart)."""
        return [p for p in self.organization if p.reports_to == position_id]

    @property
    def group_head(self) -> str | None:
        """The position the work groups report to: the lowest position of the chart."""
        leaves = [p.id for p in self.organization if not self.subordinates(p.id)]
        return leaves[-1] if leaves else None

    @staticmethod
    def school_count(cluster: m.Cluster) -> int:
        return len(cluster.schools) if isinstance(cluster.schools, list) else cluster.schools or 0

    def total_schools(self, clusters: list[m.Cluster]) -> int:
        return sum(self.school_count(cluster) for cluster in clusters)

    def people_of_cluster(self, cluster_id: str) -> list[str]:
        return [pid for pid, person in self.people.items() if cluster_id in person.clusters]

    def people_of_network(self, network_id: str) -> list[str]:
        return [pid for pid, person in self.people.items() if network_id in person.networks]

    def sources_for_person(self, person_id: str) -> list[str]:
        """Bibliography of a personal manual: what the person and the processes they run cite."""
        person = self.people[person_id]
        ids = list(person.bibliography)
        for process_id in person.processes:
            ids += self.processes[process_id].bibliography
        return [source for source in self.sources if source in ids]


def load(root: Path) -> Manual:
    """Read, validate and link every data file under `root`."""
    errors = ErrorList(root)
    sources: dict[str, Source] = {}
    layout = _survey(root, errors)
    office_path = root / OFFICE_FILE
    office: m.OfficeFile | None = None
    if os.path.lexists(office_path):
        office = _load_file(office_path, m.OfficeFile, errors, sources)
    else:
        errors.add(office_path, 1, f"missing: every manual needs {OFFICE_FILE} (ไม่พบไฟล์)")
    references: m.ReferencesFile | None = m.ReferencesFile()
    if os.path.lexists(root / REFERENCES_FILE):
        references = _load_file(root / REFERENCES_FILE, m.ReferencesFile, errors, sources)
    loaded: dict[str, dict[str, Any]] = {folder: {} for folder in FOLDERS}
    files: dict[str, Path] = {}
    for folder, kind in FOLDERS.items():
        for path in layout.data[folder]:
            # The id exists as soon as the file does, so references to a file with errors are not reported too.
            files[f"{folder}/{path.stem}"] = path
            loaded[folder][path.stem] = _load_file(path, kind, errors, sources)

    _check_references(root, office, references, loaded, files, sources, errors)
    complete = office is not None and all(item is not None for kind in loaded.values() for item in kind.values())
    if complete:  # which files the data names is known only when every data file is valid
        _check_unlisted(layout, _named_files(office, loaded), errors)
    if errors or office is None or references is None:
        raise DataErrors(errors.sorted(), errors.warnings)
    manual = Manual(
        root=root,
        info=office.manual,
        office=office.office,
        group=office.group,
        organization=office.organization,
        people=loaded["people"],
        processes=loaded["processes"],
        documents={doc.id: doc for doc in references.documents},
        sources={source.id: source for source in references.bibliography},
        files=files,
        warnings=errors.warnings,
    )
    _order_processes(manual)
    _derive(manual)
    return manual


@dataclass
class _Layout:
    """What the data folder holds: the data files of each folder, and every other file by its relative name."""

    data: dict[str, list[Path]]
    others: dict[str, Path] = field(default_factory=dict)


def _survey(root: Path, errors: ErrorList) -> _Layout:
    """Look at every entry of the data folder, so that nothing in it is silently left out of the manual."""
    layout = _Layout({folder: [] for folder in FOLDERS})
    try:
        entries = listing(root)
    except FileProblem as problem:
        errors.add(root, 1, f"the data folder {problem.message}")
        return layout
    for entry in entries:
        path = root / entry.name
        if entry.name.startswith(".") or entry.name in (OFFICE_FILE, REFERENCES_FILE):
            continue  # hidden files are nobody's content; the two top files are read (and checked) by load()
        if entry.name in FOLDERS:
            if entry.is_symlink():
                errors.add(
                    path, 1, f"`{entry.name}` is a link; {entry.name}/ must be a real folder inside the data folder"
                )
            elif entry.is_dir(follow_symlinks=False):
                layout.data[entry.name] = _data_files(path, entry.name, errors)
            else:
                errors.add(path, 1, f"`{entry.name}` must be a folder of .yml files, one per {entry.name[:-1]}")
        elif entry.is_dir(follow_symlinks=False):
            close = difflib.get_close_matches(entry.name, list(FOLDERS), n=1, cutoff=0.75)
            if close:
                errors.add(path, 1, f"the folder `{excerpt(entry.name)}/` is not read; did you mean `{close[0]}/`?")
            else:
                _attachment_folder(path, PurePosixPath(entry.name), layout, errors)
        else:
            _other_file(path, PurePosixPath(entry.name), entry, layout, errors)
    return layout


def _attachment_folder(folder: Path, name: PurePosixPath, layout: _Layout, errors: ErrorList) -> None:
    try:
        entries = listing(folder)
    except FileProblem as problem:
        errors.add(folder, 1, f"the folder {problem.message}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            _attachment_folder(folder / entry.name, name / entry.name, layout, errors)
        else:
            _other_file(folder / entry.name, name / entry.name, entry, layout, errors)


def _other_file(path: Path, name: PurePosixPath, entry: os.DirEntry[str], layout: _Layout, errors: ErrorList) -> None:
    """A file outside people/ and processes/: an attachment if the data names it, checked in _check_unlisted."""
    if entry.is_symlink() and os.path.isdir(path):
        errors.add(path, 1, "is a link to a folder; links to folders are not followed (copy the files instead)")
    elif name.suffix in (".yml", ".yaml"):
        close = difflib.get_close_matches(name.as_posix(), [OFFICE_FILE, REFERENCES_FILE], n=1, cutoff=0.75)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        errors.add(path, 1, f"unexpected data file: {LAYOUT}{hint}")
    else:
        layout.others[name.as_posix()] = path


def _named_files(office: m.OfficeFile | None, loaded: dict[str, dict[str, Any]]) -> set[str]:
    """Every file the data names (a form, the logo), as a normalised relative name."""
    named = {office.manual.logo} if office and office.manual.logo else set()
    for person in loaded["people"].values():
        if person is not None:
            named |= {form.file for duty in person.duties for form in duty.forms if form.file}
    for process in loaded["processes"].values():
        if process is not None:
            named |= {form.file for form in process.forms if form.file}
    return {PurePosixPath(name).as_posix() for name in named}


def _check_unlisted(layout: _Layout, named: set[str], errors: ErrorList) -> None:
    """A file that no data names would never reach a reader: an error, or a warning for notes such as README.md."""
    for name, path in layout.others.items():
        if name in named:
            continue
        if PurePosixPath(name).suffix.lower() in HARMLESS:
            errors.warn(path, 1, "this file is not part of the manual and is not published")
        else:
            errors.add(
                path,
                1,
                "no data names this file, so no reader would see it: name it in a `file:` of a form or in "
                "`manual.logo`, or remove it",
            )


def _order_processes(manual: Manual) -> None:
    """Processes appear in the order people list them, then by work group, then by file name."""
    order: list[str] = []
    for person in manual.people.values():
        order += person.processes
    for workgroup in manual.group.workgroups:
        order += [pid for pid, p in manual.processes.items() if p.workgroup == workgroup.id]
    order += list(manual.processes)
    manual.processes = {pid: manual.processes[pid] for pid in dict.fromkeys(order)}


def _data_files(folder: Path, name: str, errors: ErrorList) -> list[Path]:
    try:
        entries = listing(folder)
    except FileProblem as problem:
        errors.add(folder, 1, f"the folder {problem.message}")
        return []
    found = []
    for entry in entries:
        path = folder / entry.name
        suffix = Path(entry.name).suffix
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            errors.add(path, 1, f"folders inside {name}/ are not read; move the files of `{excerpt(entry.name)}` up")
        elif suffix == ".yaml":
            errors.add(path, 1, f"data files end in .yml; rename it to `{excerpt(Path(entry.name).stem)}.yml`")
        elif suffix.lower() in HARMLESS:
            errors.warn(path, 1, "this file is not part of the manual and is not published")
        elif suffix != ".yml":
            errors.add(path, 1, f"unexpected file in {name}/: data files end in .yml")
        elif not m.is_id(path.stem):
            errors.add(
                path,
                1,
                f"file name `{excerpt(entry.name)}` is not a valid id: use lowercase a-z, 0-9 and '-', "
                f"at most {m.ID_MAX} characters",
            )
        else:
            found.append(path)
    return found


def _load_file(path: Path, kind: type[BaseModel], errors: ErrorList, sources: dict[str, Source]) -> Any:
    read = read_yaml(path, errors)
    if read is None:
        return None
    data, source = read
    sources[str(path)] = source
    return validate(kind, data, source, errors)


class _Checker:
    """Reports ids that are defined twice or that point at nothing, at the line where they appear."""

    def __init__(self, errors: ErrorList, sources: dict[str, Source]) -> None:
        self.errors = errors
        self.sources = sources

    def line(self, path: Path, loc: Loc) -> tuple[int, int]:
        source = self.sources.get(str(path))
        return source.line(loc) if source else (1, 1)

    def unique(self, path: Path, loc: Loc, ids: Iterable[str], what: str) -> None:
        seen: set[str] = set()
        for index, value in enumerate(ids):
            if value in seen:
                self.errors.add(path, self.line(path, (*loc, index, "id")), f"duplicate {what} id `{value}`")
            seen.add(value)

    def refs(self, path: Path, loc: Loc, values: Iterable[str], known: Iterable[str] | object, what: str) -> None:
        seen: set[str] = set()
        for index, value in enumerate(values):
            self.ref(path, (*loc, index), value, known, what)
            if value in seen:
                self.errors.add(path, self.line(path, (*loc, index)), f"`{value}` is listed twice")
            seen.add(value)

    def file(self, path: Path, loc: Loc, value: str, root: Path, *, images_only: bool = False) -> None:
        """A file named by the data must be an existing file of an allowed type inside the data folder."""
        try:
            check_attachment(value, root, IMAGE_TYPES) if images_only else check_attachment(value, root)
        except FileProblem as problem:
            self.errors.add(path, self.line(path, loc), f"`{excerpt(value)}` {problem.message}")

    def ref(self, path: Path, loc: Loc, value: str | None, known: Iterable[str] | object, what: str) -> None:
        if value is None or not isinstance(known, list):
            return
        if value in known:
            return
        close = difflib.get_close_matches(value, known, n=1)
        hint = (
            f"; did you mean `{close[0]}`?"
            if close
            else (f"; known: {excerpt(', '.join(known), 120)}" if known else "")
        )
        self.errors.add(path, self.line(path, loc), f"`{value}` is not a known {what}{hint} (ไม่พบรหัสที่อ้างถึง)")


def _check_references(
    root: Path,
    office: m.OfficeFile | None,
    references: m.ReferencesFile | None,
    loaded: dict[str, dict[str, Any]],
    files: dict[str, Path],
    sources: dict[str, Source],
    errors: ErrorList,
) -> None:
    """Check every id; references into a file that failed validation are skipped, not reported twice."""
    check = _Checker(errors, sources)
    office_path = root / OFFICE_FILE
    refs_path = root / REFERENCES_FILE
    people = list(loaded["people"])
    processes = list(loaded["processes"])
    skip = object()  # marks a target whose defining file has errors

    def known(ids: Iterable[str] | None) -> list[str] | object:
        return skip if ids is None else list(ids)

    group = office.group if office else None
    workgroups = known(g.id for g in group.workgroups) if group else skip
    clusters = known(c.id for c in group.clusters) if group else skip
    networks = known(c.id for c in group.networks) if group else skip
    areas = known(a.id for a in group.learning_areas) if group else skip
    documents = known(d.id for d in references.documents) if references else skip
    bibliography = known(s.id for s in references.bibliography) if references else skip

    if office and group:
        wg_loc: Loc = ("group", "workgroups")
        check.unique(office_path, wg_loc, (g.id for g in group.workgroups), "work group")
        for name in ("learning_areas", "clusters", "networks"):
            check.unique(office_path, ("group", name), (item.id for item in getattr(group, name)), name)
        check.unique(office_path, ("organization",), (p.id for p in office.organization), "position")
        for index, workgroup in enumerate(group.workgroups):
            check.refs(office_path, (*wg_loc, index, "members"), workgroup.members, people, "person")
        positions = [p.id for p in office.organization]
        for index, position in enumerate(office.organization):
            check.ref(office_path, ("organization", index, "person"), position.person, people, "person")
            check.ref(office_path, ("organization", index, "reports_to"), position.reports_to, positions, "position")
            if position.person is None and position.name is None:
                errors.add(
                    office_path,
                    check.line(office_path, ("organization", index)),
                    "a position needs `person` (an id from people/) or `name`",
                )
        _check_cycles(office, office_path, check, errors)
        if office.manual.foreword:
            loc: Loc = ("manual", "foreword", "signed_by")
            check.ref(office_path, loc, office.manual.foreword.signed_by, people, "person")
    if references:
        check.unique(refs_path, ("documents",), (d.id for d in references.documents), "document")
        check.unique(refs_path, ("bibliography",), (s.id for s in references.bibliography), "bibliography")

    for person_id, person in loaded["people"].items():
        if person is None:
            continue
        path = files[f"people/{person_id}"]
        check.refs(path, ("clusters",), person.clusters, clusters, "school cluster")
        check.refs(path, ("networks",), person.networks, networks, "network")
        check.refs(path, ("learning_areas",), person.learning_areas, areas, "learning area")
        check.refs(path, ("processes",), person.processes, processes, "process")
        check.refs(path, ("bibliography",), person.bibliography, bibliography, "bibliography entry")

    if office and office.manual.logo:
        check.file(office_path, ("manual", "logo"), office.manual.logo, root, images_only=True)
    for person_id, person in loaded["people"].items():
        if person is not None:
            for d, duty in enumerate(person.duties):
                for f, form in enumerate(duty.forms):
                    if form.file:
                        check.file(files[f"people/{person_id}"], ("duties", d, "forms", f, "file"), form.file, root)

    for process_id, process in loaded["processes"].items():
        if process is None:
            continue
        path = files[f"processes/{process_id}"]
        for f, form in enumerate(process.forms):
            if form.file:
                check.file(path, ("forms", f, "file"), form.file, root)
        check.ref(path, ("workgroup",), process.workgroup, workgroups, "work group")
        check.refs(path, ("references",), process.references, documents, "document")
        check.refs(path, ("bibliography",), process.bibliography, bibliography, "bibliography entry")
        step_ids: set[str] = set()
        for loc, step in _walk_steps(process.steps, ("steps",)):
            check.refs(path, (*loc, "responsible"), step.responsible, people, "person")
            if step.id is not None:
                if step.id in step_ids:
                    errors.add(path, check.line(path, (*loc, "id")), f"duplicate step id `{step.id}`")
                step_ids.add(step.id)
        for problem in flow.check(process):
            errors.add(path, check.line(path, problem.loc), f"flowchart: {problem.message}")


def _check_cycles(office: m.OfficeFile, path: Path, check: _Checker, errors: ErrorList) -> None:
    boss = {p.id: p.reports_to for p in office.organization}
    for index, position in enumerate(office.organization):
        seen = [position.id]
        current = boss.get(position.id)
        while current is not None and current in boss:
            if current in seen:
                errors.add(
                    path,
                    check.line(path, ("organization", index, "reports_to")),
                    f"the organisation chart has a loop: {' → '.join([*seen, current])}",
                )
                break
            seen.append(current)
            current = boss[current]


def _walk_steps(steps: Sequence[m.SubStep], loc: Loc) -> Iterator[tuple[Loc, m.SubStep]]:
    for index, step in enumerate(steps):
        yield (*loc, index), step
        yield from _walk_steps(step.steps, (*loc, index, "steps"))


def _derive(manual: Manual) -> None:
    for person_id, person in manual.people.items():
        manual.workgroups_of[person_id] = [g for g in manual.group.workgroups if person_id in g.members]
        manual.positions_of[person_id] = [p for p in manual.organization if p.person == person_id]
        for process_id in person.processes:
            manual.runners_of.setdefault(process_id, []).append(person_id)
        for source_id in person.bibliography:
            manual.citers_of_source.setdefault(source_id, []).append(("people", person_id))
    for process_id, process in manual.processes.items():
        if process.workgroup:
            manual.processes_of_workgroup.setdefault(process.workgroup, []).append(process_id)
        for document_id in process.references:
            manual.citers_of_document.setdefault(document_id, []).append(process_id)
        for source_id in process.bibliography:
            manual.citers_of_source.setdefault(source_id, []).append(("processes", process_id))
