"""A QR code that leads a printed copy to its online page, as vector paths (segno), made at build time."""

from __future__ import annotations

import re

import segno
from markupsafe import Markup

QUIET_ZONE = 4  # modules of white around the code, as the standard asks, so that phone cameras find it


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG of a QR code for `url`, sized by CSS, named `label` for assistive technology."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, dark="#000", svgclass="qr", lineclass=None)
    # segno writes only its own markup around the path; the name is escaped for an attribute.
    named = re.sub(r"^<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', svg, count=1)
    return Markup(named)  # noqa: S704 - segno's SVG of a URL (paths only) and an escaped label
