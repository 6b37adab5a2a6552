"""Read the YAML files of a manual safely, remember where every value came from, and validate them.

PyYAML's safe loader is used only to compose nodes; values are built here so that each one keeps its line, keys
cannot repeat, and anchors, aliases and tags are refused. YAML 1.1's guesses are not made: a plain value is text
as typed (`012`, `1:30`, `0x1F`, `yes` stay what the editor wrote) unless it is empty or `null`, and the model
reads numbers and true/false from that text. Every string is normalised as Thai text on load.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import ErrorList, excerpt
from ..thai import normalize
from .files import FileProblem, read_bytes
from .hygiene import CONTEXT_KEY, ERROR_TYPE, Finding, Hygiene, finding_message, list_marks, locate
from .model import PATTERN_HELP
from .refs import model_in, tagged_members

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

# Limits that keep a hostile or broken file from costing more than a moment: the largest real data file is a few
# tens of kilobytes and nests eight levels deep.
MAX_BYTES = 1_000_000
MAX_DEPTH = 32

_STANDARD_TAG = "tag:yaml.org,2002:"
_NULLS = {"", "~", "null", "Null", "NULL"}
# Characters no editor types: control characters (also when written as YAML escapes such as "\x1b"), halves of
# surrogate pairs, and the bidirectional overrides and isolates that can make text display other than it reads.
# Also the invisible formatting characters that no Thai text needs and that can hide or reorder text: the
# directional marks, the deprecated format controls, interlinear annotations and the tag characters. And the line
# and paragraph separators (written as the escapes "\L" and "\P"), which would silently split a paragraph.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2061-\u206f\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"
)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class Refused(Exception):
    """What the loader refuses in a file's text, where it is and why, in plain words."""

    def __init__(self, position: tuple[int, int], message: str) -> None:
        self.line = position
        self.message = message


_ANCHORS = "anchors and aliases (&name, *name) are not supported; write the value out"


class _Composer:
    """Composes nodes only; an alias (`*name`) is refused before it can be expanded, and so are anchors and tags."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise Refused(_position(event.start_mark), _ANCHORS)  # type: ignore[arg-type]
        if getattr(event, "anchor", None) is not None and not hasattr(self, "anchor_at"):
            # An anchor alone expands nothing, but it is only ever written for an alias to repeat: refused at the
            # end of the document, unless an alias is refused first.
            self.anchor_at = _position(event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise Refused(
                _position(event.start_mark),
                f"YAML tags such as `{excerpt(tag.replace(_STANDARD_TAG, '!!'))}` are not used in a manual; "
                "remove it and write the value as text",
            )
        return super().compose_node(parent, index)  # type: ignore[misc,no-any-return]

    def compose_document(self) -> yaml.Node | None:
        node = super().compose_document()  # type: ignore[misc]
        if hasattr(self, "anchor_at"):
            raise Refused(self.anchor_at, _ANCHORS)
        if not self.check_event(yaml.StreamEndEvent):  # type: ignore[attr-defined]
            event = self.peek_event()  # type: ignore[attr-defined]
            raise Refused(
                _position(event.start_mark),
                "a data file holds one YAML document: remove this `---` line and what follows, or move it to a file "
                "of its own",
            )
        return node  # type: ignore[no-any-return]


class _Loader(_Composer, yaml.SafeLoader):
    """PyYAML's own parser: slow, and the one whose error messages editors read."""


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _FastLoader(_Composer, yaml.composer.Composer, CParser, yaml.resolver.Resolver):
        """libyaml's parser (ten times faster) under the same Python composer and resolver as _Loader."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _LOADERS = (_Loader,)


def _compose(text: str) -> yaml.Node | None:
    """The file's node tree; a file libyaml rejects is parsed again by PyYAML, whose messages say more."""
    for loader_class in _LOADERS:
        loader = loader_class(text)
        try:
            if not loader.check_node():
                return None
            return loader.get_node()  # type: ignore[no-any-return]
        except yaml.YAMLError:
            if loader_class is _LOADERS[-1]:
                raise
        except (ValueError, OverflowError) as exc:
            # PyYAML builds some values while it parses; the one known case is an escape beyond Unicode.
            if loader_class is _LOADERS[-1]:
                problem = "an escape such as \\U00110000 names no character" if "chr()" in str(exc) else str(exc)
                message = f"YAML syntax error: {problem} (รูปแบบ YAML ไม่ถูกต้อง)"
                raise Refused(_position(loader.get_mark()), message) from None
        finally:
            loader.dispose()
    return None


def parse(text: str) -> yaml.Node | None:
    """The node tree of a data file's text (without its byte order mark), read as `read_yaml` reads it: what the
    loader refuses (anchors, aliases, tags, a second document, invisible line breaks, bad YAML) raises `Refused`."""
    for position, message in _line_breaks(text):
        raise Refused(position, message)
    return _parse(text)


def _parse(text: str) -> yaml.Node | None:
    """`_compose`, with every way PyYAML and libyaml fail turned into a `Refused` in plain words."""
    try:
        return _compose(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise Refused(
            (line, 1), f"the file contains a control character ({_code(exc.character)}) that YAML does not allow"
        ) from None
    except RecursionError:
        raise Refused((1, 1), f"the file nests lists or blocks too deeply (at most {MAX_DEPTH} levels)") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _position(mark) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if "\t" in text and "found character '\\t'" in str(exc):
            problem = "a tab character is not allowed for indentation in YAML; indent with spaces"
        raise Refused(where, f"YAML syntax error: {problem} (รูปแบบ YAML ไม่ถูกต้อง)") from None


# Line breaks that no editor sees but YAML breaks lines at: U+2028 and U+2029 (Word and PDFs paste them for a line
# break inside a paragraph), NEL, and a carriage return that no line feed follows. Inside a value they split it, so
# the file's structure turns into a "YAML syntax error" far from the cause.
_LINE_BREAK = re.compile("[\u2028\u2029\x85]|\r(?!\n)")


def _line_breaks(text: str) -> list[tuple[tuple[int, int], str]]:
    """Each kind of invisible line break in `text`, at its first place, with how many more there are."""
    places: dict[str, list[int]] = {}
    for found in _LINE_BREAK.finditer(text):
        places.setdefault(found.group(), []).append(found.start())
    problems = []
    for char, starts in places.items():
        start = starts[0]
        line_start = text.rfind("\n", 0, start) + 1
        more = f" (and {len(starts) - 1} more in this file)" if len(starts) > 1 else ""
        problems.append(
            (
                (text.count("\n", 0, start) + 1, start - line_start + 1),
                f"an invisible line break ({_code(char)}) stands here{more}, pasted from Word or a PDF; YAML reads "
                "it as a new line, which breaks the file: delete it, or press Enter where a new line is meant "
                "(อักขระขึ้นบรรทัดที่มองไม่เห็น)",
            )
        )
    return problems


@dataclass
class Source:
    """A loaded file: its path, the line of every key and list item in it, and problems that spare the rest."""

    path: Path
    lines: dict[Loc, tuple[int, int]]
    problems: list[tuple[tuple[int, int], str]] = field(default_factory=list)

    def line(self, loc: Loc) -> tuple[int, int]:
        """The (line, column) of `loc`, or of its closest ancestor that exists in the file."""
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, (1, 1))


def read_yaml(path: Path, errors: ErrorList) -> tuple[Any, Source] | None:
    """Parse one file of the data folder `errors.root` into plain Python values; report problems and return None if
    it cannot be read. The file must be a regular file inside that folder (see `files.read_bytes`)."""
    try:
        raw = read_bytes(path, errors.root, MAX_BYTES)
    except FileProblem as refused:
        errors.add(path, 1, f"the file {refused.message}")
        return None
    return read_text(raw, path, errors)


def read_text(raw: bytes, path: Path, errors: ErrorList) -> tuple[Any, Source] | None:
    """Parse the bytes of a data file (read by `read_yaml`, or an older version of it from git) as `read_yaml`
    does, its problems reported under `path`."""
    source = Source(path, {})
    if len(raw) > MAX_BYTES:
        errors.add(path, 1, f"the file is larger than the {MAX_BYTES:,} bytes a data file may have")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.add(
            path, raw[: exc.start].count(b"\n") + 1, "the file is not UTF-8 text; save it as UTF-8 (บันทึกไฟล์เป็น UTF-8)"
        )
        return None
    text = text.removeprefix("\ufeff")
    for position, message in _line_breaks(text):
        errors.add(path, position, message)
    try:
        # The rest of the file is still checked, with each invisible line break read as a space.
        node = _parse(_LINE_BREAK.sub(" ", text))
    except Refused as exc:
        errors.add(path, exc.line, exc.message)
        return None
    if node is None:
        errors.add(path, 1, "the file is empty (ไฟล์ว่าง)")
        return None
    try:
        data = _build(node, (), source)
    except Refused as exc:
        errors.add(path, exc.line, exc.message)
        return None
    for position, message in source.problems:
        errors.add(path, position, message)
    return data, source


def _build(node: yaml.Node, loc: Loc, source: Source) -> Any:
    line = _position(node.start_mark)
    source.lines.setdefault(loc, line)
    if len(loc) > MAX_DEPTH:
        raise Refused(line, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STANDARD_TAG + "merge":
                raise Refused(_position(key_node.start_mark), "merge keys (<<) are not supported")
            # Keys are always words: YAML 1.1 would otherwise read `yes:` and `no:` as true and false.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or not key:
                raise Refused(_position(key_node.start_mark), "a key must be a plain word such as `title`")
            where = _position(key_node.start_mark)
            if FORBIDDEN.search(key) or re.search(r"\s", key):
                # Reported; the rest of the file is still checked with the key cleaned.
                source.problems.append((where, f"the key `{excerpt(key)}` has spaces or invisible characters in it"))
                key = re.sub(r"\s", "", FORBIDDEN.sub("", key))
            if key in result:
                # Reported, and the rest of the file is still checked; the second value is not used.
                source.problems.append(
                    (_position(key_node.start_mark), f"the key `{excerpt(key)}` appears twice in the same block")
                )
                continue
            source.lines[(*loc, key)] = _position(key_node.start_mark)
            result[key] = _build(value_node, (*loc, key), source)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, index), source) for index, item in enumerate(node.value)]
    return _scalar(node, line, source)


def _scalar(node: yaml.Node, line: tuple[int, int], source: Source) -> str | None:
    """A plain empty or `null` value is nothing; every other value is the text typed, cleaned as Thai text."""
    value: str = node.value
    plain = not node.style  # type: ignore[attr-defined]  # None from PyYAML, "" from libyaml
    if plain and value in _NULLS:
        return None
    found = FORBIDDEN.search(value)
    if found:
        # Reported; the rest of the file is still checked with the character left out.
        char = found.group()
        what = "a control character" if char <= "\x9f" else "an invisible formatting character"
        if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
            what = "a bidirectional control character"
        if "\ud800" <= char <= "\udfff":
            what = "half of a surrogate pair (an invalid character)"
        if char in "\u2028\u2029\x85":
            what = "an invisible line break"
        source.problems.append((line, f"the text contains {what} ({_code(char)}) that a manual cannot hold; remove it"))
        value = FORBIDDEN.sub("", value)
    return normalize(value)


# Unicode gives control characters no name; the line breaks a message names (see _line_breaks).
_CONTROL_NAMES = {"\r": "CARRIAGE RETURN", "\x85": "NEXT LINE"}


def _code(char: str | int) -> str:
    char = chr(char) if isinstance(char, int) else char
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def validate(model: type[M], data: Any, source: Source, errors: ErrorList) -> M | None:
    """Validate `data` against `model`; every problem becomes a `file:line: message` error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = _readable(model, tuple(error["loc"]))
            errors.add(source.path, source.line(loc), describe(error, model))
        return None


def audit(model: type[BaseModel], data: Any, source: Source, digits: str) -> list[Finding]:
    """The numbers, bullets and digits pasted into valid `data` (see `hygiene`), each with its place in the file.

    The model's second pass names every text that could hold one; whether a number at its start is pasted numbering
    is proved here, from where the text stands: a list item's own place in its list, or a paragraph's neighbours."""
    try:
        model.model_validate(data, context={CONTEXT_KEY: Hygiene(digits)})
    except ValidationError as exc:
        suspects = [
            (tuple(error["loc"]), error["input"], (error.get("ctx") or {})["kind"])
            for error in exc.errors()
            if error["type"] == ERROR_TYPE  # not the other members of a union, which this value is not
        ]
    else:
        return []
    # Whether a number is pasted depends on the text's place in its list and on its neighbours there.
    lists: dict[tuple[Loc, Loc, str], dict[int, str]] = defaultdict(dict)
    for loc, text, kind in suspects:
        if place := _place(loc):
            lists[place[0], place[2], kind][place[1]] = text
    marks = {key: list_marks(texts, key[2]) for key, texts in lists.items()}
    findings: dict[Loc, Finding] = {}
    for loc, text, kind in suspects:
        place = _place(loc)
        if place:
            passes = marks[place[0], place[2], kind].get(place[1], ())
        else:  # in no list: no number is its own (place 0), a bullet still is a bullet
            passes = list_marks({-1: text}, kind).get(-1, ())
        found = finding_message(text, kind, digits, passes)
        where = locate(data, loc, text)
        if found is None or where is None:
            continue
        message, fixed = found
        finding = Finding(source.path, where, source.lines.get(where) or source.line(where), message, kind, digits,
                          text, fixed, passes)  # fmt: skip
        # One finding per value as typed (a multi-line value holds several paragraphs): a fixable one, if any.
        if where not in findings or (finding.fixable and not findings[where].fixable):
            findings[where] = finding
    return list(findings.values())


def _place(loc: Loc) -> tuple[Loc, int, Loc] | None:
    """Where a text stands in the list it is an item of: the list's location, the index, and the rest of the
    location (the field of the item that holds the text); the list is the last one of its location."""
    for at in range(len(loc) - 1, -1, -1):
        if isinstance(loc[at], int):
            return loc[:at], int(loc[at]), loc[at + 1 :]
    return None


def describe(error: Any, model: type[BaseModel]) -> str:
    """Say what is wrong in words an editor understands."""
    raw = tuple(error["loc"])
    loc = _readable(model, raw)
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    where = " → ".join(f"#{part + 1}" if isinstance(part, int) else excerpt(part, 30) for part in loc)
    prefix = f"{where}: " if where else ""
    if kind == "missing":
        return f"{prefix}this field is required but missing (ต้องมีข้อมูลนี้)"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        owner = _model_at(model, raw[:-1])
        allowed = list(owner.model_fields) if owner else []
        wider = [sub for sub in (owner.__subclasses__() if owner else []) if key in sub.model_fields]
        hint = ""
        close = difflib.get_close_matches(key, allowed, n=1)
        if wider:
            hint = f"; `{key}` is allowed only on {getattr(wider[0], 'allowed_on', wider[0].__name__)}"
        elif close:
            hint = f"; did you mean `{close[0]}`?"
        elif allowed:
            hint = f"; allowed keys: {', '.join(allowed)}"
        return f"{prefix}unknown key `{excerpt(key)}`{hint} (ไม่รู้จักคีย์นี้)"
    if kind == "string_type":
        return f"{prefix}expected text, found {_kind_of(value)} (ต้องเป็นข้อความ)"
    if kind in ("list_type", "tuple_type"):
        return f"{prefix}expected a list (lines starting with `- `), found {_kind_of(value)} (ต้องเป็นรายการ)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{prefix}expected a block of `key: value` lines, found {_kind_of(value)}"
    if kind == "string_too_short" or (kind == "string_pattern_mismatch" and value == ""):
        return f"{prefix}must not be empty (ห้ามว่าง)"
    if kind == "string_pattern_mismatch":
        return f"{prefix}`{excerpt(value)}` {PATTERN_HELP.get(str(context.get('pattern')), 'has the wrong form')}"
    if kind == "string_too_long":
        return f"{prefix}`{excerpt(value)}` is too long: at most {context.get('max_length')} characters"
    if kind == "literal_error":
        return f"{prefix}`{excerpt(value)}` is not allowed; use one of: {context['expected']}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{prefix}expected a whole number, found {_kind_of(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{prefix}expected true or false, found {_kind_of(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{prefix}{excerpt(value)} is too small: at least {context.get('ge', context.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{prefix}{excerpt(value)} is too large: at most {context.get('le', context.get('lt'))}"
    if kind == "too_long":
        return (
            f"{prefix}a list of {context.get('actual_length')} items; at most {context.get('max_length')} are allowed"
        )
    if kind == "too_short":
        return f"{prefix}a list of {context.get('actual_length')} items; at least {context.get('min_length')} needed"
    if kind == "value_error":
        return f"{prefix}{error['msg'].removeprefix('Value error, ')}"
    return f"{prefix}{error['msg']}"


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of keys"
    if value is None:
        return "nothing"
    return f"the text `{excerpt(value)}`"


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Loc, type[BaseModel] | None]:
    """The location as the editor wrote it (without the tags pydantic gives to the members of a union), and the
    model of the block it ends in, found by walking the model's field annotations."""
    kept: list[str | int] = []
    current: type[BaseModel] | None = model
    annotation: Any = None  # of the field last entered, whose union members may be named next
    for part in loc:
        if isinstance(part, int):
            kept.append(part)
            continue
        members = tagged_members(annotation)
        if part in members:
            annotation = members[part]
            current = model_in(annotation)
        elif current is not None and part in current.model_fields:
            kept.append(part)
            annotation = current.model_fields[part].annotation
            current = model_in(annotation)
        else:
            kept.append(part)  # an unknown key: reported as such
            current, annotation = None, None
    return tuple(kept), current


def _readable(model: type[BaseModel], loc: Loc) -> Loc:
    return _walk(model, loc)[0]


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    return _walk(model, loc)[1]
