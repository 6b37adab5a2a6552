"""JSON Schema of every kind of data file, generated from the model, with Thai titles and help for editors.

VS Code's YAML extension reads the schema named on the first line of each data file and shows completion, hover
help and errors while the editor types. The files in schema/ are generated (`python -m opmanual schema`); a test
fails when they are out of date, and another when a field of the model has no Thai title and help.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kinds import FILE_KINDS

SCHEMA_DIR = Path("schema")  # in the project folder: `python -m opmanual schema` runs there

# The schema files and the model each is generated from (`kinds`), by name.
FILES: dict[str, type[BaseModel]] = dict(sorted((kind.schema, kind.model) for kind in FILE_KINDS))

# The schema of each kind of data file: by file name at the top of a data folder, by folder below it.
KINDS = {kind.name: kind.schema for kind in FILE_KINDS}


def generate(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one file kind. Titles and help are the Thai ones declared on the model; the classes'
    English docstrings are for developers and stay out of an editor's way."""
    schema = model.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition["description"] = definition["title"]
        for field, spec in definition.get("properties", {}).items():
            spec["markdownDescription"] = f"**{spec['title']}** — {spec['description']} (`{field}`)"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def render(model: type[BaseModel]) -> str:
    return json.dumps(generate(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(exist_ok=True)
    written = []
    for name, model in FILES.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """Schema files whose committed text differs from what the model generates."""
    return [
        name
        for name, model in FILES.items()
        if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != render(model)
    ]


def schema_of(path: Path, root: Path, directory: Path = SCHEMA_DIR) -> Path:
    """The schema file of the data file `path` in the data folder `root`."""
    return directory / KINDS[path.name if path.parent == root else path.parent.name]


def modeline(path: Path, root: Path, directory: Path = SCHEMA_DIR) -> str:
    """The first line of a data file, which points VS Code's YAML extension at the file's schema."""
    target = os.path.relpath(schema_of(path, root, directory).resolve(), path.resolve().parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"
