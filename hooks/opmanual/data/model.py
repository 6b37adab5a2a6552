"""The validated model of a manual: one pydantic class per kind of YAML content.

Every class forbids unknown keys, so a misspelt key is an error rather than a silently lost field.
Ids of people and processes come from their file names; numbering, counts and back-references are
derived elsewhere (`opmanual.linker`), never typed by editors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..errors import excerpt
from ..thai import ARABIC_DIGITS, visible

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX = 100  # an id names files and pages (with a suffix of up to ~30 characters); file names hold 255 bytes
DIGITS = "[0-9๐-๙]"


def _visible(text: str) -> str:
    if not visible(text):
        raise PydanticCustomError("string_too_short", "only invisible characters")
    return text


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX)]
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_visible)]
YearMonth = Annotated[str, StringConstraints(pattern=rf"^{DIGITS}{{4}}-{DIGITS}{{2}}$")]


def _number(what: str, example: str) -> Callable[[Any], Any]:
    """Read a whole number from the text typed: decimal digits, Arabic or Thai, and nothing else.

    YAML 1.1 would read `012` as 10, `1:30` as 90 and `0x1F` as 31; the loader keeps such values as text, and they
    are refused here with the text the editor typed.
    """

    def parse(value: Any) -> Any:
        if isinstance(value, str):
            typed = value.strip()
            if re.fullmatch(f"{DIGITS}+", typed):
                return int(typed.translate(ARABIC_DIGITS))
            if re.fullmatch(f"-{DIGITS}+", typed):
                raise PydanticCustomError(
                    "not_a_number", "`{typed}`: {what} cannot be negative", {"typed": typed, "what": what}
                )
            raise PydanticCustomError(
                "not_a_number",
                "`{typed}` is not {what}: write it with the digits 0–9 or ๐–๙ only, such as {example}",
                {"typed": excerpt(typed), "what": what, "example": example},
            )
        if isinstance(value, bool) or value is None or isinstance(value, float):
            raise PydanticCustomError(
                "not_a_number", "expected {what}, such as {example}", {"what": what, "example": example}
            )
        return value

    return parse


def _flag(value: Any) -> Any:
    """true/false, also written yes/no or on/off (the words YAML 1.1 read as true and false)."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "yes", "on"):
            return True
        if word in ("false", "no", "off"):
            return False
        raise PydanticCustomError("not_a_flag", "`{typed}` is not true or false", {"typed": excerpt(value)})
    return value


def _buddhist_year(value: int) -> int:
    if not 2400 <= value <= 2700:
        raise PydanticCustomError(
            "not_a_year", "{value} is not a year in พ.ศ. (พ.ศ. = ค.ศ. + 543), such as 2567", {"value": value}
        )
    return value


# What an editor may type, for the JSON Schema: a number, or digits written as text (Thai digits are text to YAML).
_DIGITS_TEXT = Annotated[str, StringConstraints(pattern=f"^{DIGITS}+$")]
_FLAG_WORDS = Literal["true", "false", "yes", "no", "on", "off"]
Year = Annotated[
    int,
    BeforeValidator(_number("a year in พ.ศ.", "2567"), json_schema_input_type=int | _DIGITS_TEXT),
    AfterValidator(_buddhist_year),
]
SchoolCount = Annotated[
    int,
    BeforeValidator(_number("a number of schools", "12"), json_schema_input_type=int | _DIGITS_TEXT),
    Field(ge=0, le=10_000),
]
Flag = Annotated[bool, BeforeValidator(_flag, json_schema_input_type=bool | _FLAG_WORDS)]

RANKS = ("ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "เชี่ยวชาญพิเศษ")


def _as_paragraphs(value: Any) -> Any:
    """A single string is one paragraph; editors may also give a list of paragraphs."""
    if isinstance(value, str):
        return [value]
    return value


def _as_mapping(key: str) -> Any:
    """Let editors write a bare string where only the main text of an entry is needed."""

    def wrap(value: Any) -> Any:
        if isinstance(value, str):
            return {key: value}
        return value

    return wrap


def _as_cell(value: Any) -> Any:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, list):
        return {"items": value}
    return value


Paragraphs = Annotated[list[Text], BeforeValidator(_as_paragraphs, json_schema_input_type=str | list[str])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListItem(Strict):
    """One entry of a numbered list; `items` nests a sub-list (1, 1.1, 1.1.1)."""

    text: Text
    items: list[Item] = []


Item = Annotated[ListItem, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | ListItem)]

# A file of the manual, such as a form or a logo: a path inside the data folder (checked in `dataset`).
FilePath = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^\\]*$")]
FILE_TYPES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg")


class Form(Strict):
    """A form used (แบบฟอร์ม), with the file to download when there is one."""

    text: Text
    file: FilePath | None = None


FormValue = Annotated[Form, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | Form)]


class Definition(Strict):
    """A term and what it means (คำจำกัดความ), optionally with a list that belongs to the meaning."""

    term: Text
    says: Literal["หมายถึง", "หมายความว่า"] = Field(
        default="หมายถึง", description="the word joining term and meaning; legal texts use หมายความว่า"
    )
    meaning: Paragraphs = []
    items: list[Item] = []


class Section(Strict):
    """A titled piece of prose: paragraphs, then definitions, a numbered list, and sub-sections."""

    title: Text
    text: Paragraphs = []
    definitions: list[Definition] = []
    items: list[Item] = []
    sections: list[Section] = []


class Aims(Strict):
    """Vision, mission and goals (วิสัยทัศน์ พันธกิจ เป้าหมาย) at one level."""

    vision: Text | None = None
    mission: list[Item] = []
    goals: list[Item] = []


class Contacts(Strict):
    phone: Text | None = None
    email: Text | None = None
    facebook: Text | None = None
    website: Text | None = None
    address: Text | None = None


class Office(Strict):
    name: Text
    short_name: Text | None = None
    english_name: Text | None = None
    aims: Aims = Aims()
    aims_terms: list[Definition] = Field(default=[], description="terms of the vision explained")
    aims_source: Text | None = None


class Task(Strict):
    """A task (งาน) of a work group."""

    title: Text
    text: Paragraphs = []


class WorkGroup(Strict):
    """A work group (กลุ่มงาน) of the supervision group, with its tasks and members."""

    id: Id
    name: Text
    text: Paragraphs = []
    tasks_title: Text | None = None
    tasks: list[Annotated[Task, BeforeValidator(_as_mapping("title"), json_schema_input_type=str | Task)]] = []
    members: list[Id] = []


class Position(Strict):
    """A box of the organisation chart above the work groups (director, deputy, group director)."""

    id: Id
    title: Text
    person: Id | None = Field(default=None, description="a person of people/ who holds this position")
    name: Text | None = Field(default=None, description="the holder's name when not in people/")
    rank: Text | None = None
    acting: Flag = False
    reports_to: Id | None = None


class Method(Strict):
    """The working method (e.g. the PDCA cycle) and its steps."""

    title: Text
    text: Paragraphs = []
    steps: list[Item] = []


class LearningArea(Strict):
    id: Id
    name: Text


def _count_or_names(value: Any) -> str:
    return "names" if isinstance(value, list) else "count"


class Cluster(Strict):
    """A school cluster (กลุ่มโรงเรียน) or network; the school count is derived from a list of names."""

    id: Id
    name: Text
    schools: (
        Annotated[
            Annotated[SchoolCount, Tag("count")] | Annotated[list[Text], Tag("names")],
            Discriminator(_count_or_names),
        ]
        | None
    ) = None
    text: Paragraphs = []


class Foreword(Strict):
    """A person's foreword (คำนำ), signed by the person."""

    text: Paragraphs
    signed_as: Text | None = Field(default=None, description="a title line under the signature")
    date: Text | None = None


class ManualForeword(Foreword):
    """The foreword of the whole manual, signed by `signed_by` (a person) or by the office."""

    allowed_on: ClassVar[str] = "the foreword of the whole manual (`manual.foreword`): a person signs their own"

    signed_by: Id | None = None


class ManualInfo(Strict):
    title: Text = "คู่มือการปฏิบัติงาน"
    year: Year | None = Field(default=None, description="year of the manual in พ.ศ.")
    foreword: ManualForeword | None = None
    digits: Literal["thai", "arabic"] = "thai"
    logo: FilePath | None = Field(default=None, description="an image in the data folder, for the cover and home page")


class Group(Strict):
    """The supervision group (กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา)."""

    name: Text
    contacts: Contacts = Contacts()
    concept: Paragraphs = []
    objectives: list[Item] = []
    aims: Aims = Aims()
    operational_aims: Aims | None = None
    scope_text: Paragraphs = []
    workgroups: list[WorkGroup] = []
    position_standard: Section | None = None
    knowledge: list[Section] = []
    method: Method | None = None
    areas: list[Section] = []
    learning_areas: list[LearningArea] = []
    clusters_text: Paragraphs = []
    clusters: list[Cluster] = []
    networks: list[Cluster] = []


class OfficeFile(Strict):
    """`office.yml`: the office, its supervision group, the organisation chart and the manual."""

    manual: ManualInfo = ManualInfo()
    office: Office
    group: Group
    organization: list[Position] = []


class Order(Strict):
    """The official order (คำสั่ง) that assigned the person's duties."""

    number: Text
    title: Text
    issuer: Text | None = None
    date: Text | None = None


class Duty(Section):
    """A duty (งานในหน้าที่): a section plus the roles it carries and the forms it uses."""

    roles: list[Item] = []
    forms: list[FormValue] = []


class Cell(Strict):
    """One side of a work-standard row: text, a numbered list, or both."""

    text: Text | None = None
    items: list[Item] = []


CellValue = Annotated[Cell, BeforeValidator(_as_cell, json_schema_input_type=str | list[Item] | Cell)]


class StandardRow(Strict):
    activity: CellValue
    standard: CellValue


class WorkStandard(Strict):
    """A topic of work standards (มาตรฐานการปฏิบัติงาน): activity ↔ the standard or evidence it meets."""

    topic: Text
    headers: tuple[Text, Text] = ("กิจกรรม/วิธีปฏิบัติ", "มาตรฐาน/หลักฐานร่องรอย")
    rows: list[StandardRow]


class Person(Strict):
    """`people/<id>.yml`: one supervisor."""

    prefix: Text
    name: Text
    surname: Text
    position: Text = "ศึกษานิเทศก์"
    rank: Literal["ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "เชี่ยวชาญพิเศษ"] | None = None
    role: Text | None = None
    order: Order | None = None
    foreword: Foreword | None = None
    aims: Aims = Aims()
    duties: list[Duty] = []
    clusters: list[Id] = []
    networks: list[Id] = []
    learning_areas: list[Id] = []
    projects: list[Item] = []
    processes: list[Id] = []
    work_standards: list[WorkStandard] = []
    bibliography: list[Id] = []


END = "end"


class Decision(Strict):
    """A check drawn as a diamond after its step (or `before` it): `yes` continues, `no` goes to `no_to`."""

    question: Text
    yes: Text = "ใช่"
    no: Text = "ไม่ใช่"
    yes_to: Id | None = Field(
        default=None, description="a step id or `end`; by default the next step (the step itself when `before`)"
    )
    no_to: Id = Field(description="a step id (an earlier one makes a loop) or `end`")
    before: Flag = Field(default=False, description="check before the step instead of after it")


def _not_end(value: str | None) -> str | None:
    if value == END:
        raise PydanticCustomError(
            "reserved_id", "`end` means the end of the flowchart and cannot be a step id; choose another id"
        )
    return value


StepId = Annotated[Id, AfterValidator(_not_end)]


class SubStep(Strict):
    """A sub-step (1.1, 1.1.1): text and its own details; only top-level steps are boxes of the flowchart."""

    text: Text
    id: StepId | None = None
    steps: list[SubStepValue] = []
    duration: Text | None = None
    responsible: list[Id] = []
    standard: Text | None = None


class Step(SubStep):
    """A step of a process (ขั้นตอนการปฏิบัติงาน); `steps` nests sub-steps (1, 1.1, 1.1.1).

    A top-level step is a box of the flowchart: `kind` picks its symbol, `label` shortens its text in the chart,
    `decision` adds a diamond after it, and `next` sends the flow somewhere other than the following step.
    """

    allowed_on: ClassVar[str] = "a top-level step: the flowchart draws top-level steps only, not sub-steps"

    label: Text | None = None
    kind: Literal["process", "document"] = "process"
    decision: Decision | None = None
    next: Id | None = Field(default=None, description="a step id or `end`; by default the next step")


SubStepValue = Annotated[SubStep, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | SubStep)]
StepValue = Annotated[Step, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | Step)]


class ScheduleRow(Strict):
    """A row of the schedule: an activity and its period as พ.ศ. year-month (`2566-04`)."""

    text: Text
    start: YearMonth
    end: YearMonth | None = None

    @field_validator("start", "end")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is None:
            return value
        year, month = (int(part.translate(ARABIC_DIGITS)) for part in value.split("-"))
        if not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} does not exist (use 01–12)")
        _buddhist_year(year)
        return value

    @model_validator(mode="after")
    def _in_order(self) -> ScheduleRow:
        if self.end is not None and self.end.translate(ARABIC_DIGITS) < self.start.translate(ARABIC_DIGITS):
            raise PydanticCustomError(
                "schedule_order", "ends ({end}) before it starts ({start})", {"end": self.end, "start": self.start}
            )
        return self


class Risk(Strict):
    risk: Text
    control: Text | None = None


class Flowchart(Strict):
    """Part 6 of a process; the drawing itself is derived from the top-level steps."""

    title: Text | None = None
    start: Text = "เริ่มต้น"
    end: Text = "สิ้นสุด"


class Process(Strict):
    """`processes/<id>.yml`: one work process (กระบวนงาน) in the standard 8 parts."""

    name: Text
    workgroup: Id | None = None
    objectives: list[Item] = []
    scope: Paragraphs = []
    scope_items: list[Item] = []
    definitions: list[Definition] = []
    steps: list[StepValue] = []
    flowchart: Flowchart = Flowchart()
    forms_text: Paragraphs = []
    forms: list[FormValue] = []
    references: list[Id] = []
    bibliography: list[Id] = []
    schedule: list[ScheduleRow] = []
    kpis: list[Item] = []
    monitoring: Paragraphs = []
    risks: list[Risk] = []


class Document(Strict):
    """A law or document cited by processes (เอกสาร/หลักฐานอ้างอิง)."""

    id: Id
    title: Text
    url: Text | None = None


class Source(Strict):
    """A bibliography entry (บรรณานุกรม)."""

    id: Id
    author: Text | None = None
    year: Text | None = None
    title: Text
    place: Text | None = None
    publisher: Text | None = None
    detail: Text | None = None
    url: Text | None = None
    accessed: Text | None = None


class ReferencesFile(Strict):
    """`references.yml`: documents cited by processes and the bibliography."""

    documents: list[Document] = []
    bibliography: list[Source] = []


def is_id(value: str) -> bool:
    return len(value) <= ID_MAX and re.fullmatch(ID_PATTERN, value) is not None


ListItem.model_rebuild()
Section.model_rebuild()
Duty.model_rebuild()
SubStep.model_rebuild()
Step.model_rebuild()
