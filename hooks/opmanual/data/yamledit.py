"""Change the text of some values of a YAML file in place, and nothing else.

Only the characters of each changed value are rewritten: comments, blank lines, indentation, key order and the
quoting of every other value stay as the editor wrote them (a YAML library's round trip would reindent nested lists
and rewrap long lines). A changed value keeps its quoting where it can; where the new text cannot be written that way
it is written in double quotes. The result is parsed again and must hold exactly the old values with the changed
ones replaced, or nothing is written.
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


def _node_at(root: yaml.Node, loc: Loc) -> yaml.ScalarNode:
    node: yaml.Node | None = root
    for step in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            raise EditError(f"no value at {'/'.join(map(str, loc))}")
    if not isinstance(node, yaml.ScalarNode):
        raise EditError(f"the value at {'/'.join(map(str, loc))} is not a text")
    return node


def _plain(node: yaml.Node) -> Any:
    """A node as nested lists, pairs and scalar texts, to compare two versions of a file."""
    if isinstance(node, yaml.MappingNode):
        return [(key.value, _plain(value)) for key, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    return node.value


_PLAIN_UNSAFE = re.compile(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|:\s|\s#|\s$|^(?:~|null|Null|NULL)?$|[\[\]{},]""")


def _written(node: yaml.ScalarNode, source: str, value: str) -> str:
    """`value` written as `node` was: the same quotes, the same block style, or plain."""
    style = node.style
    if style == "|" and not value.startswith(" "):
        header, _, body = source.partition("\n")
        indent = re.match(r"[ ]*", body).group() if body else "  "  # type: ignore[union-attr]
        ending = source[len(source.rstrip("\n")) :]
        lines = value.rstrip("\n").split("\n")
        return header + "\n" + "\n".join(indent + line if line else "" for line in lines) + (ending or "\n")
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style in (None, "") and "\n" not in value and not _PLAIN_UNSAFE.search(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON's string is a YAML double-quoted scalar


def edit(text: str, changes: Mapping[Loc, Callable[[str], str]]) -> str:
    """`text` with the value at each location replaced by what its function makes of it."""
    try:
        return _edit(text, changes, quoted=False)
    except EditError:
        return _edit(text, changes, quoted=True)  # each new value in double quotes, which hold any text


def _edit(text: str, changes: Mapping[Loc, Callable[[str], str]], quoted: bool) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        raise EditError("the file is empty")
    nodes = {loc: _node_at(root, loc) for loc in changes}
    expected = {loc: change(nodes[loc].value) for loc, change in changes.items()}
    pieces: list[tuple[int, int, str]] = []
    for loc, node in nodes.items():
        start, end = node.start_mark.index, node.end_mark.index
        new = (
            json.dumps(expected[loc], ensure_ascii=False) if quoted else _written(node, text[start:end], expected[loc])
        )
        pieces.append((start, end, new))
    result = text
    for start, end, new in sorted(pieces, reverse=True):
        result = result[:start] + new + result[end:]
    _verify(root, result, expected)
    return result


def _verify(old_root: yaml.Node, result: str, expected: dict[Loc, str]) -> None:
    try:
        new_root = yaml.compose(result, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"the change would break the file's YAML ({exc})") from None
    if new_root is None:
        raise EditError("the change would empty the file")
    for loc, value in expected.items():
        if _node_at(new_root, loc).value != value:
            raise EditError(f"the value at {'/'.join(map(str, loc))} would not read back as written")
        _node_at(old_root, loc).value = value
    if _plain(new_root) != _plain(old_root):
        raise EditError("the change would alter other values of the file")


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
