"""Make a synthetic office for measurements: the shipped data, with people and processes cloned to a given size.

Usage: `.venv/bin/python scripts/synth.py OUT_DIR --people 30 --processes 60 [--seed 1]`

Clones keep the real Thai text (so sizes are realistic) and get their own ids, names and a shuffled share of the
work; every reference stays valid, so the result builds like real data.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

from opmanual.data.loader import read_yaml
from opmanual.errors import ErrorList

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["สมชาย", "สมหญิง", "วิชัย", "มาลี", "ประเสริฐ", "สุนทร", "พรทิพย์", "อรุณี", "ธนพล", "กิตติ", "จันทร์เพ็ญ", "ศิริพร"]
LAST = ["ใจดี", "รักเรียน", "สุขสันต์", "มั่นคง", "ทองดี", "ศรีสุข", "แก้วงาม", "บุญมา", "พรหมมา", "วงศ์ใหญ่"]


def load(path: Path) -> dict:
    """Read with the project's loader: PyYAML alone would turn the keys `yes:` and `no:` into booleans."""
    read = read_yaml(path, ErrorList(path.parent))
    if read is None:
        raise SystemExit(f"{path}: cannot be read; run `python -m opmanual check` on the source data")
    return read[0]  # type: ignore[no-any-return]


def synthesize(out: Path, people: int, processes: int, seed: int = 1, source: Path = ROOT / "data") -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    proc_files = sorted((source / "processes").glob("*.yml"))
    person_files = sorted((source / "people").glob("*.yml"))
    process_ids = [p.stem for p in proc_files]
    for n in range(processes - len(proc_files)):
        template = rng.choice(proc_files)
        data = load(template)
        data["name"] = f"{data['name']} (ชุดที่ {n + 2})"
        pid = f"{template.stem}-{n + 2}"
        (out / "processes" / f"{pid}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        process_ids.append(pid)
    office = load(out / "office.yml")
    groups = office["group"]["workgroups"]
    for n in range(people - len(person_files)):
        data = load(rng.choice(person_files))
        data["name"], data["surname"] = rng.choice(FIRST), f"{rng.choice(LAST)}{n + 1}"
        data["processes"] = rng.sample(process_ids, k=min(3, len(process_ids)))
        pid = f"person-{n + 1}"
        (out / "people" / f"{pid}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        rng.choice(groups).setdefault("members", []).append(pid)
    (out / "office.yml").write_text(yaml.safe_dump(office, allow_unicode=True), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--processes", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    synthesize(args.out, args.people, args.processes, args.seed)
    print(f"{args.out}: {args.people} people, {args.processes} processes")


if __name__ == "__main__":
    main()
