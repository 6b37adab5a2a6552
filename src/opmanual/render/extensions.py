"""The Markdown the pages are written in: the extensions mkdocs.yml names, for the website and the books alike.

MkDocs reads them for the site, and the build hands the same list to the books (`Extensions.of_mkdocs`). Outside a
build (a script, a test) they are read from the project's mkdocs.yml here, without MkDocs (`read`). The books take
them with two changes only: no permalink after a heading (a printed ¶ means nothing), and ids that carry their
chapter's prefix (a book joins many pages into one document).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The extensions MkDocs always adds to those mkdocs.yml names (mkdocs.config.defaults: `markdown_extensions`).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
# The packages whose functions mkdocs.yml may name with a !!python tag (the slug function of the toc).
TRUSTED_MODULES = ("pymdownx.", "markdown.")


@dataclass(frozen=True)
class Extensions:
    names: tuple[str, ...]
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def of_mkdocs(cls, names: list[str], configs: Mapping[str, Mapping[str, Any]]) -> Extensions:
        """As MkDocs validated them (`config.markdown_extensions`, `config.mdx_configs`)."""
        return cls(tuple(name for name in names if isinstance(name, str)), dict(configs))

    def for_print(self, slugify: Callable[[str, str], str]) -> tuple[list[str], dict[str, dict[str, Any]]]:
        """The names and options for one chapter of a book, whose heading ids `slugify` makes."""
        configs = {name: dict(options) for name, options in self.configs.items()}
        configs["toc"] = {**configs.get("toc", {}), "permalink": False, "slugify": slugify}
        names = list(dict.fromkeys([*self.names, "toc"]))
        return names, configs


def read(config: Path) -> Extensions:
    """The extensions of the mkdocs.yml at `config`, with MkDocs' built-in ones; ValueError when it names what
    this reader will not load (a function outside the Markdown packages)."""
    entries = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader).get("markdown_extensions") or []  # noqa: S506 - _Loader is a SafeLoader that builds only functions of trusted packages
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            [(name, options)] = entry.items()
            names.append(name)
            configs[name] = dict(options or {})
        else:
            raise ValueError(f"{config}: markdown_extensions holds {entry!r}, not a name or a name with options")
    return Extensions(tuple(dict.fromkeys([*MKDOCS_BUILTINS, *names])), configs)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags: !ENV (its default is taken: no setting of the build changes the Markdown) and the
    !!python tags that name a function of the Markdown packages."""


def _trusted(name: str) -> Any:
    module, _, attribute = name.rpartition(".")
    if not name.startswith(TRUSTED_MODULES):
        raise ValueError(f"mkdocs.yml names {name}: only functions of {', '.join(TRUSTED_MODULES)} are read here")
    return getattr(importlib.import_module(module), attribute)


def _apply(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    arguments = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {}
    if isinstance(node, yaml.SequenceNode):
        return _trusted(suffix)(*loader.construct_sequence(node, deep=True))
    return _trusted(suffix)(*arguments.get("args", ()), **arguments.get("kwds", {}))


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_Loader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _apply)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _trusted(suffix))
_Loader.add_constructor("!ENV", _env)
