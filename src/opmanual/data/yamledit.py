"""Change the text of some values of a YAML file in place, and nothing else.

Only the characters that change are rewritten: comments, blank lines, indentation, line endings (CRLF stays CRLF),
key order, the quoting and block style (`|`, `>`) of every value and the wrapping of its lines stay as the editor
wrote them (a YAML library's round trip would reindent nested lists and rewrap long lines). A change that removes
the start of a line of a value and replaces characters one for one (what `check --fix` does) is spliced into the
characters the value is written with. Where it cannot be (the value would start with a character YAML reads
otherwise, such as `[`; an escape in a quoted value), the value is written again in its own style, and as a last
resort in double quotes. The file is read as the loader reads it (`loader.parse`: anchors, aliases and tags are
refused before anything is changed), and the result is parsed again and must hold exactly the old values with the
changed ones replaced, or nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

Loc = tuple[str | int, ...]


class EditError(Exception):
    """A change that could not be made safely; the file is left as it was."""


def _compose(text: str) -> yaml.Node:
    """The file's nodes, read as the loader reads them (what it refuses is an EditError here)."""
    from .loader import Refused, parse  # the loader imports hygiene, which imports this module

    try:
        root = parse(text)
    except Refused as exc:
        line, column = exc.line
        raise EditError(f"line {line}, column {column}: {exc.message}") from None
    if root is None:
        raise EditError("the file is empty")
    return root


def _node_at(root: yaml.Node, loc: Loc) -> yaml.ScalarNode:
    node = _find(root, loc)
    if not isinstance(node, yaml.ScalarNode):
        raise EditError(f"the value at {'/'.join(map(str, loc))} is not a text")
    return node


_PLAIN_UNSAFE = re.compile(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|:\s|\s#|\s$|^(?:~|null|Null|NULL)?$|[\[\]{},]""")
# What a plain value may not start with once the start of it is removed: an indicator (`-`, `?` and `:` only before
# a space), or a word YAML reads as nothing.
_PLAIN_START_UNSAFE = re.compile(r"""^(?:[\s,\[\]{}#&*!|>'"%@`]|[-?:](?:\s|$)|(?:~|null|Null|NULL)?$)""")


def _newline(source: str) -> str:
    return "\r\n" if "\r\n" in source else "\n"


def _written(node: yaml.ScalarNode, source: str, value: str) -> str:
    """`value` written as `node` was: the same quotes, the same block style, or plain."""
    style = node.style
    if style == "|" and not value.startswith(" "):
        newline = _newline(source)
        header, _, body = source.partition(newline)
        indent = re.match(r"[ ]*", body).group() if body else "  "  # type: ignore[union-attr]
        ending = source[len(source.rstrip("\r\n")) :]
        lines = value.rstrip("\n").split("\n")
        return header + newline + newline.join(indent + line if line else "" for line in lines) + (ending or newline)
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style in (None, "") and "\n" not in value and not _PLAIN_UNSAFE.search(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON's string is a YAML double-quoted scalar


def _edits(old: str, new: str) -> list[tuple[int, int, str]] | None:
    """How `new` differs from `old`, as removals at the start of its lines and characters replaced one for one:
    (start, end, replacement) in `old`, or None when it differs otherwise."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) != len(new_lines):
        return None
    edits: list[tuple[int, int, str]] = []
    offset = 0
    for before, after in zip(old_lines, new_lines, strict=True):
        cut = len(before) - len(after)
        if cut < 0:
            return None
        same = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(after))
        if cut:
            edits.append((offset + same, offset + same + cut, ""))
        edits += [
            (offset + i + cut, offset + i + cut + 1, after[i])
            for i in range(same, len(after))
            if before[i + cut] != after[i]
        ]
        offset += len(before) + 1
    return edits


def _spliced(text: str, node: yaml.ScalarNode, value: str) -> str | None:
    """The characters of `node` in `text` with only those that `value` changes replaced; None when that cannot be
    done (the changes do not map onto the characters as written, or a plain value would start otherwise)."""
    start, end = node.start_mark.index, node.end_mark.index
    old = node.value
    edits = _edits(old, value)
    if edits is None or (not node.style and value[:1] != old[:1] and _PLAIN_START_UNSAFE.match(value)):
        return None
    # Where each character of the value is written: found in order, after a block scalar's header or an opening
    # quote. An escape or a folded line break that the greedy walk misplaces is caught when the result is read back.
    first = text.find("\n", start, end) + 1 if node.style in ("|", ">") else start + (1 if node.style else 0)
    if not first:
        return None
    places: list[int] = []
    at = first
    for char in old:
        at = text.find(char, at, end)
        if at < 0:
            return None
        places.append(at)
        at += 1
    result = text[start:end]
    for low, high, replacement in sorted(edits, reverse=True):
        source_low, source_high = places[low] - start, places[high - 1] - start + 1
        if result[source_low:source_high] != old[low:high]:
            return None  # the removed characters are not written side by side (a folded line break among them)
        result = result[:source_low] + replacement + result[source_high:]
    return result


def edit(text: str, changes: Mapping[Loc, Callable[[str], str]]) -> str:
    """`text` with the value at each location replaced by what its function makes of it; EditError when that
    cannot be done safely."""
    root = _compose(text)
    nodes = {loc: _node_at(root, loc) for loc in changes}
    expected = {loc: change(nodes[loc].value) for loc, change in changes.items()}
    # Each value's writings, in the order tried: its own characters changed, written again in its style, quoted.
    writings = {
        loc: [
            writing
            for writing in (
                _spliced(text, node, expected[loc]),
                _written(node, text[node.start_mark.index : node.end_mark.index], expected[loc]),
                json.dumps(expected[loc], ensure_ascii=False),
            )
            if writing is not None
        ]
        for loc, node in nodes.items()
    }
    choice = dict.fromkeys(nodes, 0)
    while True:
        pieces = [
            (node.start_mark.index, node.end_mark.index, writings[loc][choice[loc]]) for loc, node in nodes.items()
        ]
        result = text
        for start, end, new in sorted(pieces, reverse=True):
            result = result[:start] + new + result[end:]
        wrong = _wrong(root, result, expected)
        if not wrong:
            return result
        # The values that did not read back take their next writing; if the file did not read at all, all do.
        later = [loc for loc in (wrong if wrong is not True else nodes) if choice[loc] + 1 < len(writings[loc])]
        if not later:
            raise EditError(_why(root, result, expected))
        for loc in later:
            choice[loc] += 1


def _wrong(old_root: yaml.Node, result: str, expected: dict[Loc, str]) -> list[Loc] | bool:
    """The changed values that do not read back from `result` as expected (True: the file does not read, or other
    values changed); [] when it holds exactly the old values with the changed ones replaced."""
    try:
        new_root = _compose(result)
    except EditError:
        return True
    wrong = []
    for loc, value in expected.items():
        try:
            node = _node_at(new_root, loc)
        except EditError:
            return True
        if node.value != value or (not node.style and value in ("", "~", "null", "Null", "NULL")):
            wrong.append(loc)
    return wrong or not _same(old_root, new_root, set(expected), ())


def _same(old: yaml.Node, new: yaml.Node, changed: set[Loc], loc: Loc) -> bool:
    """Whether two versions of a file hold the same keys, lists and texts (in the same style), except at the
    `changed` locations."""
    if loc in changed:
        return True
    if type(old) is not type(new) or len(old.value) != len(new.value):
        return False
    if isinstance(old, yaml.MappingNode):
        return all(
            a_key.value == b_key.value and _same(a, b, changed, (*loc, a_key.value))
            for (a_key, a), (b_key, b) in zip(old.value, new.value, strict=True)
        )
    if isinstance(old, yaml.SequenceNode):
        return all(
            _same(a, b, changed, (*loc, index)) for index, (a, b) in enumerate(zip(old.value, new.value, strict=True))
        )
    assert isinstance(old, yaml.ScalarNode) and isinstance(new, yaml.ScalarNode)  # noqa: S101 - the only other kind
    return bool(old.value == new.value and (old.style or None) == (new.style or None))


def _why(old_root: yaml.Node, result: str, expected: dict[Loc, str]) -> str:
    try:
        _compose(result)
    except EditError as exc:
        return f"the change would break the file's YAML ({exc})"
    return "the change would alter other values of the file"


# Writes the YAML of new values: (the location of the mapping or list they go into, a mapping of new keys or a list
# of new items, the column they start at, the index of the first new item) → the lines, indented.
Render = Callable[[Loc, Any, int, int], list[str]]


def add(text: str, loc: Loc, value: Any, key: str | None, render: Render) -> str:
    """`text` with `value` appended to the list at `loc`, or (`key` given) with `key: value` set in the mapping at
    `loc`, where the key is missing or empty; every other character stays as it was. The result is parsed again
    and must hold exactly the old values and the new one, or nothing is changed."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        raise EditError("the file is empty")
    node = _find(root, loc)
    expected = yaml.safe_load(text)
    container = _py_at(expected, loc)
    if key is None:
        if not isinstance(node, yaml.SequenceNode):
            raise EditError(f"{'/'.join(map(str, loc))} is not a list")
        container.append(value)
        if node.flow_style or not node.value:  # `[]` or `[a, b]`: the whole list written again as a block
            result = _replace_value(text, root, loc, {str(loc[-1]): container}, render)
        else:
            first = node.value[0].start_mark
            line = text[text.rfind("\n", 0, first.index) + 1 : first.index]
            column = line.index("-") if "-" in line else max(first.column - 2, 0)
            result = _insert(text, _end_of(text, node), render(loc, [value], column, len(container) - 1))
    else:
        if not isinstance(node, yaml.MappingNode):
            raise EditError(f"{'/'.join(map(str, loc))} is not a mapping")
        empty = key in container
        container[key] = value
        if empty:
            result = _replace_value(text, root, (*loc, key), {key: value}, render)
        elif (node.flow_style or not node.value) and loc:  # `{}`: the whole mapping written again as a block
            result = _replace_value(text, root, loc, {str(loc[-1]): container}, render)
        elif not node.value:
            raise EditError("the file holds an empty mapping")
        else:
            column = node.value[0][0].start_mark.column
            result = _insert(text, _end_of(text, node), render(loc, {key: value}, column, 0))
    if yaml.safe_load(result) != expected:
        raise EditError(f"adding to {'/'.join(map(str, loc)) or 'the file'} would not read back as written")
    return result


def _find(root: yaml.Node, loc: Loc) -> yaml.Node:
    node = root
    for step in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((value for k, value in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            raise EditError(f"no value at {'/'.join(map(str, loc))}")
        node = found
    return node


def _py_at(data: Any, loc: Loc) -> Any:
    for step in loc:
        data = data[step]
    return data


def _end_of(text: str, node: yaml.Node) -> int:
    """Where the line after a block node's last value begins: new items and keys go there."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark.index
    if end > 0 and text[end - 1] == "\n":
        return end
    newline = text.find("\n", end)
    return len(text) if newline == -1 else newline + 1


def _insert(text: str, at: int, lines: list[str]) -> str:
    before = text[:at] if not at or text[at - 1] == "\n" else text[:at] + "\n"
    return before + "".join(line + "\n" for line in lines) + text[at:]


def _replace_value(text: str, root: yaml.Node, loc: Loc, data: dict[str, Any], render: Render) -> str:
    """The key at `loc` and its (flow or empty) value written again as `data`, from the key's first character."""
    parent = _find(root, loc[:-1])
    if not isinstance(parent, yaml.MappingNode) or parent.flow_style:
        raise EditError(f"{'/'.join(map(str, loc))} is not in a block mapping")
    key_node, value_node = next((k, v) for k, v in parent.value if k.value == loc[-1])
    lines = render(loc[:-1], data, key_node.start_mark.column, 0)
    return text[: key_node.start_mark.index] + "\n".join(lines).lstrip(" ") + text[value_node.end_mark.index :]
