"""Fetch the browser editor's JavaScript from npm into src/opmanual/cms/vendor/, pinned and checked.

    .venv/bin/python scripts/vendor_cms.py

The editing page (`/admin/`) runs Decap CMS and reads and writes YAML with the `yaml` library; both are shipped with
the package so that a built site needs no network and no CDN. Each package is fetched at the version pinned below,
its tarball checked against the integrity hash the registry publishes, and only what a browser loads is kept:
Decap's bundle and its chunks (no source maps), `yaml`'s browser build. Run it to move to a new version (change the
pin, run, look at the editing page, commit the files and the pin together).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src/opmanual/cms/vendor"
REGISTRY = "https://registry.npmjs.org"
PINS = {"decap-cms": "3.16.3", "yaml": "2.9.1"}


def _keep(package: str, name: str) -> str | None:
    """Where a file of the package's tarball goes under its vendor folder, or None to leave it out."""
    if package == "decap-cms":
        if name.startswith("package/dist/") and name.endswith("decap-cms.js"):
            return name.removeprefix("package/dist/")
        return None
    if name.startswith("package/browser/dist/") and name.endswith(".js"):
        return name.removeprefix("package/browser/dist/")
    return "LICENSE" if name == "package/LICENSE" else None


def fetch(package: str, version: str) -> dict[str, str]:
    with urllib.request.urlopen(f"{REGISTRY}/{package}/{version}", timeout=60) as response:  # noqa: S310 - https
        meta = json.load(response)
    dist = meta["dist"]
    if not dist["tarball"].startswith(f"{REGISTRY}/"):
        raise SystemExit(f"{package} {version}: its tarball is not on {REGISTRY}: {dist['tarball']}")
    with urllib.request.urlopen(dist["tarball"], timeout=300) as response:  # noqa: S310 - checked above
        data = response.read()
    algorithm, expected = dist["integrity"].split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        raise SystemExit(f"{package} {version}: the tarball does not match the registry's integrity hash")
    target = VENDOR / package
    # Written beside the folder and swapped in whole: a run killed half-way leaves the old copy as it was.
    fresh = VENDOR / f".{package}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    _unpack(package, version, data, fresh)
    old = VENDOR / f".{package}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return {"version": version, "license": meta.get("license", ""), "integrity": dist["integrity"]}


def _unpack(package: str, version: str, data: bytes, target: Path) -> None:
    """What a browser loads of the package's tarball, into `target`."""
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            where = _keep(package, member.name) if member.isfile() else None
            if where is None:
                continue
            path = (target / where).resolve()
            if not path.is_relative_to(target.resolve()):
                raise SystemExit(f"{package} {version}: {member.name} would be written outside {target}")
            path.parent.mkdir(parents=True, exist_ok=True)
            extracted = archive.extractfile(member)
            if extracted is not None:
                path.write_bytes(extracted.read())


def main() -> int:
    pins = {package: fetch(package, version) for package, version in PINS.items()}
    (VENDOR / "versions.json").write_text(json.dumps(pins, indent=2) + "\n", encoding="utf-8")
    for package, pin in pins.items():
        size = sum(path.stat().st_size for path in (VENDOR / package).rglob("*") if path.is_file())
        print(f"{package} {pin['version']} ({pin['license']}): {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
