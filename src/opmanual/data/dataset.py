"""Load a whole manual from its data folder: every file validated, every id resolved, back-references derived.

`load(root)` returns a `Manual` or raises `DataErrors` listing every problem of every file. What refers to what is
declared on the model (`refs.Ref`, `refs.Defines`, `refs.Attachment`); one walk of every loaded file finds each
definition, reference and named file, so that checking them and indexing who cites what need no list of fields.
"""

from __future__ import annotations

import difflib
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from ..errors import DataError, DataErrors, ErrorList, excerpt
from ..thai import normalize
from . import flow, formats, ita, kinds, placeholders
from . import model as m
from .files import IMAGE_TYPES, FileProblem, check_attachment, describe_os_error, listing
from .hygiene import Finding
from .labels import Labels
from .loader import Loc, Source, audit, read_yaml, validate
from .refs import KINDS, Attachment, Defines, Found, Owner, Ref, defined_kinds, walk

OFFICE_FILE = kinds.OFFICE.name
REFERENCES_FILE = kinds.REFERENCES.name
# The data files of a manual (`kinds`): the top files by name, with the owner their values belong to …
TOP_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    kind.name: (kind.owner, kind.model) for kind in kinds.FILE_KINDS if not kind.folder
}
# … then the folders of one file per person and per process.
FOLDERS: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in kinds.FILE_KINDS if kind.folder}
# Files an editor may keep in the data folder for people, not for the manual: reported, not refused.
HARMLESS = (".md", ".txt")
_PATTERNS = [kind.pattern for kind in kinds.FILE_KINDS]
LAYOUT = f"a manual has {', '.join(_PATTERNS[:-1])} and {_PATTERNS[-1]}"
MAX_FOLDER_DEPTH = 16
_OFFICE_KINDS = defined_kinds(m.OfficeFile)


def _field(model: type[BaseModel], name: str) -> str:
    """The name of a field as references report it; fails at import if the model has no such field."""
    assert name in model.model_fields, f"{model.__name__} has no field {name}"  # noqa: S101 - a programming error
    return f"{model.__name__}.{name}"


MEMBERS = _field(m.WorkGroup, "members")
HOLDER = _field(m.Position, "person")
RUNS = _field(m.Person, "processes")
IN_WORKGROUP = _field(m.Process, "workgroup")
CITES_DOCUMENT = _field(m.Process, "references")
CARES_FOR_CLUSTER = _field(m.Person, "clusters")
CARES_FOR_NETWORK = _field(m.Person, "networks")


@dataclass
class Manual:
    """The validated data of one office's manual, with everything that is derived from it."""

    root: Path
    info: m.ManualInfo
    labels: Labels
    office: m.Office
    group: m.Group
    organization: list[m.Position]
    people: dict[str, m.Person]
    processes: dict[str, m.Process]
    documents: dict[str, m.Document]
    sources: dict[str, m.Source]
    files: dict[str, Path] = field(default_factory=dict)
    warnings: list[DataError] = field(default_factory=list)  # reported, but they do not stop a build
    pasted: list[Finding] = field(default_factory=list)  # numbers and digits pasted from Word (also in warnings)
    references: list[Found] = field(default_factory=list)  # every reference and named file, as found by walk()
    attachment_files: dict[str, Path] = field(default_factory=dict)  # every other file, by attachment_key()
    ita: list[DataError] = field(default_factory=list)  # what the ITA item asks that a process does not say

    def __post_init__(self) -> None:
        self._cited: dict[tuple[str, str], list[Found]] = defaultdict(list)
        for found in self.references:
            if isinstance(found.marker, Ref):
                self._cited[found.marker.kind, found.value].append(found)

    def cited_by(self, kind: str, item_id: str, field_name: str) -> list[Owner]:
        """What cites the `kind` `item_id` through `field_name` ("Model.field"), in the order of the data."""
        owners = [found.owner for found in self._cited.get((kind, item_id), []) if found.field == field_name]
        return list(dict.fromkeys(owners))

    def attachments(self) -> list[str]:
        """Every file the data names (forms, the logo), as paths inside the data folder."""
        named = [found.value for found in self.references if isinstance(found.marker, Attachment)]
        return list(dict.fromkeys(attachment_key(name) for name in named))

    def attachment_file(self, name: str) -> Path:
        """The file on disk that an attachment name (as the data writes it) stands for."""
        return self.attachment_files[attachment_key(name)]

    def source_of(self, folder: str, item_id: str) -> str:
        """The data file of a person or a process, relative to the data folder (`people/somchai.yml`)."""
        path = self.files.get(f"{folder}/{item_id}")
        return path.relative_to(self.root).as_posix() if path else f"{folder}/{item_id}.yml"

    def data_files(self) -> set[str]:
        """Every data file of the manual, relative to the data folder."""
        sources = {self.source_of(*key.split("/", 1)) for key in self.files}
        return sources | {OFFICE_FILE} | ({REFERENCES_FILE} if self.documents or self.sources else set())

    def images(self) -> list[str]:
        """The named files that the printed books show (the others are only linked)."""
        return [name for name in self.attachments() if PurePosixPath(name).suffix.lower() in IMAGE_TYPES]

    @property
    def workgroups(self) -> dict[str, m.WorkGroup]:
        return {group.id: group for group in self.group.workgroups}

    @property
    def positions(self) -> dict[str, m.Position]:
        return {position.id: position for position in self.organization}

    def workgroups_of(self, person_id: str) -> list[m.WorkGroup]:
        return [self.workgroups[owner] for _, owner in self.cited_by("people", person_id, MEMBERS)]

    def positions_of(self, person_id: str) -> list[m.Position]:
        return [self.positions[owner] for _, owner in self.cited_by("people", person_id, HOLDER)]

    def runners_of(self, process_id: str) -> list[str]:
        """The people who run a process (who list it under `processes`)."""
        return [owner for _, owner in self.cited_by("processes", process_id, RUNS)]

    def processes_of_workgroup(self, workgroup_id: str) -> list[str]:
        return [owner for _, owner in self.cited_by("workgroups", workgroup_id, IN_WORKGROUP)]

    def citers_of_document(self, document_id: str) -> list[str]:
        return [owner for _, owner in self.cited_by("documents", document_id, CITES_DOCUMENT)]

    def people_of_cluster(self, cluster_id: str) -> list[str]:
        return [owner for _, owner in self.cited_by("clusters", cluster_id, CARES_FOR_CLUSTER)]

    def people_of_network(self, network_id: str) -> list[str]:
        return [owner for _, owner in self.cited_by("networks", network_id, CARES_FOR_NETWORK)]

    @property
    def group_head(self) -> str | None:
        """The position the work groups report to: the lowest position of the chart."""
        bosses = {p.reports_to for p in self.organization}
        leaves = [p.id for p in self.organization if p.id not in bosses]
        return leaves[-1] if leaves else None

    @staticmethod
    def school_count(cluster: m.Cluster) -> int:
        return len(cluster.schools) if isinstance(cluster.schools, list) else cluster.schools or 0

    def total_schools(self, clusters: list[m.Cluster]) -> int:
        return sum(self.school_count(cluster) for cluster in clusters)

    def sources_for_person(self, person_id: str) -> list[str]:
        """Bibliography of a personal manual: what the person and the processes they run cite."""
        person = self.people[person_id]
        ids = list(person.bibliography)
        for process_id in person.processes:
            ids += self.processes[process_id].bibliography
        return [source for source in self.sources if source in ids]


@dataclass
class _Loaded:
    """One data file: where it is, what holds it, its lines, and its model (None when it has errors)."""

    path: Path
    owner: Owner
    source: Source | None
    value: Any
    data: Any = None  # the file as typed, for the paste check


def load(root: Path) -> Manual:
    """Read, validate and link every data file under `root`."""
    refused = formats.refused(root)
    if refused:  # a folder in another format is not validated against this one: its message alone
        raise DataErrors(refused, [])
    errors = ErrorList(root)
    layout = _survey(root, errors)
    loaded: list[_Loaded] = []
    for name, (owner, kind) in TOP_FILES.items():
        path = root / name
        try:
            os.lstat(path)
        except FileNotFoundError:
            if name == OFFICE_FILE:
                errors.add(path, 1, f"missing: every manual needs {OFFICE_FILE} (ไม่พบไฟล์)")
            continue
        except OSError as exc:
            errors.add(path, 1, f"the file {describe_os_error(exc)}")
            continue
        loaded.append(_load_file(path, (owner, owner), kind, errors))
    for folder, kind in FOLDERS.items():
        for path in layout.data[folder]:
            loaded.append(_load_file(path, (folder, path.stem), kind, errors))

    found = _check(root, layout, loaded, errors)
    parts = {file.owner: file.value for file in loaded}
    office, references = parts.get(("office", "office")), parts.get(("references", "references"), m.ReferencesFile())
    if office is not None and all(file.value is not None for file in loaded):
        # Which files the data names is known only when every data file is valid.
        named = {attachment_key(f.value) for f in found if isinstance(f.marker, Attachment)}
        _check_unlisted(layout, named, errors)
    if errors or office is None or references is None:
        raise DataErrors(errors.sorted(), errors.warnings)
    pasted = [
        finding
        for file in loaded
        if file.source is not None
        for finding in audit(type(file.value), file.data, file.source, office.manual.digits)
    ]
    for finding in pasted:
        errors.warn(finding.path, finding.line, finding.message)
    for file in loaded:
        if file.source is not None:
            for loc, text in placeholders.found(file.data):
                errors.warn(file.path, file.source.line(loc), placeholders.message(text))
    manual = Manual(
        root=root,
        info=office.manual,
        labels=office.labels,
        office=office.office,
        group=office.group,
        organization=office.organization,
        people={pid: value for (kind, pid), value in parts.items() if kind == "people"},
        processes={pid: value for (kind, pid), value in parts.items() if kind == "processes"},
        documents={doc.id: doc for doc in references.documents},
        sources={source.id: source for source in references.bibliography},
        files={f"{file.owner[0]}/{file.owner[1]}": file.path for file in loaded if file.owner[0] in FOLDERS},
        warnings=errors.warnings,
        pasted=pasted,
        references=found,
        attachment_files=layout.others,
    )
    _order_processes(manual)
    manual.ita = _ita_gaps(manual, loaded)
    return manual


def _ita_gaps(manual: Manual, loaded: list[_Loaded]) -> list[DataError]:
    """What the ITA item asks that each process leaves unsaid, where it stands in the process's file."""
    found = ErrorList(manual.root)
    for file in loaded:
        if file.owner[0] == "processes" and isinstance(file.value, m.Process):
            for gap in ita.gaps(file.value, manual.runners_of(file.owner[1])):
                found.warn(file.path, _line(file, gap.loc), gap.message)
    return found.warnings


def _check(root: Path, layout: _Layout, loaded: list[_Loaded], errors: ErrorList) -> list[Found]:
    """Check every definition, reference and named file of the loaded files; return what was found."""
    located: list[tuple[_Loaded, Found]] = [
        (file, found) for file in loaded if file.value is not None for found in walk(file.value, file.owner)
    ]
    # Ids of people and processes are their file names, known even when a file has errors. Other ids are defined
    # inside a file; when that file has errors (or office.yml is missing) its ids are unknown, and references to
    # them are not reported.
    defined: dict[str, dict[str, None]] = {kind: {} for kind in KINDS}  # ordered sets
    unknown: set[str] = set() if any(file.owner == ("office", "office") for file in loaded) else set(_OFFICE_KINDS)
    for file in loaded:
        if file.owner[0] in FOLDERS:
            defined[file.owner[0]][file.owner[1]] = None
        elif file.value is None:
            unknown |= defined_kinds(TOP_FILES[file.path.name][1])
    for file, found in located:
        if isinstance(found.marker, Defines):
            kind = found.marker.kind
            if found.value in defined[kind]:
                errors.add(file.path, _line(file, found.loc), f"duplicate {KINDS[kind]} id `{excerpt(found.value)}`")
            defined[kind][found.value] = None
    listed: set[tuple[str, Loc, str]] = set()
    for file, found in located:
        where = _line(file, found.loc)
        if isinstance(found.marker, Ref):
            kind = found.marker.kind
            if kind not in unknown and found.value not in defined[kind]:
                errors.add(file.path, where, _unknown(found.value, KINDS[kind], list(defined[kind])))
            key = (str(file.path), found.loc[:-1], found.value)
            if isinstance(found.loc[-1], int) and key in listed:
                errors.add(file.path, where, f"`{excerpt(found.value)}` is listed twice")
            listed.add(key)
        elif isinstance(found.marker, Attachment):
            try:
                check_attachment(found.value, root, found.marker.types, layout.others.get(attachment_key(found.value)))
            except FileProblem as problem:
                errors.add(file.path, where, f"`{excerpt(found.value)}` {problem.message}")
    for file in loaded:
        if isinstance(file.value, m.OfficeFile) and file.source:
            _check_cycles(file.value, file.path, file.source, errors)
        if isinstance(file.value, m.Process) and file.source:
            _check_steps(file.value, file.path, file.source, errors)
    return [found for _, found in located]


def _line(file: _Loaded, loc: Loc) -> tuple[int, int]:
    return file.source.line(loc) if file.source else (1, 1)


def _unknown(value: str, noun: str, known: list[str]) -> str:
    # A suggestion compares the value with every known id: only while there are few enough for that to be quick.
    close = difflib.get_close_matches(value, known, n=1) if len(known) <= 500 else []
    listed = f"; known: {excerpt(', '.join(known), 120)}" if known else ""
    hint = f"; did you mean `{close[0]}`?" if close else listed
    return f"`{excerpt(value)}` is not a known {noun}{hint} (ไม่พบรหัสที่อ้างถึง)"


def _check_steps(process: m.Process, path: Path, source: Source, errors: ErrorList) -> None:
    """Step ids are unique within a process, and its flowchart holds together."""
    step_ids: set[str] = set()
    for loc, step in _walk_steps(process.steps, ("steps",)):
        if step.id is not None:
            if step.id in step_ids:
                errors.add(path, source.line((*loc, "id")), f"duplicate step id `{excerpt(step.id)}`")
            step_ids.add(step.id)
    for problem in flow.check(process):
        errors.add(path, source.line(problem.loc), f"flowchart: {problem.message}")


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
        if entry.name in TOP_FILES or _hidden(entry, path, errors):
            continue  # the top files are read (and checked) by load()
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


def _hidden(entry: os.DirEntry[str], path: Path, errors: ErrorList) -> bool:
    """Hidden entries are not read: a hidden data file is an error, a hidden folder a warning. Other hidden files
    (.gitkeep, .DS_Store) and a repository's .git folder are nobody's content."""
    if not entry.name.startswith("."):
        return False
    if entry.name.endswith((".yml", ".yaml")):
        errors.add(path, 1, "hidden files are not read: remove the `.` at the start of its name, or the file")
    elif entry.is_dir(follow_symlinks=False) and entry.name != ".git":
        errors.warn(path, 1, "hidden folders are not read, and nothing in them is published")
    return True


def _attachment_folder(top: Path, top_name: PurePosixPath, layout: _Layout, errors: ErrorList) -> None:
    """Every file under a folder of attachments (files/), folder by folder, at most MAX_FOLDER_DEPTH deep."""
    todo = [(top, top_name)]
    while todo:
        folder, name = todo.pop()
        if len(name.parts) > MAX_FOLDER_DEPTH:
            errors.add(folder, 1, f"folders nested more than {MAX_FOLDER_DEPTH} levels deep are not read")
            continue
        try:
            entries = listing(folder)
        except FileProblem as problem:
            errors.add(folder, 1, f"the folder {problem.message}")
            continue
        for entry in entries:
            if _hidden(entry, folder / entry.name, errors):
                continue
            if entry.is_dir(follow_symlinks=False):
                todo.append((folder / entry.name, name / entry.name))
            else:
                _other_file(folder / entry.name, name / entry.name, entry, layout, errors)


def _other_file(path: Path, name: PurePosixPath, entry: os.DirEntry[str], layout: _Layout, errors: ErrorList) -> None:
    """A file outside people/ and processes/: an attachment if the data names it, checked in _check_unlisted.

    It is known by its name cleaned as the data's text is (NFC, SARA AM, single spaces), so that a name typed in the
    data finds a file whose name was saved otherwise (macOS writes é as e + ◌́, PDFs write ำ as ํ + า)."""
    if entry.is_symlink() and os.path.isdir(path):
        errors.add(path, 1, "is a link to a folder; links to folders are not followed (copy the files instead)")
    elif name.suffix in (".yml", ".yaml"):
        close = difflib.get_close_matches(name.as_posix(), list(TOP_FILES), n=1, cutoff=0.75)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        errors.add(path, 1, f"unexpected data file: {LAYOUT}{hint}")
    else:
        key = attachment_key(name.as_posix())
        if key in layout.others:
            other = layout.others[key].name
            errors.add(path, 1, f"has the same name as `{excerpt(other)}` once spaces and Thai vowels are cleaned")
        else:
            layout.others[key] = path


def attachment_key(name: str) -> str:
    """How a file of the data folder is known: its relative name, each part cleaned as the data's text is."""
    return PurePosixPath(*(normalize(part) for part in PurePosixPath(name).parts)).as_posix()


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
        if _hidden(entry, path, errors):
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


def _load_file(path: Path, owner: Owner, kind: type[BaseModel], errors: ErrorList) -> _Loaded:
    read = read_yaml(path, errors)
    if read is None:
        return _Loaded(path, owner, None, None)
    data, source = read
    return _Loaded(path, owner, source, validate(kind, data, source, errors), data)


def _check_cycles(office: m.OfficeFile, path: Path, source: Source, errors: ErrorList) -> None:
    """Each position of a loop of `reports_to` is reported with the loop, read from it. Every position is walked
    once (a chart of thousands of positions is checked in a moment)."""
    boss = {p.id: p.reports_to for p in office.organization}
    index = {p.id: i for i, p in enumerate(office.organization)}
    done: set[str] = set()
    for start in boss:
        path_ids: list[str] = []
        current: str | None = start
        while current is not None and current in boss and current not in done and current not in path_ids:
            path_ids.append(current)
            current = boss[current]
        if current in path_ids:
            loop = path_ids[path_ids.index(current) :]
            for k, member in enumerate(loop):
                ring = [*loop[k:], *loop[:k], member]
                where = source.line(("organization", index[member], "reports_to"))
                errors.add(path, where, f"the organisation chart has a loop: {excerpt(' → '.join(ring), 200)}")
        done.update(path_ids)


def _walk_steps(steps: Sequence[m.SubStep], loc: Loc) -> Iterator[tuple[Loc, m.SubStep]]:
    for index, step in enumerate(steps):
        yield (*loc, index), step
        yield from _walk_steps(step.steps, (*loc, index, "steps"))
