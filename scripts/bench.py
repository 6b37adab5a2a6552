"""Measure the build: validation, hooks, site, PDFs (one core and all), memory, search index, preview reload.

Usage: `scripts/bench [--offices 1 10 50] [--pdf-books 16] [--no-serve]`

Datasets: the shipped `data/`; one synthetic office (15 supervisors and 30 processes, the national average of
3,700 supervisors in 245 offices, made by scripts/synth.py from the shipped Thai text, seeded), built with its
PDFs on one core and on all; N offices as a national pipeline builds them (one site each, one after another);
and N offices merged into one site (`--one-site`), which shows how one site grows.
Every figure comes from a real build in a child process; peak memory is the largest process of that build.
PDFs are timed with the cache off. For a large dataset only a shard of its books is printed (`--shard 2/k`,
about `--pdf-books` people's books; share 1 also holds the whole manual): a shard is what one CI runner does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PEOPLE_PER_OFFICE, PROCESSES_PER_OFFICE = 15, 30


@dataclass
class Run:
    seconds: float
    peak_mb: float
    log: str


def run(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> Run:
    """Run a child and return its wall time, the peak memory of its largest process, and its stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)  # noqa: S603
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{log[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, log)


HOOKS = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from opmanual.data.dataset import load
from opmanual.render.pages import render_all
from opmanual.render.render import Renderer
t1 = time.perf_counter()
manual = load(Path(sys.argv[1]))
t2 = time.perf_counter()
# as a build renders: with the project's compiled templates (.cache/jinja, warm after the first build)
pages = render_all(manual, Renderer(manual.info.digits, compiled=Path(sys.argv[2]) / ".cache/jinja"))
t3 = time.perf_counter()
print(json.dumps({"validate": t2 - t1, "render": t3 - t2, "pages": len(pages),
                  "people": len(manual.people), "processes": len(manual.processes)}))
"""


def hooks_cost(data: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603
        [PYTHON, "-c", HOOKS, str(data), str(ROOT)], env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def mkdocs(data: Path, site: Path, env: dict[str, str], **extra: str) -> Run:
    env = {**env, "MANUAL_DATA": str(data), "MANUAL_SITE": str(site), **extra}
    return run([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")], env)


def pdf_stage(log: str) -> tuple[float, int, int]:
    """The PDF stage's seconds, books and pages, from the build log."""
    match = re.search(r"PDFs: (\d+) rendered.*?([\d.]+) s(?: \(.*\))?$", log, re.MULTILINE)
    if not match:
        raise SystemExit(f"no PDF summary in the build log:\n{log[-2000:]}")
    pages = sum(int(n) for n in re.findall(r"PDF: \S+ \((\d+) pages", log))
    return float(match[2]), int(match[1]), pages


def measure(name: str, data: Path, work: Path, env: dict[str, str], pdf_books: int, speedup: bool) -> dict[str, str]:
    cost = hooks_cost(data, env)
    site = work / "site"
    plain = mkdocs(data, site, env, MANUAL_PDF="0")
    index = (site / "search" / "search_index.json").stat().st_size
    books = int(cost["people"]) + 1
    shard = max(1, round(books / pdf_books))
    # The second share: the first holds the whole group's manual, one book as large as all the others together.
    share = f"{min(2, shard)}/{shard}"
    pdf_env = {"MANUAL_PDF": "1", "MANUAL_PDF_CACHE": "off", "MANUAL_SHARD": share}
    full = mkdocs(data, site, env, **pdf_env)
    seconds, printed, pages = pdf_stage(full.log)
    row = {
        "data": name,
        "people / processes / pages": f"{cost['people']:.0f} / {cost['processes']:.0f} / {cost['pages']:.0f}",
        "validate": f"{cost['validate']:.2f} s",
        "hooks (validate + render)": f"{cost['validate'] + cost['render']:.2f} s "
        f"({100 * (cost['validate'] + cost['render']) / plain.seconds:.0f}%)",
        "site, no PDFs": f"{plain.seconds:.1f} s",
        "peak memory (site)": f"{plain.peak_mb:.0f} MB",
        "search index": f"{index / 1e6:.2f} MB",
        "PDFs": f"{printed} books{'' if shard == 1 else f' (shard {share})'}, {pages} pages, {seconds:.1f} s",
        "PDF pages/s": f"{pages / seconds:.1f}",
        "peak memory (PDFs)": f"{full.peak_mb:.0f} MB",
    }
    if speedup:
        one = mkdocs(data, site, env, **pdf_env, MANUAL_PDF_JOBS="1")
        one_seconds, _, _ = pdf_stage(one.log)
        row["PDF stage 1 core → all cores"] = f"{one_seconds:.1f} s → {seconds:.1f} s ({one_seconds / seconds:.2f}×)"
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def synth(data: Path, offices: int, seed: int, env: dict[str, str]) -> Path:
    subprocess.run(  # noqa: S603
        [PYTHON, str(ROOT / "scripts/synth.py"), str(data), "--people", str(PEOPLE_PER_OFFICE * offices),
         "--processes", str(PROCESSES_PER_OFFICE * offices), "--seed", str(seed)],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return data


def site_only(name: str, data: Path, work: Path, env: dict[str, str]) -> dict[str, str]:
    cost = hooks_cost(data, env)
    built = mkdocs(data, work / "site", env, MANUAL_PDF="0")
    row = {
        "data": name,
        "people / processes / pages": f"{cost['people']:.0f} / {cost['processes']:.0f} / {cost['pages']:.0f}",
        "validate": f"{cost['validate']:.2f} s",
        "hooks (validate + render)": f"{cost['validate'] + cost['render']:.2f} s "
        f"({100 * (cost['validate'] + cost['render']) / built.seconds:.0f}%)",
        "site, no PDFs": f"{built.seconds:.1f} s",
        "peak memory (site)": f"{built.peak_mb:.0f} MB",
        "search index": f"{(work / 'site/search/search_index.json').stat().st_size / 1e6:.2f} MB",
    }
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def national(offices: int, work: Path, env: dict[str, str], one_office_pdfs: str) -> dict[str, str]:
    """N offices as a national pipeline builds them: one data folder and one site each, one after another."""
    totals = {"people": 0.0, "processes": 0.0, "pages": 0.0, "validate": 0.0, "render": 0.0}
    seconds, peak, index = 0.0, 0.0, 0
    for seed in range(1, offices + 1):
        data = synth(work / "office", 1, seed, env)
        cost = hooks_cost(data, env)
        built = mkdocs(data, work / "site", env, MANUAL_PDF="0")
        totals = {key: totals[key] + cost[key] for key in totals}
        seconds, peak = seconds + built.seconds, max(peak, built.peak_mb)
        index += (work / "site/search/search_index.json").stat().st_size
    hooks = totals["validate"] + totals["render"]
    row = {
        "data": f"{offices} offices (one site each)",
        "people / processes / pages": f"{totals['people']:.0f} / {totals['processes']:.0f} / {totals['pages']:.0f}",
        "validate": f"{totals['validate']:.2f} s",
        "hooks (validate + render)": f"{hooks:.2f} s ({100 * hooks / seconds:.0f}%)",
        "site, no PDFs": f"{seconds:.1f} s",
        "peak memory (site)": f"{peak:.0f} MB",
        "search index": f"{index / 1e6:.2f} MB in all",
        "PDFs": f"not built here: {offices} × one office's, shared by --shard"
        + (f" ({one_office_pdfs})" if one_office_pdfs else ""),
    }
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def serve_reload(work: Path, env: dict[str, str]) -> float:
    """Seconds from saving a YAML file to the page showing it, in Chromium reloaded by `mkdocs serve`."""
    from playwright.sync_api import sync_playwright

    data = work / "serve-data"
    shutil.copytree(ROOT / "data", data)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**env, "MANUAL_DATA": str(data)}
    command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)  # noqa: S603
    try:
        url = f"http://127.0.0.1:{port}/people/khanthana-sutthikorn/"
        person = data / "people/khanthana-sutthikorn.yml"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "chromium")
            page = browser.new_page()
            deadline = time.monotonic() + 60
            while True:
                try:
                    page.goto(url)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)
            times = []
            for n in range(3):
                word = f"ทดสอบการแก้ไข{n}"
                text = person.read_text(encoding="utf-8")
                started = time.perf_counter()
                person.write_text(re.sub(r"^surname: .*$", f"surname: {word}", text, flags=re.M), encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes({word!r})", timeout=30000)
                times.append(time.perf_counter() - started)
            browser.close()
        return sorted(times)[1]
    finally:
        server.terminate()
        server.wait()


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))) / 2**20
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, nargs="*", default=[1, 10, 50])
    parser.add_argument("--one-site", type=int, nargs="*", default=[5, 10], help="offices merged into one site")
    parser.add_argument("--pdf-books", type=int, default=16, help="print about this many books of a large dataset")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview reload measurement")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735689600"}
    print(f"machine: {machine()}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows.append(measure("data/ (shipped)", ROOT / "data", work, env, args.pdf_books, speedup=False))
        one_office: dict[str, str] = {}
        for offices in args.offices:
            if offices == 1:
                data = synth(work / "office-1", 1, 1, env)
                one_office = measure("1 office", data, work, env, args.pdf_books, speedup=True)
                rows.append(one_office)
            else:
                rows.append(national(offices, work, env, one_office.get("PDFs", "")))
        for offices in args.one_site:
            data = synth(work / f"one-site-{offices}", offices, 1, env)
            rows.append(site_only(f"{offices} offices in one site", data, work, env))
        if not args.no_serve:
            reload = serve_reload(work, env)
            print(f"preview: saving a YAML file → page reloaded in Chromium: {reload:.2f} s (median of 3)")
    keys = list(dict.fromkeys(key for row in rows for key in row))
    print("\n| " + " | ".join(keys) + " |\n|" + " --- |" * len(keys))
    for row in rows:
        print("| " + " | ".join(row.get(key, "") for key in keys) + " |")


if __name__ == "__main__":
    main()
