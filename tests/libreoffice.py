"""A .docx as a reader's word processor lays it out: converted to PDF by LibreOffice (Debian's
libreoffice-writer-nogui, installed by scripts/setup), with the project's Sarabun as its only fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "hooks/opmanual/theme/assets/fonts"


def to_pdf(docx: Path, outdir: Path) -> Path:
    """`docx` converted into `outdir`/<name>.pdf, in a profile and font configuration of its own."""
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / ".libreoffice"
    work.mkdir(exist_ok=True)
    (work / "fonts.conf").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>{FONTS}</dir>'
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
