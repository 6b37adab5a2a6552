"""Every field the model accepts reaches the reader, on the site and in the PDFs, or it would be refused.

The fixtures `tests/fixtures/mini` (the seeds' shape) and `tests/fixtures/varied` (shapes the seeds do not have)
together set every field of every model and every label (a test checks that they do). A field whose value is text
must show that text on some page of the site and in some PDF. A field that is not shown as its own
text (an id, a reference, a number printed in Thai digits, a switch) says here how it shows; a new field that is
neither shown nor listed here fails the test, so no field can be accepted and then ignored.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import markup
from conftest import DATASETS, ROOT
from opmanual.data import model as m
from opmanual.data.dataset import Manual, load
from opmanual.data.labels import Labels
from opmanual.thai import day_month_year, digits, month_year

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

FIXTURES = ("mini", "varied")
MANUALS = {name: load(DATASETS[name]) for name in FIXTURES}


def _names(manual: Manual, ids: list[str]) -> list[str]:
    return [f"{manual.people[i].prefix}{manual.people[i].name} {manual.people[i].surname}" for i in ids]


def _by_id(items: list[Any], ids: list[str], attribute: str = "name") -> list[str]:
    return [getattr(item, attribute) for item in items if item.id in ids]


# How a field that is not printed as its own text reaches the reader: the strings it makes appear, or None for a
# field that shapes the output (an id is an anchor and a link target; a flow target draws an arrow, checked in
# tests/test_flow.py and the chart goldens).
Shown = Callable[[Any, Manual], list[str] | None]
SHOWN: dict[str, Shown] = {
    "id": lambda value, manual: None,
    "ManualInfo.year": lambda value, manual: [digits(str(value), "thai")],
    "ManualInfo.digits": lambda value, manual: ["๑"],
    "ManualInfo.logo": lambda value, manual: None,  # the picture on the cover and the home page
    "ManualForeword.signed_by": lambda value, manual: _names(manual, [value]),
    "Form.file": lambda value, manual: None,  # the form's link on the site, checked in tests/test_site.py
    "WorkGroup.members": lambda value, manual: _names(manual, value),
    "Position.person": lambda value, manual: _names(manual, [value]),
    "Position.reports_to": lambda value, manual: [manual.positions[value].title],
    "Position.acting": lambda value, manual: ["ปฏิบัติหน้าที่"] if value else [],
    "Cluster.schools": lambda value, manual: [digits(str(value), "thai")] if isinstance(value, int) else value,
    "Person.clusters": lambda value, manual: _by_id(manual.group.clusters, value),
    "Person.networks": lambda value, manual: _by_id(manual.group.networks, value),
    "Person.learning_areas": lambda value, manual: _by_id(manual.group.learning_areas, value),
    "Person.processes": lambda value, manual: [manual.processes[pid].name for pid in value],
    "Person.bibliography": lambda value, manual: [manual.sources[sid].title for sid in value],
    "Process.bibliography": lambda value, manual: [manual.sources[sid].title for sid in value],
    "Process.references": lambda value, manual: [manual.documents[did].title for did in value],
    "Process.workgroup": lambda value, manual: [manual.workgroups[value].name],
    "SubStep.responsible": lambda value, manual: _names(manual, value),
    "Step.responsible": lambda value, manual: _names(manual, value),
    "Step.kind": lambda value, manual: None,  # the symbol drawn for the step
    "Step.next": lambda value, manual: None,
    "Decision.yes_to": lambda value, manual: None,
    "Decision.no_to": lambda value, manual: None,
    "Decision.before": lambda value, manual: None,
    "ScheduleRow.start": lambda value, manual: [month_year(value, "thai")],
    "ScheduleRow.end": lambda value, manual: [month_year(value, "thai")],
    "Table.numbered": lambda value, manual: None,  # the row numbers, checked in tests/test_varied.py
    "FreeSection.after": lambda value, manual: None,  # where the section stands, checked in tests/test_varied.py
    "Appendix.file": lambda value, manual: None,  # the link or the full-page picture, checked in tests/test_varied.py
    # A draft's banner and note, an approval's statement: their wording is checked in tests/test_approval.py.
    "Approval.status": lambda value, manual: ["อนุมัติ" if value == "approved" else "ฉบับร่าง"],
    "Approval.date": lambda value, manual: [day_month_year(value, manual.info.digits)],
    "Approval.version": lambda value, manual: None,  # ฉบับที่ N on the page, N.0 in the record: tests/test_approval.py
    "Revision.date": lambda value, manual: [day_month_year(value, manual.info.digits)],
    "ManualInfo.history": lambda value, manual: None,  # whether the record is derived: tests/test_approval.py
    # A page break before the heading in print, nothing on the site: tests/test_varied.py.
    **{f"{kind}.new_page": lambda value, manual: None for kind in ("Section", "FreeSection", "Duty", "WorkStandard")},
}


def values(instance: BaseModel) -> Iterator[tuple[str, str, Any]]:
    """(model name, field name, value) of every field set anywhere inside `instance`."""
    for name in type(instance).model_fields:
        value = getattr(instance, name)
        yield type(instance).__name__, name, value
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, BaseModel):
                yield from values(item)


def every_value(manual: Manual) -> Iterator[tuple[str, str, Any]]:
    roots: list[BaseModel] = [manual.info, manual.office, manual.group, *manual.organization]
    roots += [*manual.people.values(), *manual.processes.values(), *manual.documents.values()]
    roots += list(manual.sources.values())
    for root in roots:
        yield from values(root)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def outputs(built_sites: dict[str, Path]) -> dict[str, dict[str, str]]:
    """The text of every page of the site and of every PDF, per fixture."""
    found = {}
    for name in FIXTURES:
        site = built_sites[name]
        pages = [markup.page(path).get_text() for path in site.rglob("*.html") if "search" not in path.parts]
        pdfs = [
            subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
            for path in sorted(site.glob("pdf/**/*.pdf"))
        ]
        found[name] = {"site": squeeze(" ".join(pages)), "PDF": squeeze(" ".join(pdfs))}
    return found


def test_the_fixtures_set_every_field_of_every_model() -> None:
    models = [
        c for c in vars(m).values() if isinstance(c, type) and issubclass(c, m.Strict) and c.__module__ == m.__name__
    ]
    files = {m.OfficeFile, m.ReferencesFile, m.Strict}  # split up by the loader; their fields are the roots
    seen: dict[str, set[str]] = {}

    def walk(instance: BaseModel) -> None:
        seen.setdefault(type(instance).__name__, set()).update(instance.model_fields_set)
        for name in type(instance).model_fields:
            value = getattr(instance, name)
            for item in value if isinstance(value, list | tuple) else [value]:
                if isinstance(item, BaseModel):
                    walk(item)

    for manual in MANUALS.values():
        for root in [manual.info, manual.office, manual.group, *manual.organization, *manual.people.values()]:
            walk(root)
        for root in [*manual.processes.values(), *manual.documents.values(), *manual.sources.values()]:
            walk(root)
    unset = [
        f"{model.__name__}.{name}"
        for model in models
        if model not in files
        for name in model.model_fields
        if name not in seen.get(model.__name__, set())
    ]
    assert unset == [], f"set these fields in tests/fixtures/mini or tests/fixtures/varied: {unset}"


@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_field_reaches_the_site_and_the_pdfs(outputs: dict[str, dict[str, str]], fixture: str) -> None:
    manual = MANUALS[fixture]
    missing = []
    for model_name, name, value in every_value(manual):
        key = "id" if name == "id" else f"{model_name}.{name}"
        if value is None:
            continue  # not set here: this model is set somewhere else in the fixture
        if key in SHOWN:
            strings = SHOWN[key](value, manual)
        else:
            entries = value if isinstance(value, list | tuple) else [value]
            # A text block mixes paragraphs (checked here) with lists and tables (whose fields are checked).
            strings = [entry for entry in entries if not isinstance(entry, BaseModel)]
            if not all(isinstance(entry, str) for entry in strings):
                missing.append(f"{key}: not text; say in SHOWN how it reaches the reader")
                continue
        for text in strings or []:
            for where, output in outputs[fixture].items():
                if squeeze(text) not in output:
                    missing.append(f"{key}: {text!r} is not in the {where}")
    assert missing == [], "\n".join(missing)


LABEL_USES = (re.compile(r"labels?\.(\w+)"), re.compile(r"fill\(\s*\"(\w+)\""))  # label.name, labels.fill("name")


def test_every_label_is_printed_somewhere() -> None:
    """A label no template prints would be accepted in `labels:` and then ignored."""
    sources = [*(ROOT / "src/opmanual/templates").rglob("*.j2"), *(ROOT / "src/opmanual").rglob("*.py")]
    used = {name for path in sources for pattern in LABEL_USES for name in pattern.findall(path.read_text())}
    assert sorted(set(Labels.model_fields) - used) == []


def test_the_varied_fixture_rewords_labels_that_reach_the_reader(outputs: dict[str, dict[str, str]]) -> None:
    """Reworded labels replace the defaults on the site and in the PDFs (placeholders are filled with data)."""
    labels = MANUALS["varied"].labels
    assert labels.model_fields_set, "reword some labels in tests/fixtures/varied/office.yml"
    for name in labels.model_fields_set:
        for fixed in re.split(r"\{\w+\}", getattr(labels, name)):
            for where, output in outputs["varied"].items():
                assert squeeze(fixed) in output, f"label {name}: {fixed!r} is not in the {where}"
