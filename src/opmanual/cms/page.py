"""The editing page's files, written into a folder of the built site (`admin/`): the page, its configuration, the
file format, Decap CMS and `yaml` as vendored, and the Sarabun font. Nothing is loaded from elsewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .config import config

HERE = Path(__file__).parent
VENDOR = HERE / "vendor"
FONTS = HERE.parent / "theme/assets/fonts"
FONT_FILES = ("Sarabun_400Regular.ttf", "Sarabun_700Bold.ttf")

PAGE = """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>แก้ไขคู่มือ</title>
<link rel="icon" href="data:,">
<style>
@font-face { font-family: Sarabun; src: url(fonts/Sarabun_400Regular.ttf); }
@font-face { font-family: Sarabun; font-weight: bold; src: url(fonts/Sarabun_700Bold.ttf); }
body, body * { font-family: Sarabun, sans-serif !important; }
</style>
</head>
<body>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/decap-cms.js"></script>
<script type="module">
import { start } from './opmanual-cms.js';
window.opmanualStarted = start(window.CMS, window.OPMANUAL_CMS || {});
</script>
</body>
</html>
"""


def write(folder: Path, backend: dict[str, Any]) -> None:
    """The editing page in `folder`, saving through `backend` (Decap's `backend` setting)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    text = json.dumps(config(backend), ensure_ascii=False, separators=(",", ":"))
    (folder / "config.json").write_text(text, encoding="utf-8")
    shutil.copy2(HERE / "assets/opmanual-cms.js", folder / "opmanual-cms.js")
    for name, target in (("decap-cms", "decap"), ("yaml", "yaml")):
        shutil.copytree(VENDOR / name, folder / target, dirs_exist_ok=True)
    (folder / "fonts").mkdir(exist_ok=True)
    for font in FONT_FILES:
        shutil.copy2(FONTS / font, folder / "fonts" / font)
