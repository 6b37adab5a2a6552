"""References between the parts of a manual, declared once on the model's fields and checked by one walk.

A field that names something by its id carries `Ref(kind)` (`members: list[Annotated[Id, Ref("people")]]`); a list
whose items each define an id carries `Defines(kind)` (`workgroups: Annotated[list[WorkGroup], Defines(...)]`); a
field that names a file of the data folder carries `Attachment(types)`. `walk()` visits a loaded file and yields
every definition, reference and attachment with its location in the file and the part of the manual that holds
it, so the checks (unknown ids, duplicates, files) and the back-references (who cites what) are derived from the
model: a new referencing field needs nothing else to be checked and indexed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, Tag

Loc = tuple[str | int, ...]

# Every kind of thing that has an id, with how a message names one.
KINDS: dict[str, str] = {
    "people": "person",
    "processes": "process",
    "workgroups": "work group",
    "clusters": "school cluster",
    "networks": "network",
    "learning_areas": "learning area",
    "positions": "position",
    "documents": "document",
    "sources": "bibliography entry",
}


@dataclass(frozen=True)
class Ref:
    """The field holds the id of a `kind`, or a list of them."""

    kind: str


@dataclass(frozen=True)
class Defines:
    """Each item of this list defines an id of a `kind` (the item's `id` field)."""

    kind: str


@dataclass(frozen=True)
class Attachment:
    """The field names a file of the data folder, of one of `types`."""

    types: tuple[str, ...]


Marker = Ref | Defines | Attachment
Owner = tuple[str, str]  # (kind, id) of the part of the manual that holds a reference, e.g. ("workgroups", "quality")


@dataclass(frozen=True)
class Found:
    """A definition, reference or attachment found in a file, where it stands and what holds it."""

    marker: Marker
    value: str
    loc: Loc
    owner: Owner
    field: str  # "Model.field"


def _markers(annotation: Any) -> list[Marker]:
    found: list[Marker] = []
    if get_origin(annotation) is Annotated:
        found += [item for item in annotation.__metadata__ if isinstance(item, Ref | Defines | Attachment)]
    for arg in get_args(annotation):
        if not isinstance(arg, str):  # Literal values
            found += _markers(arg)
    return found


@cache
def markers(model: type[BaseModel]) -> dict[str, Marker]:
    """The marker of each field of `model` that has one."""
    result: dict[str, Marker] = {}
    for name, info in model.model_fields.items():
        found = [item for item in info.metadata if isinstance(item, Ref | Defines | Attachment)]
        found += _markers(info.annotation)
        if len(found) > 1:
            raise TypeError(f"{model.__name__}.{name} has more than one reference marker")
        if found:
            result[name] = found[0]
    return result


def walk(instance: BaseModel, owner: Owner, loc: Loc = ()) -> Iterator[Found]:
    """Every definition, reference and attachment inside `instance`, which is held by `owner`."""
    model = type(instance)
    marked = markers(model)
    for name in model.model_fields:
        value = getattr(instance, name)
        field = f"{model.__name__}.{name}"
        marker = marked.get(name)
        items = list(enumerate(value)) if isinstance(value, list | tuple) else [(None, value)]
        for index, item in items:
            where = (*loc, name) if index is None else (*loc, name, index)
            if isinstance(item, BaseModel):
                inner = owner
                if isinstance(marker, Defines):
                    item_id = getattr(item, "id")  # noqa: B009 - every defined item has an id
                    yield Found(marker, item_id, (*where, "id"), owner, field)
                    inner = (marker.kind, item_id)
                yield from walk(item, inner, where)
            elif isinstance(item, str) and isinstance(marker, Ref | Attachment):
                yield Found(marker, item, where, owner, field)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (directly, in a list, or in a union), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) + tuple(getattr(annotation, "__metadata__", ())):
        found = model_in(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return model_in(origin) if origin not in (None, list, tuple) else None


def tagged_members(annotation: Any) -> dict[str, Any]:
    """The members of a tagged union that a field holds (directly or in a list), by their tags."""
    members: dict[str, Any] = {}
    for arg in getattr(annotation, "__args__", ()):
        tags = [meta.tag for meta in getattr(arg, "__metadata__", ()) if isinstance(meta, Tag)]
        if tags:
            members[tags[0]] = arg
        else:
            members |= tagged_members(arg)
    return members


def defined_kinds(model: type[BaseModel], seen: frozenset[type[BaseModel]] = frozenset()) -> set[str]:
    """The kinds of ids that a file of `model` defines, anywhere inside it."""
    kinds: set[str] = set()
    for name, info in model.model_fields.items():
        marker = markers(model).get(name)
        if isinstance(marker, Defines):
            kinds.add(marker.kind)
        inner = model_in(info.annotation)
        if inner is not None and inner not in seen:
            kinds |= defined_kinds(inner, seen | {model})
    return kinds
