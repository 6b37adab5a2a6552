"""The books are written in the Markdown of the site: mkdocs.yml's extensions, declared there once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from opmanual.render.extensions import Extensions, read

ROOT = Path(__file__).resolve().parent.parent


def test_read_without_mkdocs_as_mkdocs_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    ours = read(ROOT / "mkdocs.yml")
    theirs = Extensions.of_mkdocs(config.markdown_extensions, config.mdx_configs)
    assert set(ours.names) == set(theirs.names)
    assert "admonition" in ours.names and "pymdownx.superfences" in ours.names  # what the site renders, the books too
    assert ours.configs["toc"]["slugify"]("ขั้นตอน A", "-") == theirs.configs["toc"]["slugify"]("ขั้นตอน A", "-")


def test_a_book_chapter_has_no_permalinks_and_ids_of_its_own() -> None:
    names, configs = read(ROOT / "mkdocs.yml").for_print(lambda value, sep: f"c3-{value}")
    assert "toc" in names and configs["toc"]["permalink"] is False
    assert configs["toc"]["slugify"]("x", "-") == "c3-x"


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/object/new:pathlib.Path ['{marker}']",
    ],
)
def test_a_configuration_that_names_other_code_is_refused_unrun(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"markdown_extensions:\n  - toc:\n      slugify: {tag.format(marker=marker)}\n", "utf-8")
    with pytest.raises((ValueError, yaml.constructor.ConstructorError)) as refused:
        read(config)
    assert not marker.exists()
    assert "only functions of pymdownx., markdown." in str(refused.value) or "could not determine a constructor" in str(
        refused.value
    )
