"""A .docx as a reader's word processor lays it out: converted to PDF by LibreOffice (Debian's
libreoffice-writer-nogui, installed by scripts/setup), with the project's Sarabun as its only fonts.

The Word copies name TH Sarabun New, which no Debian package ships and the project may not: the conversion is given
a stand-in made for it, Sarabun drawn at TH Sarabun's size (its em enlarged by 16 / 10.7, `measures`) and named
TH Sarabun New, so that LibreOffice lays the copy out at the sizes an office PC shows it. It is made in the test's
own folder and never shipped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from fontTools.ttLib import TTFont

from opmanual.measures import SARABUN_PER_TH_SARABUN

FONTS = Path(__file__).resolve().parent.parent / "src/opmanual/theme/assets/fonts"
STAND_IN = "TH Sarabun New"
_NAMES = (1, 4, 6, 16)  # family, full name, PostScript name, typographic family


def stand_in(folder: Path, name: str = STAND_IN) -> Path:
    """Sarabun's four styles as the face `name` at TH Sarabun's size, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(FONTS.glob("Sarabun_*.ttf")):
        font = TTFont(path)
        font["head"].unitsPerEm = round(font["head"].unitsPerEm / SARABUN_PER_TH_SARABUN)
        style = font["name"].getDebugName(2) or "Regular"
        for record in font["name"].names:
            if record.nameID in _NAMES:
                text = {1: name, 4: f"{name} {style}", 6: f"{name.replace(' ', '')}-{style.replace(' ', '')}"}
                record.string = text.get(record.nameID, name)
        font.save(folder / f"{name.replace(' ', '')}-{path.stem.split('_', 1)[1]}.ttf")
    return folder


def to_pdf(docx: Path, outdir: Path, faces: tuple[str, ...] = (STAND_IN,)) -> Path:
    """`docx` converted into `outdir`/<name>.pdf, in a profile and font configuration of its own: Sarabun, and a
    stand-in for each of `faces`."""
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / ".libreoffice"
    work.mkdir(exist_ok=True)
    folders = [FONTS, *(stand_in(work / "fonts" / face.replace(" ", ""), face) for face in faces)]
    dirs = "".join(f"<dir>{folder}</dir>" for folder in folders)
    (work / "fonts.conf").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>{dirs}'
        f"<cachedir>{work / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice is not installed: run scripts/setup")
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        env={"HOME": str(work), "FONTCONFIG_FILE": str(work / "fonts.conf"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        timeout=300,
        check=True,
    )
    return outdir / f"{docx.stem}.pdf"
