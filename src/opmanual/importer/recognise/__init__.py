"""The recogniser: one stream of blocks (all sources, in the order given) mapped onto the files of a data folder.

Processes are found first (their eight numbered parts are the surest landmarks), then people in what is left, and
the rest is the office and group part. Each owner's recogniser returns names where the model wants ids of other
files (a person's learning areas, the processes they run, a process's documents, a work group's members); this
module gives every person, process, work group, learning area and document its id and fills those references,
creating the office's entry for a name the office part did not list (marked for checking).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..blocks import Block, Source
from ..draft import Draft, Part
from ..ids import person_id, process_id, slug, unique
from . import bibliography, office, person, process, schools
from .words import plain

# A person's reference lists (names as found) → the office's list that defines them.
PERSON_LINKS = {"learning_areas": "learning_areas", "clusters": "clusters", "networks": "networks"}


def recognise(sources: Sequence[Source]) -> Draft:
    blocks: list[Block] = [block for source in sources for block in source.blocks]
    draft = Draft(notes=[f"{source.name}: {note}" for source in sources for note in source.notes])

    taken: set[str] = set()
    process_at: list[tuple[int, str]] = []  # (index in the stream, process id) of each process's start
    in_process = [False] * len(blocks)
    for start, end in process.spans(blocks):
        name, part = process.recognise(blocks[start:end])
        pid = process_id(name, taken)
        draft.processes[pid] = part
        process_at.append((start, pid))
        in_process[start:end] = [True] * (end - start)

    rest = [index for index in range(len(blocks)) if not in_process[index]]
    rest_blocks = [blocks[index] for index in rest]
    in_person = [False] * len(rest)
    found: list[tuple[int, int, Part]] = []  # (first, last) stream index of each person's blocks, and the person
    for start, end in person.spans(rest_blocks):
        part = person.recognise(rest_blocks[start:end])
        if not found and _nameless(part):  # no one's name yet (a contents page): it stays with the group part
            continue
        in_person[start:end] = [True] * (end - start)
        if found and _nameless(part):  # a person's chapter going on after a page the reader took for a new start
            found[-1] = (found[-1][0], rest[end - 1], person.merge(found[-1][2], _without_names(part)))
        elif found and person.same(found[-1][2], part):  # our person books name them on the cover and the chapter
            found[-1] = (found[-1][0], rest[end - 1], person.merge(found[-1][2], part))
        else:
            found.append((rest[start], rest[end - 1], part))
    people_taken: set[str] = set()
    for first, last, part in found:
        pid = person_id(part.data.get("name", ""), part.data.get("surname", ""), people_taken)
        own = [process_id for at, process_id in process_at if first <= at <= last]
        if len(found) == 1:  # a personal manual: its processes are hers, wherever they stand in the book
            own = [process_id for _, process_id in process_at]
        if own and not part.data.get("processes"):
            part.data["processes"] = own
            part.guess(("processes",), "กระบวนงานที่อยู่ในคู่มือของบุคคลนี้ ตรวจว่าเป็นผู้ปฏิบัติ")
        draft.people[pid] = part

    office_blocks = [block for index, block in enumerate(rest_blocks) if not in_person[index]]
    draft.office = office.recognise(office_blocks)
    _named_people(draft, blocks, people_taken)
    _cover_titles(draft)
    _clusters(draft)
    _learning_areas(draft)
    _link_people(draft)
    _link_members(draft)
    _supervisors(draft)
    _link_processes(draft)
    _link_responsible(draft)
    _charts(draft)
    _documents(draft)
    _bibliography(draft)
    return draft


NAMES = ("prefix", "name", "surname")


def _nameless(part: Part) -> bool:
    """A person part whose name the recogniser did not find (it wrote a placeholder to check)."""
    return part.data.get("name") == person.PLACEHOLDERS["name"] and any(g.path == ("name",) for g in part.guesses)


def _without_names(part: Part) -> Part:
    data = {key: value for key, value in part.data.items() if key not in NAMES}
    guesses = [guess for guess in part.guesses if guess.path[:1] not in {(key,) for key in NAMES}]
    return Part(data=data, guesses=guesses, unplaced=part.unplaced)


def _named_people(draft: Draft, blocks: Sequence[Block], taken: set[str]) -> None:
    """Supervisors the group part names (an organisation chart, a signature) who have no part of their own: a file
    each with what the source says of them, so the chart and the people pages can refer to them."""
    have = {(part.data.get("name"), part.data.get("surname")) for part in draft.people.values()}
    for named in person.people_named(blocks):
        if (named.get("name"), named.get("surname")) in have:
            continue
        part = Part(data=dict(named))
        part.guess(("name",), "พบชื่อในแผนภูมิหรือลายมือชื่อของคู่มือ ยังไม่มีเนื้อหาของบุคคลนี้ในต้นฉบับ")
        draft.people[person_id(named.get("name", ""), named.get("surname", ""), taken)] = part
        have.add((named.get("name"), named.get("surname")))


def _cover_titles(draft: Draft) -> None:
    """A person's cover title that is the manual's own title says nothing: the books print that by default."""
    title = plain(draft.office.data.get("manual", {}).get("title", ""))
    for part in draft.people.values():
        if title and plain(part.data.get("cover_title", "")) == title:
            del part.data["cover_title"]
            part.guesses = [guess for guess in part.guesses if guess.path[:1] != ("cover_title",)]


# "กลุ่มโรงเรียนที่ ๒ มีจำนวน ๑๔ โรงเรียน": a school cluster and its count, wherever the manual says it.
CLUSTER_COUNT = re.compile(r"กลุ่มโรงเรียนที่\s*([0-9๐-๙]+)\s*(?:มี)?\s*(?:จำนวน)?\s*([0-9๐-๙]+)\s*โรงเรียน")


def _clusters(draft: Draft) -> None:
    """School clusters and their school counts, from sentences anywhere in the manual: the office's clusters when
    its part lists none, else the count of a listed cluster that has none (the sentences stay where they stood)."""
    group = _group(draft)
    said = " ".join(_strings([part.data for part in draft.files().values()]))
    found: dict[int, tuple[str, int]] = {}  # cluster's number → (its number as written, its count)
    for number, count in CLUSTER_COUNT.findall(said):
        found.setdefault(schools.number_of(number), (number, schools.number_of(count)))
    listed: list[dict[str, Any]] = group.get("clusters") or []
    if not listed and found:
        named = [(f"กลุ่มโรงเรียนที่ {found[number][0]}", found[number][1]) for number in sorted(found)]
        group["clusters"] = [
            {"id": schools.entry_id("clusters", name), "name": name, "schools": count} for name, count in named
        ]
        draft.office.guess(("group", "clusters"), "กลุ่มโรงเรียนและจำนวนโรงเรียน อ่านจากข้อความในคู่มือ")
    for index, entry in enumerate(listed):
        numbered = schools.NUMBERED_CLUSTER.fullmatch(entry["name"])
        if entry.get("schools") is None and numbered and schools.number_of(numbered.group(1)) in found:
            entry["schools"] = found[schools.number_of(numbered.group(1))][1]
            draft.office.guess(("group", "clusters", index, "schools"), "จำนวนโรงเรียน อ่านจากข้อความในคู่มือ")


def _learning_areas(draft: Draft) -> None:
    """The curriculum's learning areas as a sentence of the manual enumerates them (… ได้แก่ ๑) ภาษาไทย ๒) …),
    wherever it stands, as the office's list when its part lists none, so that a person's learning area is one of
    the group's entries; each such sentence adds the areas the ones before it did not name."""
    group = _group(draft)
    if group.get("learning_areas"):
        return
    listed: dict[str, str] = {}  # id → name
    for text in _strings([part.data for part in draft.files().values()]):
        for area_id, name in schools.areas_listed(text):
            if area_id not in listed and name not in listed.values():
                listed[unique(area_id, set(listed))] = name
    if listed:
        group["learning_areas"] = [{"id": area_id, "name": name} for area_id, name in listed.items()]
        draft.office.guess(("group", "learning_areas"), "กลุ่มสาระการเรียนรู้ อ่านจากข้อความในคู่มือ ตรวจชื่อและรหัส")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for inner in value.values() for text in _strings(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in _strings(inner)]
    return []


def _group(draft: Draft) -> dict[str, Any]:
    group: dict[str, Any] = draft.office.data.setdefault("group", {})
    return group


def _defined(draft: Draft, kind: str, name: str) -> str:
    """The id of the office's `kind` entry named `name`, adding the entry when the office part did not list it."""
    entries: list[dict[str, Any]] = _group(draft).setdefault(kind, [])
    wanted = schools.entry_id(kind, name)
    for entry in entries:
        if plain(entry.get("name", "")) == plain(name) or entry.get("id") == wanted:
            return str(entry["id"])
    entry_id = unique(wanted, {entry["id"] for entry in entries})
    entries.append({"id": entry_id, "name": name})
    draft.office.guess(("group", kind, len(entries) - 1), f"เพิ่มจากคู่มือของบุคคล: {name}")
    return entry_id


def _link_people(draft: Draft) -> None:
    """Names a person's recogniser found → ids of the office's entries and of the processes."""
    by_name = {plain(part.data.get("name", "")): pid for pid, part in draft.processes.items()}
    for part in draft.people.values():
        for field, kind in PERSON_LINKS.items():
            names = part.data.get(field)
            if names:
                part.data[field] = [_defined(draft, kind, name) for name in names]
        runs = part.data.get("processes")
        if runs:
            part.data["processes"] = [
                value if value in draft.processes else by_name[plain(value)]
                for value in runs
                if value in draft.processes or plain(value) in by_name
            ]
            if not part.data["processes"]:
                del part.data["processes"]


def _link_members(draft: Draft) -> None:
    """The members a work group lists by name → ids of the people of the import (matched by name and surname, the
    prefix written either way). A name that is no one's file here cannot be an id: it stays in the work group's
    text as the source wrote it, marked for checking."""
    known = _people_by_name(draft)
    for index, workgroup in enumerate(_group(draft).get("workgroups", [])):
        ids: list[str] = []
        unknown: list[str] = []
        for member in workgroup.pop("members", []):
            named = office.member_name(member)
            pid = known.get(plain(named[1])) if named else None
            if pid is None:
                unknown.append(member)
            elif pid not in ids:
                ids.append(pid)
        if ids:
            workgroup["members"] = ids
        if unknown:
            workgroup["text"] = [*workgroup.get("text", []), f"ผู้ปฏิบัติงาน: {', '.join(unknown)}"]
            draft.office.guess(
                ("group", "workgroups", index, "text"),
                "ผู้ปฏิบัติงานที่ยังไม่มีไฟล์ใน people/ (ชื่อตามต้นฉบับ): เพิ่มไฟล์บุคลากร แล้วใส่รหัสใน members",
            )


def _supervisors(draft: Draft) -> None:
    """The supervisors a table of clusters or networks names as responsible for an entry → the entry's id in each
    one's `clusters` or `networks` (the books print that column from there). A name that is no one's file here
    stays in the entry's text as the source wrote it, marked for checking."""
    known = _people_by_name(draft)
    for kind in ("clusters", "networks"):
        for index, entry in enumerate(_group(draft).get(kind, [])):
            for header, names in entry.pop(schools.SUPERVISORS, []):
                unknown: list[str] = []
                for name in filter(None, re.split(r"\s*(?:[,\n]|\sและ)\s*", names)):
                    pid = known.get(plain(name))
                    if pid is None:
                        unknown.append(name)
                        continue
                    ids: list[str] = draft.people[pid].data.setdefault(kind, [])
                    if entry["id"] not in ids:
                        ids.append(entry["id"])
                if unknown:
                    entry["text"] = [*entry.get("text", []), f"{header}: {', '.join(unknown)}"]
                    draft.office.guess(("group", kind, index, "text"), "ผู้รับผิดชอบที่ยังไม่มีไฟล์ใน people/ (ชื่อตามต้นฉบับ)")


def _people_by_name(draft: Draft) -> dict[str, str]:
    """The id of each person of the import by their name and surname, with and without the prefix, spaces aside."""
    known: dict[str, str] = {}
    for pid, part in draft.people.items():
        data = part.data
        known[plain(f"{data.get('prefix', '')}{data.get('name', '')}{data.get('surname', '')}")] = pid
        known[plain(f"{data.get('name', '')}{data.get('surname', '')}")] = pid
    return known


def _link_processes(draft: Draft) -> None:
    """A process's work group, when its recogniser found one by name, as the id of that work group."""
    workgroups = _group(draft).get("workgroups", [])
    for part in draft.processes.values():
        name = part.data.get("workgroup")
        if not name:
            continue
        found = next((w["id"] for w in workgroups if w["name"] == name or plain(w["name"]) == plain(name)), None)
        if found is None:
            del part.data["workgroup"]
        else:
            part.data["workgroup"] = found


def _link_responsible(draft: Draft) -> None:
    """People named as responsible for a step → their ids. A name that is no person of the import (a role such as
    ศึกษานิเทศก์, or someone without a manual) cannot be an id: it is kept in a free section after the steps."""
    known = _people_by_name(draft)
    for part in draft.processes.values():
        unknown: list[str] = []
        for number, step in _all_steps(part.data.get("steps", []), ()):
            names = step.pop("responsible", None) or []
            ids = [known[plain(name)] for name in names if plain(name) in known]
            if ids:
                step["responsible"] = list(dict.fromkeys(ids))
            others = [name for name in names if plain(name) not in known]
            if others:
                unknown.append(f"ขั้นตอน {'.'.join(map(str, number))}: {', '.join(others)}")
        if unknown:
            sections = part.data.setdefault("sections", [])
            sections.append({"title": "ผู้รับผิดชอบตามต้นฉบับ", "after": "steps", "text": [{"bullets": unknown}]})
            part.guess(("sections", len(sections) - 1), "ผู้รับผิดชอบที่ไม่ใช่บุคลากรในข้อมูล ใส่รหัสใน responsible ของขั้นตอน")


def _all_steps(steps: list[Any], number: tuple[int, ...]) -> list[tuple[tuple[int, ...], dict[str, Any]]]:
    """Every step at every depth with its number (1, 1.2 …); steps written short as text have no details."""
    found = []
    for index, step in enumerate(steps, 1):
        if isinstance(step, dict):
            found.append(((*number, index), step))
            found += _all_steps(step.get("steps", []), (*number, index))
    return found


def _charts(draft: Draft) -> None:
    """A responsibility chart the books print (ตารางความรับผิดชอบ) is made again from the people's processes and
    the steps' responsible people: when each of its marks is one the import holds there, the chart is left out
    (said in the report); otherwise it is kept whole as a free section to check."""
    people = _people_by_name(draft)
    processes = {plain(part.data.get("name", "")): pid for pid, part in draft.processes.items()}

    def held(process: str, person: str, runs: bool) -> bool:
        """Whether the person runs the process (or, not `runs`, is responsible for a step of it) in the import."""
        pid, process_id = people.get(plain(person)), processes.get(plain(process))
        if pid is None or process_id is None:
            return False
        if runs:
            return process_id in draft.people[pid].data.get("processes", [])
        steps = _all_steps(draft.processes[process_id].data.get("steps", []), ())
        return any(pid in step.get("responsible", []) for _, step in steps)

    for chart in draft.office.data.pop("_charts", []):
        marks = [held(process, person, True) for process, person in chart.runs]
        marks += [held(process, person, False) for process, person in chart.steps]
        if all(marks) and not chart.more:
            draft.notes.append(
                "ไม่นำเข้าตารางความรับผิดชอบ: ทุกเครื่องหมายในตารางอยู่ในกระบวนงานของบุคลากรหรือผู้รับผิดชอบขั้นตอนแล้ว "
                "ระบบสร้างตารางให้เองจากข้อมูลนั้น"
            )
        else:
            office.keep_chart(draft.office, chart)


def _documents(draft: Draft) -> None:
    """The documents under each process's เอกสารอ้างอิง (titles) → `references.yml`, one entry per title; then
    those of the whole manual's list (title and web address) that no process cites, and the web addresses the list
    gives of those they do."""
    documents: dict[str, dict[str, Any]] = {}  # by the title without spaces
    taken: set[str] = set()
    for part in draft.processes.values():
        linked: list[str] = []
        for title in part.data.get("references") or []:
            document = documents.setdefault(plain(title), {"id": unique(slug(title, 5), taken), "title": title})
            if document["id"] not in linked:
                linked.append(document["id"])
        if linked:
            part.data["references"] = linked
    for listed in draft.office.data.pop("documents", []):
        document = documents.setdefault(plain(listed["title"]), {"id": unique(slug(listed["title"], 5), taken)})
        document.update({name: value for name, value in listed.items() if name not in document})
    if documents:
        draft.references = Part(data={"documents": list(documents.values())})


def _bibliography(draft: Draft) -> None:
    """The entries of each person's and process's บรรณานุกรม (as written) → `references.yml`'s sources, one per
    entry however many cite it, each read into its fields as far as the book prints it back as written (an entry
    read unsurely is marked for checking); the owners keep the ids, in their order. Then the entries of the whole
    manual's บรรณานุกรม that no one cites."""
    sources: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for part in [*draft.people.values(), *draft.processes.values(), draft.office]:
        linked: list[str] = []
        written = part.data.pop("bibliography", []) if part is draft.office else part.data.get("bibliography") or []
        for entry in bibliography.sources(written):
            if entry.key not in ids:
                ids[entry.key] = unique(slug(entry.name, 5), taken)
                sources.append({"id": ids[entry.key], **entry.fields})
                if entry.note:
                    draft.references.guess(("bibliography", len(sources) - 1), entry.note)
            if ids[entry.key] not in linked:
                linked.append(ids[entry.key])
        if linked and part is not draft.office:
            part.data["bibliography"] = linked
    if sources:
        draft.references.data["bibliography"] = sources


__all__ = ["Draft", "Part", "recognise"]
