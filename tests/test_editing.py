"""What editors rely on: the JSON Schema, the check command, the workflows, pre-commit, history on the pages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from ruamel.yaml import YAML

import markup
from conftest import DATASETS, ROOT, build
from opmanual.data import schema
from opmanual.data.loader import read_yaml
from opmanual.data.model import Person
from opmanual.errors import ErrorList

VENV_BIN = Path(sys.executable).parent
CHECK = [sys.executable, "-m", "opmanual", "check"]


def data_files() -> list[tuple[Path, Path]]:
    return [(path, root) for root in DATASETS.values() for path in sorted(root.rglob("*.yml"))]


# JSON Schema -----------------------------------------------------------------------------------------------------


def test_committed_schema_is_generated_from_the_model() -> None:
    assert schema.stale(ROOT / "schema") == [], "run `python -m opmanual schema` and commit schema/"


def test_every_model_and_field_declares_its_thai_title_and_help() -> None:
    from opmanual.data import model

    thai = re.compile("[\u0e00-\u0e7f]")
    models = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, model.Strict)]
    missing = [c.__name__ for c in models if c is not model.Strict and not thai.search(c.model_config.get("title", ""))]
    for c in models:
        for name, info in c.model_fields.items():
            if not (info.title and info.description and thai.search(info.title + info.description)):
                missing.append(f"{c.__name__}.{name}")
    assert missing == []
    for file_model in schema.FILES.values():  # and the schema carries them to the editor
        generated = schema.generate(file_model)
        for definition in [generated, *generated.get("$defs", {}).values()]:
            assert thai.search(definition["title"])
            for spec in definition.get("properties", {}).values():
                assert thai.search(spec["title"] + spec["description"]), spec


@pytest.mark.parametrize(("path", "root"), data_files(), ids=lambda value: str(value))
def test_data_file_names_its_schema_and_validates_against_it(path: Path, root: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema.modeline(path, root, ROOT / "schema")
    target = (path.parent / first.split("$schema=")[1]).resolve()
    assert target == schema.schema_of(path, root, ROOT / "schema")
    # As the editor's YAML extension reads the file (YAML 1.2): numbers and true/false as such, `yes:` a word.
    reader = YAML(typ="safe", pure=True)
    # A date such as `2568-05-15` is text to the extension (YAML 1.2's core schema has no dates), as to the loader.
    reader.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)
    content = reader.load(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(json.loads(target.read_text(encoding="utf-8")))
    assert [error.message for error in validator.iter_errors(content)] == []


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = Draft202012Validator(json.loads((ROOT / "schema/person.schema.json").read_text(encoding="utf-8")))
    good = {
        "prefix": "นาย",
        "name": "สมชาย",
        "surname": "ใจดี",
        "duties": [{"title": "งาน", "roles": ["ก", {"text": "ข"}]}],
    }
    assert list(validator.iter_errors(good)) == []
    for bad in ({**good, "titel": "x"}, {**good, "rank": "ชำนาญ"}, {**good, "duties": "งาน"}, {"prefix": "นาย"}):
        assert list(validator.iter_errors(bad)), bad


# The check command -----------------------------------------------------------------------------------------------


def run_check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([*CHECK, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def broken_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples/korat6", data)
    person = data / "people/runya-champamoon.yml"
    person.write_text(person.read_text(encoding="utf-8") + "titel: x\nprocesses: [nothing]\n", encoding="utf-8")
    return data


def test_check_passes_on_the_shipped_data() -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("data: OK — 2 people, 3 processes, 7 work groups")
    # what the ITA item asks and the shipped processes do not say yet is a warning, not an error
    assert lines[-2] == "ITA: 0 of 3 processes complete (ข้อมูลครบตามเกณฑ์ ITA ๐ จาก ๓ กระบวนงาน)"
    assert all("the ITA assessment" in line for line in lines[:-2])


def test_check_reports_every_error_with_line_and_column(tmp_path: Path) -> None:
    result = run_check("data", cwd=tmp_path) if broken_copy(tmp_path) else None
    assert result is not None and result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/people/runya-champamoon.yml:28:1: titel: unknown key `titel`; allowed keys: "
        f"{', '.join(Person.model_fields)} (ไม่รู้จักคีย์นี้)",
        "data/people/runya-champamoon.yml:29:1: the key `processes` appears twice in the same block",
    ]
    assert "2 errors in the manual's data (ข้อมูลผิดพลาด 2 จุด)" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_github_format_annotates_lines(tmp_path: Path) -> None:
    broken_copy(tmp_path)
    result = run_check("data", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        "::error file=data/people/runya-champamoon.yml,line=29,col=1::the key `processes` appears twice in the same block"
    )
    assert all(line.startswith("::error file=") for line in result.stdout.splitlines())


def test_github_format_escapes_what_would_end_the_command() -> None:
    from opmanual.errors import DataError

    error = DataError("a,b:c.yml", 3, 2, "50% done\nnext")
    assert error.github() == "::error file=a%2Cb%3Ac.yml,line=3,col=2::50%25 done%0Anext"


# Workflows and pre-commit ----------------------------------------------------------------------------------------

# This repository's workflows and those `opmanual new` gives an office.
WORKFLOWS = sorted(
    [
        *(ROOT / ".github/workflows").glob("*.yml"),
        *(ROOT / "src/opmanual/starter/project/github/workflows").glob("*.yml"),
    ]
)


def test_workflows_are_valid_github_actions() -> None:
    result = subprocess.run(
        [str(VENV_BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_workflow_pins_actions_and_keeps_permissions_small(workflow: Path) -> None:
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert spec["permissions"] == {"contents": "read"}
    allowed = {("pages", "write"), ("id-token", "write"), ("contents", "read")}
    if workflow == ROOT / ".github/workflows/release.yml":
        allowed.add(("contents", "write"))  # the release job alone: it creates the GitHub release
    for name, job in spec["jobs"].items():
        for permission, level in job.get("permissions", {}).items():
            assert (permission, level) in allowed, name
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), step["uses"]
            for command in re.findall(r"(scripts/\w+)", step.get("run", "")):
                assert (ROOT / command).is_file(), command


def test_pull_request_workflow_runs_the_readme_commands() -> None:
    runs = " ".join(
        step.get("run", "")
        for job in yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))[
            "jobs"
        ].values()
        for step in job["steps"]
    )
    for command in ("scripts/setup", "python -m opmanual check --format github", "scripts/build", "scripts/test"):
        assert command in runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "scripts/build" in readme and "scripts/test" in readme


@pytest.mark.slow
def test_pre_commit_config_is_valid_and_its_local_hooks_pass() -> None:
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [str(VENV_BIN / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {
        hook["id"]: hook
        for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
        for hook in repo["hooks"]
    }
    assert {"opmanual-check", "end-of-file-fixer", "trailing-whitespace", "yamllint", "ruff", "ruff-format"} <= set(
        hooks
    )
    for hook_id in ("opmanual-check", "opmanual-schema"):
        entry = hooks[hook_id]["entry"].replace(".venv/bin/python", sys.executable).split()
        result = subprocess.run(
            entry,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert result.returncode == 0, result.stdout + result.stderr


def expansions(pattern: str) -> list[str]:
    """Every path a `files:` pattern names: each choice of each (a|b) group, innermost first."""
    group = re.search(r"\(([^()]*)\)", pattern)
    if group is None:
        return [pattern]
    return [
        path
        for choice in group.group(1).split("|")
        for path in expansions(pattern[: group.start()] + choice + pattern[group.end() :])
    ]


def test_every_path_a_hook_or_workflow_names_exists() -> None:
    """A hook watching a moved file never runs again, silently: every path it names must match a tracked file."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert tracked
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    patterns = [hook["files"] for repo in config["repos"] for hook in repo["hooks"] if "files" in hook]
    assert patterns
    for pattern in patterns:
        for path in expansions(pattern):
            assert any(re.fullmatch(path.strip("^$"), name) for name in tracked), f"{pattern}: {path} matches no file"
    # the schema hook runs when the model changes
    schema = next(hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "opmanual-schema")
    assert re.search(schema["files"], "src/opmanual/data/model.py")
    # the commands a workflow of this repository runs (what it uploads is output, made by the build)
    for workflow in sorted((ROOT / ".github/workflows").glob("*.yml")):
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
        runs = " ".join(step.get("run", "") for job in jobs for step in job.get("steps", []))
        named = re.findall(r"(?<![\w/.-])((?:scripts|src|hooks|tests|data|docs|schema)/[\w./-]*\w)", runs)
        assert named, workflow.name
        for path in named:
            assert any(name == path or name.startswith(path + "/") for name in tracked), f"{workflow.name}: {path}"


def test_yaml_files_pass_yamllint() -> None:
    targets = ["data", "examples", "tests/fixtures", ".github", ".pre-commit-config.yaml", "mkdocs.yml"]
    result = subprocess.run(
        [str(VENV_BIN / "yamllint"), "-s", "-c", ".yamllint.yml", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


# Changes are visible ---------------------------------------------------------------------------------------------


def git(repo: Path, *args: str, date: str = "2026-11-20T10:00:00+07:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "ครูสมชาย",
           "GIT_AUTHOR_EMAIL": "somchai@example.invalid", "GIT_COMMITTER_NAME": "ครูสมชาย",
           "GIT_COMMITTER_EMAIL": "somchai@example.invalid"}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def _text(page: Path) -> str:
    """A built page's text as a reader sees it (its Thai words are in spans of their own)."""
    return markup.page(page).get_text()


@pytest.mark.slow
def test_pages_show_when_their_data_last_changed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/mini", data)
    git(tmp_path, "init", "-q")  # the project's repository, which holds the data folder
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "เริ่มคู่มือ")
    person = data / "people/somchai.yml"
    person.write_text(person.read_text(encoding="utf-8").replace("surname: ใจดี", "surname: ใจงาม"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "แก้นามสกุลของครูสมชาย", date="2026-12-31T23:30:00+07:00")
    site = tmp_path / "site"
    result = build(data, site, MANUAL_PDF="0")  # the pages are read; the books' revision records are test_approval's
    assert result.returncode == 0, result.stderr
    assert "แก้ไขข้อมูลล่าสุด ๓๑ ธันวาคม ๒๕๖๙" in _text(site / "people/somchai")  # Bangkok time, พ.ศ.
    assert "แก้ไขข้อมูลล่าสุด ๒๐ พฤศจิกายน ๒๕๖๙" in _text(site / "processes/qa")
    changes = _text(site / "changes")
    # each commit said by what it changed in the manual, newest first, with the editor's name from git
    assert changes.index("แก้ไขนามสกุลของนายสมชาย ใจงาม") < changes.index("เพิ่มบุคลากร นายสมชาย ใจดี")
    assert "แก้นามสกุลของครูสมชาย" not in changes and "ครูสมชาย" in changes
    assert 'href="../people/somchai/"' in (site / "changes/index.html").read_text(encoding="utf-8")


def _merged(base: Any, example: Any) -> Any:
    """`base` with what `example` sets: blocks merged key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(example, dict):
        return {**base, **{key: _merged(base.get(key), value) for key, value in example.items()}}
    return example


def test_the_guide_examples_are_valid_data(tmp_path: Path) -> None:
    """Every YAML example in the editors' guide is accepted by the model where it belongs (set into the fixture's
    file of its kind), with nothing the paste check would warn about, so editors can copy them."""
    from opmanual.data import model
    from opmanual.data.loader import audit

    guide = (ROOT / "src/opmanual/guide/index.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL)
    assert len(blocks) >= 12
    mini = ROOT / "tests/fixtures/mini"
    kinds = {
        "office": (model.OfficeFile, mini / "office.yml"),
        "process": (model.Process, mini / "processes/qa.yml"),
        "person": (model.Person, mini / "people/somchai.yml"),
        "references": (model.ReferencesFile, mini / "references.yml"),
    }
    for index, block in enumerate(blocks):
        if all(line.strip().startswith("#") for line in block.strip().splitlines()):
            continue  # the schema line shown on its own
        path = tmp_path / f"example-{index}.yml"
        path.write_text(textwrap.dedent(block), encoding="utf-8")
        read = read_yaml(path, errors := ErrorList(tmp_path))
        assert read is not None, [str(e) for e in errors.errors]
        data, source = read
        office_keys = set(model.OfficeFile.model_fields) - set(model.Person.model_fields)
        kind = "office" if set(data) & office_keys else "process" if "steps" in data or "kpis" in data else "person"
        if set(data) <= {"documents", "bibliography"} and all(isinstance(e, dict) for v in data.values() for e in v):
            kind = "references"  # entries written out, not ids cited
        schema, base_file = kinds[kind]
        base = read_yaml(base_file, ErrorList(mini))
        assert base is not None
        merged = _merged(base[0], data)
        try:
            schema.model_validate(merged)
        except ValidationError as exc:
            raise AssertionError(f"guide example {index + 1} ({kind}):\n{block}\n{exc}") from None
        assert [f.message for f in audit(schema, merged, source, "thai")] == [], block


@pytest.mark.slow
def test_history_never_runs_what_a_repository_inside_the_data_folder_configures(tmp_path: Path) -> None:
    """A data folder that arrives with its own .git (an archive) brings its own git config, which may name programs
    to run; its history is not read. A commit subject cannot break the reading of a trusted history either."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/mini", data)
    ran = tmp_path / "ran"
    program = tmp_path / "program.sh"
    program.write_text(f"#!/bin/sh\ntouch {ran}\n", encoding="utf-8")
    program.chmod(0o755)
    git(data, "init", "-q")
    git(data, "add", ".")
    git(data, "commit", "-q", "-m", "ข้อมูลจากที่อื่น")
    # A signed commit, and a config that verifies signatures with a program of the data's choosing.
    tree = subprocess.run(["git", "-C", str(data), "write-tree"], capture_output=True, text=True, check=True).stdout
    signed = (
        f"tree {tree.strip()}\nauthor a <a@x> 1700000000 +0700\ncommitter a <a@x> 1700000000 +0700\n"
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\nลงนามแล้ว\n"
    )
    commit = subprocess.run(
        ["git", "-C", str(data), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=signed, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    git(data, "update-ref", "HEAD", commit)
    git(data, "config", "log.showSignature", "true")
    git(data, "config", "gpg.program", str(program))
    # Without PDFs: the history is read once, before the pages, and the books are given what was read.
    result = build(data, tmp_path / "site", MANUAL_PDF="0")
    assert result.returncode == 0, result.stderr
    assert not ran.exists()
    assert not (tmp_path / "site/changes").exists()

    shutil.rmtree(data / ".git")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "แก้ไข\x1eข้อมูล\x1fสองช่อง")
    result = build(data, tmp_path / "site2", MANUAL_PDF="0")
    assert result.returncode == 0, result.stderr
    assert "เพิ่มบุคลากร นายสมชาย ใจดี" in _text(tmp_path / "site2/changes")  # the commit was read whole


def test_the_guide_lists_every_key_of_every_data_file() -> None:
    """The guide's page of keys (src/opmanual/guide/fields.md) is made from the model: every part of every kind of file
    has its section, with a row for each of its keys, and the page is in the navigation."""
    from opmanual.data import schema
    from opmanual.site.guide import FIELDS_MARKER, fields_reference
    from opmanual.site.guide import nav as guide_nav

    assert FIELDS_MARKER in (ROOT / "src/opmanual/guide/fields.md").read_text(encoding="utf-8")
    assert "guide/fields.md" in guide_nav()[0]["คู่มือการแก้ไขข้อมูล"]
    sections = dict(re.findall(r"\{#f-(\w+) data-search-exclude\}\n(.*?)(?=\n#|\Z)", fields_reference(), re.DOTALL))
    for model in schema.FILES.values():
        generated = schema.generate(model)
        parts = {model.__name__: generated, **generated.get("$defs", {})}
        for name, definition in parts.items():
            if name == "Labels":
                continue  # its own table in the guide (test_fields.py)
            assert name.lower() in sections, name
            keys = re.findall(r"^\| `(\w+)` \|", sections[name.lower()], re.MULTILINE)
            assert keys == list(definition.get("properties", {})), name


def _numbered_lists(markdown_text: str) -> list[int]:
    """The top-level numbered lists of a Markdown page as the writer meant them: each `1.` at the start of a line
    (outside code blocks) begins one, and each list is as long as its last number."""
    lengths: list[int] = []
    fenced = False
    for line in markdown_text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        found = None if fenced else re.match(r"(\d+)\. ", line)
        if found:
            number = int(found.group(1))
            if number == 1:
                lengths.append(1)
            else:
                assert lengths and number == lengths[-1] + 1, f"{line!r} does not go on from the list above"
                lengths[-1] = number
    return lengths


@pytest.mark.parametrize("name", ["index.md", "fields.md"])
def test_every_numbered_list_of_the_guide_is_one_list(name: str) -> None:
    """A paragraph of a list item needs four spaces: with three it ends the list, and the next number starts a
    new one at 1 (the guide's VS Code steps once read 1 2 3, then 1)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    source = (ROOT / "src/opmanual/guide" / name).read_text(encoding="utf-8")
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    soup = BeautifulSoup(converter.convert(source), "html.parser")
    made = [len(ol.find_all("li", recursive=False)) for ol in soup.find_all("ol") if ol.find_parent("li") is None]
    assert made == _numbered_lists(source)
