"""The browser editor's configuration (Decap CMS), generated from the model and never written by hand.

Every kind of data file is a collection (office.yml and references.yml one file each, people/ and processes/ one
file per item), every field of its model a form field: its Thai title the label and its help the hint, required
when the model requires it, a list of objects nested as deep as the model goes, choices (`Literal`) a select, a
yes/no (`Flag`) a checkbox, an id that names something a relation listing the ids that exist (found where the
model says they are defined: `Defines` in `data/refs.py`), and the patterns and lengths of strings checked while
the editor types, with a Thai message. Inside an optional object nothing is required in the form (`_loosen`):
`check`, which runs on every pull request, requires them when the object is there.

The model lets editors write some values short: an item as its text alone, a text block as one string, a table
cell as its text, a row as its list of cells. A form edits the long form; the field says which short form its
value may take (`opm` below), and the editing page's file format (`assets/opmanual-cms.js`) reads the short forms
into the long ones and writes them back short where the file had them short, so that a save changes only what the
editor changed. A model inside itself (a table in a table's cell) is not shown again in the form, but for
sections in sections and items in items, one level down (`MAX_DEPTH`, `DEEPER`: each level multiplies the
configuration's size); what a form does not show is kept as it is in the file.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import BeforeValidator

from ..data import model as m
from ..data.files import IMAGE_TYPES
from ..data.kinds import OFFICE, PEOPLE, PROCESSES, REFERENCES, FileKind
from ..data.refs import Attachment, Defines, Ref

MAX_DEPTH = 1  # how many times a model may stand inside itself in a form (a table in a cell: not shown)
DEEPER: dict[type, int] = {m.Section: 2, m.ListItem: 2}  # but sections in sections and items in items, one level
TYPE_KEY = "opm_type"  # the key a text block's kind is kept under while a form edits it

# How each kind of thing with an id is chosen in a relation field: its collection, and where its id and name are.
# Folder collections name an item by its file (`{{slug}}`); lists in a file by the path of their `id` field.
_FOLDER_KINDS = {"people": ("people", ["prefix", "name", "surname"]), "processes": ("processes", ["name"])}
_NAME_FIELDS = ("name", "title", "text")

# What a block of text may hold, by the key that says its kind (`model.block_kind`), with the form's label.
_BLOCK_LABELS = {
    "paragraph": "ย่อหน้า",
    "items": "รายการที่ระบบใส่เลขข้อ",
    "bullets": "รายการแบบจุดนำหน้า",
    "definitions": "คำจำกัดความ",
    "table": "ตาราง",
}
_BLOCK_MODELS: dict[str, type[BaseModel]] = {
    "items": m.NumberedBlock,
    "bullets": m.BulletBlock,
    "definitions": m.DefinitionBlock,
    "table": m.TableBlock,
}


def config(backend: dict[str, Any]) -> dict[str, Any]:
    """The whole configuration, for a repository whose data folder is `data/`, saving through `backend`."""
    definers = _definers()
    return {
        "backend": backend,
        "locale": "th",
        "publish_mode": "editorial_workflow",
        "load_config_file": False,
        "media_folder": "data/files",  # attachments and the logo are uploaded here
        "public_folder": "files",  # and named from the data folder, as the data names them: files/forms/….pdf
        "collections": [
            _single(OFFICE, "office", "สำนักงานและกลุ่ม", definers),
            _single(REFERENCES, "references", "เอกสารอ้างอิงและบรรณานุกรม", definers),
            _folder(PEOPLE, "บุคลากร", "name", definers),
            _folder(PROCESSES, "กระบวนงาน", "name", definers),
        ],
    }


def _single(kind: FileKind, name: str, label: str, definers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A collection of one file (each collection has a format of its own, and a format knows its fields)."""
    return {
        "name": name,
        "label": label,
        "editor": {"preview": False},  # a preview of YAML data tells an editor nothing the form does not
        "files": [
            {
                "name": name,
                "label": kind.model.model_config.get("title") or kind.name,
                "file": f"data/{kind.name}",
                "fields": fields(kind.model, definers),
            }
        ],
    }


def _folder(kind: FileKind, label: str, identifier: str, definers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": kind.name,
        "label": label,
        "label_singular": kind.model.model_config.get("title") or label,
        "folder": f"data/{kind.name}",
        "extension": "yml",
        "create": False,
        "editor": {"preview": False},
        "identifier_field": identifier,
        "fields": fields(kind.model, definers),
    }


def fields(model: type[BaseModel], definers: dict[str, dict[str, Any]], seen: tuple[type, ...] = ()) -> list[Any]:
    """The form fields of a model's fields, in the model's order."""
    out = []
    for name, info in model.model_fields.items():
        spec = _field(name, info, definers, (*seen, model))
        if spec is not None:
            out.append(spec)
    return out


def _field(name: str, info: FieldInfo, definers: dict[str, dict[str, Any]], seen: tuple[type, ...]) -> Any:
    annotation = info.annotation
    metadata = list(info.metadata)
    required = info.is_required()
    spec = _widget(annotation, metadata, definers, seen)
    if spec is None:
        return None
    field = {"name": name, "label": info.title or name, "hint": info.description or "", "required": required, **spec}
    if not required and field["widget"] == "object":
        _loosen(field)
    return field


def _loosen(spec: dict[str, Any]) -> None:
    """The fields of an optional object, none required in the form: Decap refuses to save an entry whose optional
    object is absent but has required fields (a step without a decision, whose question is required). `check`
    still requires them when the object is there; the objects in a list's entries are left alone (an entry is
    there when it is in the list)."""
    for field in spec["fields"]:
        field["required"] = False
        if field["widget"] == "object":
            _loosen(field)


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type inside `Annotated[...]` layers, with all their metadata."""
    while get_origin(annotation) is Annotated:
        metadata = [*annotation.__metadata__, *metadata]
        annotation = annotation.__origin__
    return annotation, metadata


def _widget(annotation: Any, metadata: list[Any], definers: dict[str, dict[str, Any]], seen: tuple[type, ...]) -> Any:
    annotation, metadata = _unwrap(annotation, metadata)
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) == 1:
            return _widget(options[0], metadata, definers, seen)
        return _either(options, metadata, definers, seen)
    ref = next((item for item in metadata if isinstance(item, Ref)), None)
    if ref is not None:
        return _relation(ref.kind, definers, multiple=False)
    attachment = next((item for item in metadata if isinstance(item, Attachment)), None)
    if attachment is not None:  # uploaded into data/files/, named as the data names it (files/…)
        images = set(attachment.types) <= set(IMAGE_TYPES)
        return {"widget": "image" if images else "file", "choose_url": False}
    if origin is list:
        return _list(get_args(annotation)[0], metadata, definers, seen)
    if origin is tuple:  # a fixed number of values, each of one kind (a table's two headers)
        count = len(get_args(annotation))
        return {**_list(get_args(annotation)[0], metadata, definers, seen), "min": count, "max": count}
    if origin is Literal:
        return {"widget": "select", "options": [str(value) for value in get_args(annotation)]}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "number", "value_type": "int"}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if seen.count(annotation) >= DEEPER.get(annotation, MAX_DEPTH):
            return None
        spec: dict[str, Any] = {"widget": "object", "fields": fields(annotation, definers, seen)}
        if not spec["fields"]:
            return None  # all of it deeper than a form goes: kept in the file as it is
        short = _short(metadata, annotation)
        if short:
            spec["opm"] = short
        return spec
    if annotation is str:
        return _string(metadata)
    raise TypeError(f"the editing page has no form field for {annotation!r}")  # a new kind of field: add it here


def _string(metadata: list[Any]) -> dict[str, Any]:
    spec: dict[str, Any] = {"widget": "string"}
    longest = next((item.max_length for item in metadata if isinstance(item, MaxLen)), None)
    pattern = next((getattr(item, "pattern", None) for item in metadata if getattr(item, "pattern", None)), None)
    if pattern:
        spec["pattern"] = [pattern, "รูปแบบไม่ถูกต้อง ดูคำอธิบายใต้ช่อง"]
    elif longest:
        spec["pattern"] = [f"^[\\s\\S]{{0,{longest}}}$", f"ยาวได้ไม่เกิน {longest} ตัวอักษร"]
    return spec


def _short(metadata: list[Any], model: type[BaseModel]) -> str | None:
    """Which short form a value of `model` may be written in (a BeforeValidator that takes it): `text` for an
    entry written as its text alone, `cell` and `row` for a table's."""
    takes = [item for item in metadata if isinstance(item, BeforeValidator)]
    if not takes:
        return None
    if model is m.Cell:
        return "cell"
    if model is m.Row:
        return "row"
    return "text" if "text" in model.model_fields else None


def _list(item: Any, metadata: list[Any], definers: dict[str, dict[str, Any]], seen: tuple[type, ...]) -> Any:
    inner, inner_meta = _unwrap(item, [])
    if get_origin(inner) in (typing.Union, types.UnionType) and any(
        get_origin(arg) is Annotated and any(type(meta).__name__ == "Tag" for meta in arg.__metadata__)
        for arg in get_args(inner)
    ):
        return _blocks(definers, seen)  # a text block: paragraphs, lists, definitions and tables in order
    ref = next((meta for meta in inner_meta if isinstance(meta, Ref)), None)
    if ref is not None:
        return _relation(ref.kind, definers, multiple=True)
    spec = _widget(item, [], definers, seen)
    if spec is None:
        return None
    if spec["widget"] == "object":
        listed = {"widget": "list", "fields": spec["fields"], "collapsed": True}
        shown = next((field["name"] for field in spec["fields"] if field["widget"] == "string"), None)
        if shown:
            listed["summary"] = f"{{{{fields.{shown}}}}}"  # a collapsed entry shows its title, not its data
        if "opm" in spec:
            listed["opm"] = spec["opm"]
        return listed
    return {"widget": "list", "field": {"name": "value", "label": "ข้อ", **spec}, "collapsed": False}


def _blocks(definers: dict[str, dict[str, Any]], seen: tuple[type, ...]) -> dict[str, Any]:
    kinds: list[dict[str, Any]] = [
        {"name": "paragraph", "label": _BLOCK_LABELS["paragraph"], "widget": "object", "summary": "{{fields.text}}",
         "fields": [{"name": "text", "label": "ข้อความ", "widget": "text"}]},
    ]  # fmt: skip
    for key, model in _BLOCK_MODELS.items():
        if seen.count(model) >= DEEPER.get(model, MAX_DEPTH):
            continue
        inside = fields(model, definers, seen)
        if inside:
            kinds.append({"name": key, "label": _BLOCK_LABELS[key], "widget": "object", "fields": inside})
    return {"widget": "list", "types": kinds, "typeKey": TYPE_KEY, "opm": "blocks"}


def _either(
    options: list[Any], metadata: list[Any], definers: dict[str, dict[str, Any]], seen: tuple[type, ...]
) -> Any:
    """A value of one of two shapes (a list of items, or a table): a list of one entry of either type."""
    kinds = []
    for option in options:
        inner, _ = _unwrap(option, [])
        tag = next(
            (meta.tag for meta in getattr(option, "__metadata__", ()) if type(meta).__name__ == "Tag"),
            "table" if isinstance(inner, type) and issubclass(inner, BaseModel) else "list",
        )
        spec = _widget(option, [], definers, seen)
        if spec is None:
            continue
        field = (
            spec
            if spec["widget"] == "object"
            else {"widget": "object", "fields": [{"name": "value", "label": "รายการ", **spec}]}
        )
        kinds.append({"name": tag, "label": "ตาราง" if tag == "table" else "รายการ", **field})
    return {"widget": "list", "types": kinds, "typeKey": TYPE_KEY, "max": 1, "opm": "either"}


def _relation(kind: str, definers: dict[str, dict[str, Any]], multiple: bool) -> dict[str, Any]:
    where = definers.get(kind)
    if where is None:
        raise TypeError(f"nothing in the model defines the ids of {kind}")
    return {"widget": "relation", **where, "multiple": multiple}


def _definers() -> dict[str, dict[str, Any]]:
    """For each kind of id: the collection (and file) that defines them and the paths of their ids and names,
    found from the model's `Defines` markers; people and processes are the files of their folders."""
    found: dict[str, dict[str, Any]] = {}
    for kind, (collection, names) in _FOLDER_KINDS.items():
        found[kind] = {
            "collection": collection,
            "value_field": "{{slug}}",
            "search_fields": names,
            "display_fields": names,
        }
    for holder, file in ((OFFICE, "office"), (REFERENCES, "references")):
        for defined, path, model in _defines(holder.model, ()):
            named = [field for field in _NAME_FIELDS if field in model.model_fields]
            name = next(
                (field for field in named if model.model_fields[field].is_required()), named[0] if named else "id"
            )
            at = ".".join(path)
            found.setdefault(
                defined,
                {
                    "collection": file,
                    "file": file,
                    "value_field": f"{at}.*.id",
                    "search_fields": [f"{at}.*.{name}"],
                    "display_fields": [f"{at}.*.{name}"],
                },
            )
    return found


def _defines(model: type[BaseModel], path: tuple[str, ...]) -> list[tuple[str, tuple[str, ...], type[BaseModel]]]:
    """Each list of `model` whose items define ids: the kind, the path of the list, the items' model."""
    out = []
    for name, info in model.model_fields.items():
        annotation, metadata = _unwrap(info.annotation, list(info.metadata))
        union = get_origin(annotation) in (typing.Union, types.UnionType)
        options = [arg for arg in get_args(annotation) if arg is not type(None)] if union else [annotation]
        for option in options:
            inner, meta = _unwrap(option, metadata)
            marker = next((item for item in meta if isinstance(item, Defines)), None)
            if get_origin(inner) is list:
                item, _ = _unwrap(get_args(inner)[0], [])
                if marker is not None and isinstance(item, type) and issubclass(item, BaseModel):
                    out.append((marker.kind, (*path, name), item))
            elif isinstance(inner, type) and issubclass(inner, BaseModel) and inner is not model:
                out += _defines(inner, (*path, name))
    return out
