"""Measure search on a built site: the query set's hits in the top 3, time to the first result, index size.

Usage: `.venv/bin/python scripts/search_eval.py SITE_DIR [--route ours|material|pythainlp]`

Routes compared (see README):
- ours: Material's search with Thai cut by Intl.Segmenter on both sides (what the site ships);
- material: Material's search as configured by `lang: th` alone (our scripts replaced by Material's own files);
- pythainlp: the index text cut at build time by PyThaiNLP's dictionary segmenter (newmm) and queries cut the
  same way before they are typed (needs `pip install pythainlp`; only this script uses it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from search import ask, open_search  # noqa: E402

from browser import chromium, serve  # noqa: E402 - the tests' helpers start Chromium and a file server

QUERIES = ROOT / "tests" / "search_queries.yml"


def material_file(name: str) -> bytes:
    import material

    return (Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / name).read_bytes()


def serve_bytes(body: bytes, content_type: str) -> Any:
    def handler(route: Any, request: Any) -> None:
        route.fulfill(body=body, content_type=content_type)

    return handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--route", choices=["ours", "material", "pythainlp"], default="ours")
    args = parser.parse_args()
    cases = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    index_file = args.site / "search" / "search_index.json"
    index = index_file.read_bytes()

    cut = None
    if args.route == "pythainlp":
        from pythainlp.tokenize import word_tokenize  # only this measurement uses PyThaiNLP

        def cut(text: str) -> str:
            return " ".join(w for w in word_tokenize(text, engine="newmm") if w.strip())

        data = json.loads(index)
        for doc in data["docs"]:
            doc["title"], doc["text"] = cut(doc["title"]), cut(doc["text"])
        index = json.dumps(data, ensure_ascii=False).encode()

    with serve(args.site) as base, chromium() as browser:
        page = browser.new_page()
        if args.route != "ours":
            page.route("**/thai-search.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
            for name in ("min/lunr.th.min.js", "wordcut.js"):
                page.route(f"**/lunr/{name}", serve_bytes(material_file(name), "text/javascript"))
            page.route("**/search_index.json", serve_bytes(index, "application/json"))
        ready = open_search(page, base)
        start = time.monotonic()
        first = ask(page, base, cases[0]["query"])
        to_first = ready + (time.monotonic() - start)
        hits, misses, times = 0, [], []
        for case in cases:
            query = cut(case["query"]) if cut else case["query"]
            answer = ask(page, base, query)
            times.append(answer.seconds)
            if case["page"] in answer.pages[:3]:
                hits += 1
            else:
                misses.append(f"{case['query']} → {answer.pages[:3]}")
    print(f"route: {args.route}")
    print(f"queries with the expected page in the top 3: {hits} of {len(cases)}")
    for miss in misses:
        print(f"  missed: {miss}")
    sections = len(json.loads(index)["docs"])
    print(f"search index: {len(index):,} bytes ({len(gzip.compress(index)):,} gzipped), {sections} sections")
    print(f"from opening the page to the first result: {to_first:.2f} s")
    print(f"  (page and index ready after {ready:.2f} s, first query answered in {first.seconds:.2f} s)")
    print(f"per query: median {sorted(times)[len(times) // 2]:.2f} s, slowest {max(times):.2f} s")


if __name__ == "__main__":
    main()
