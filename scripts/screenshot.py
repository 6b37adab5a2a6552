"""Screenshot pages of a built site in headless Chromium, to look at them.

Usage: `.venv/bin/python scripts/screenshot.py SITE_DIR OUT_DIR PATH[#css-selector] ...`
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import chromium, serve  # tests/browser.py is the one place that knows how to start Chromium


def main(site: str, out: str, *targets: str) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for target in targets:
            path, _, selector = target.partition("#")
            page.goto(base + path, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            page.add_style_tag(content=".md-header { position: static }")
            name = (path.strip("/").replace("/", "-") or "home") + (f"-{selector}" if selector else "")
            file = Path(out) / f"{name}.png"
            if selector:
                page.locator(selector).first.screenshot(path=str(file))
            else:
                page.screenshot(path=str(file), full_page=True)
            print(file)


if __name__ == "__main__":
    main(*sys.argv[1:])
