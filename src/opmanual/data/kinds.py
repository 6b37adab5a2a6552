"""The kinds of data file a manual has, declared once: the file (or the folder of one file per item), its model,
the kind of owner its values belong to and its JSON Schema file. The loader's layout (`dataset`) and the schemas
(`schema`) are derived from this list."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import model as m


@dataclass(frozen=True)
class FileKind:
    """One kind of data file."""

    name: str  # the file's name at the top of the data folder, or the folder that holds one file per item
    model: type[BaseModel]
    owner: str  # the owner kind its values are found under (`Manual.cited_by`, the references' owners)
    schema: str  # its file in schema/
    folder: bool = False  # one file per item, named by the item's id

    @property
    def pattern(self) -> str:
        """How the file is named, as messages show it: `office.yml`, `people/<id>.yml`."""
        return f"{self.name}/<id>.yml" if self.folder else self.name


OFFICE = FileKind("office.yml", m.OfficeFile, "office", "office.schema.json")
REFERENCES = FileKind("references.yml", m.ReferencesFile, "references", "references.schema.json")
PEOPLE = FileKind("people", m.Person, "people", "person.schema.json", folder=True)
PROCESSES = FileKind("processes", m.Process, "processes", "process.schema.json", folder=True)
# In the order the loader reads them: the two top files, then one file per person and per process.
FILE_KINDS = (OFFICE, REFERENCES, PEOPLE, PROCESSES)
