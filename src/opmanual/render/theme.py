"""The product's part of the theme, shipped in the package: Material overrides, stylesheets, fonts, scripts.

The hook puts `opmanual/theme/` in front of Material's own folders (after a project's `custom_dir`, if it has one),
so its templates override Material's and its files under `assets/` are copied into every site like the theme's own.
The printed books read the same stylesheets and fonts from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

THEME = Path(__file__).resolve().parents[1] / "theme"
ASSETS = THEME / "assets"


def install(config: MkDocsConfig) -> None:
    """Add the package's theme folder to the theme, once per config."""
    dirs: list[str] = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
