"""Command line of the manual's tools.

python -m opmanual check [DATA_DIR] [--format text|github] [--fix] [--strict-ita]
                                                              validate every data file, report every error;
                                                              --fix removes what was pasted from Word;
                                                              --strict-ita refuses what the ITA item lacks
python -m opmanual build [DATA_DIR] [--site DIR] [--no-pdf] [--shard i/n] [--jobs N]
                                                              build into a new folder, swap it in on success
python -m opmanual new DIR [--office NAME] [--group NAME] [--from SOURCE…]
                                                              an office's repository, ready to push
python -m opmanual migrate [DATA_DIR]                         rewrite data in an older data format into this one
python -m opmanual schema [--check]                           write (or check) schema/*.schema.json
python -m opmanual import SOURCE… --into DIR [--force]       an existing manual (.docx .pdf .txt .md) as YAML

--verbose (before the command) shows the traceback of an internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import thai
from .data import fixing, hygiene
from .data.dataset import Manual, load
from .data.yamledit import EditError
from .errors import DataErrors, display, printable
from .settings import Settings, SettingsError, Shard, config_file, jobs

INTERNAL_ERROR = 2
SETTINGS_ERROR = 2


def check(data: Path, output: str, fix: bool = False, strict_ita: bool = False) -> int:
    try:
        manual = load(data)
    except DataErrors as exc:
        for error in [*exc.errors, *exc.warnings]:
            print(error.github() if output == "github" else str(error))
        print(exc, file=sys.stderr)
        if fix:
            print("nothing was fixed: correct the errors first (ไม่ได้แก้ไฟล์ใด ๆ)", file=sys.stderr)
        return 1
    fixable = [finding for finding in manual.pasted if finding.fixable] if fix else []
    if fixable:
        outcome = fixing.fix(fixable, data)
        for message in outcome.problems:
            print(message, file=sys.stderr)
        if not outcome.written:
            print("nothing was fixed (ไม่ได้แก้ไฟล์ใด ๆ)", file=sys.stderr)
            return 1
        for finding in fixable:
            if finding.path.resolve() in outcome.written:
                before, after = hygiene.changed_part(finding.text, finding.fixed)
                line, column = finding.line
                where = f"{printable(display(finding.path))}:{line}:{column}"
                print(f"{where}: fixed: {printable(before)} → {printable(after)}")
        count = sum(finding.path.resolve() in outcome.written for finding in fixable)
        print(f"{count} texts fixed in {len(outcome.written)} files (แก้ไขแล้ว)")
        return check(data, output, strict_ita=strict_ita) if not outcome.problems else 1
    gaps = [replace(gap, level="error") if strict_ita else gap for gap in manual.ita]
    for warning in [*manual.warnings, *gaps]:
        print(warning.github() if output == "github" else str(warning))
    print(ita_summary(manual))
    if strict_ita and gaps:
        print(f"{data}: {len(gaps)} ITA gaps refused by --strict-ita (ข้อมูลยังไม่ครบตามเกณฑ์ ITA)", file=sys.stderr)
        return 1
    print(
        f"{data}: OK — {len(manual.people)} people, {len(manual.processes)} processes, "
        f"{len(manual.group.workgroups)} work groups (ข้อมูลถูกต้อง)"
    )
    return 0


def ita_summary(manual: Manual) -> str:
    """One line: how many processes say all that the ITA item asks."""
    incomplete = {gap.path for gap in manual.ita}
    complete, total = len(manual.processes) - len(incomplete), len(manual.processes)
    thai_count = f"{thai.digits(str(complete), 'thai')} จาก {thai.digits(str(total), 'thai')}"
    return f"ITA: {complete} of {total} processes complete (ข้อมูลครบตามเกณฑ์ ITA {thai_count} กระบวนงาน)"


def migrate(data: Path) -> int:
    """Bring the data folder up to the data format of this version, in place, and check it."""
    from .data import formats

    written = formats.written_in(data)
    if written is None:
        print(f"{data}: office.yml says no data format that can be read; fix the errors below first", file=sys.stderr)
        return max(check(data, "text"), 1)
    if written.format > formats.CURRENT:
        print(f"{printable(display(data / 'office.yml'))}: {formats.mismatch(data, written.format)}", file=sys.stderr)
        return 1
    if written.format == formats.CURRENT:
        print(f"{data}: already in data format {formats.CURRENT}; nothing to change (ข้อมูลเป็นรูปแบบปัจจุบันแล้ว)")
        return check(data, "text")
    try:
        texts = formats.texts_of(data)
        changed, said = formats.migrate(texts, written.format)
    except formats.Unreadable as exc:
        print(f"{exc}; nothing was changed", file=sys.stderr)
        return 1
    except EditError as exc:
        print(f"{data / 'office.yml'}: cannot be migrated safely: {exc}; nothing was changed", file=sys.stderr)
        return 1

    def unless_edited(path: Path) -> Callable[[str], str]:
        def new_text(text: str) -> str:
            if text != texts[path]:
                raise fixing.Unchanged("changed while it was being migrated; run `opmanual migrate` again")
            return changed[path]

        return new_text

    outcome = fixing.rewrite({path: unless_edited(path) for path in changed}, data)
    for message in outcome.problems:
        print(message, file=sys.stderr)
    if outcome.problems:
        print("nothing was migrated (ไม่ได้แก้ไฟล์ใด ๆ)", file=sys.stderr)
        return 1
    for line in said:
        print(line)
    print(
        f"{data}: format {written.format} → {formats.CURRENT}, {len(outcome.written)} file(s) changed "
        f"(ปรับรูปแบบข้อมูลแล้ว); check the changes (git diff), then commit them"
    )
    return check(data, "text")


def schema(check_only: bool) -> int:
    from .data.schema import SCHEMA_DIR, stale, write

    if check_only:
        outdated = stale()
        for name in outdated:
            print(f"{SCHEMA_DIR / name}: out of date; run `python -m opmanual schema`", file=sys.stderr)
        return 1 if outdated else 0
    for path in write():
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a command; an unexpected exception is reported in one line (the traceback with --verbose), exit code 2."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output stopped early (`… | head`): nothing more to say
        sys.stderr.close()
        return 0
    except Exception as exc:
        if args.verbose:
            traceback.print_exc()
        print(
            f"internal error while running `{args.command}`: {type(exc).__name__}: {exc}; please report it"
            + ("" if args.verbose else " (run again with --verbose to see where it happened)"),
            file=sys.stderr,
        )
        return INTERNAL_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m opmanual", description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="show the traceback of an internal error")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate every data file and report all errors")
    check_parser.add_argument("data", nargs="?", default="data", type=Path, help="data folder (default: data)")
    check_parser.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text: path:line:col: message; github: workflow commands that annotate a pull request",
    )
    check_parser.add_argument(
        "--strict-ita",
        action="store_true",
        help="refuse a process without the step times, responsible people or laws that the ITA assessment asks for",
    )
    check_parser.add_argument(
        "--fix",
        action="store_true",
        help="remove numbers and bullets pasted from Word and write digits in the manual's style, in the files",
    )
    build_parser = commands.add_parser("build", help="build the site and PDFs, replacing the old site only on success")
    build_parser.add_argument("data", nargs="?", type=Path, help="data folder (default: $MANUAL_DATA, or data/)")
    build_parser.add_argument("--site", type=Path, default=None, help="output folder (default: $MANUAL_SITE, or site/)")
    build_parser.add_argument("--config", type=Path, default=None, help="mkdocs.yml (default: $MANUAL_CONFIG, or ./)")
    build_parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    build_parser.add_argument(
        "--shard", type=_option(Shard.parse), help="i/n: make only the i-th of n shares of the PDFs (for n CI jobs)"
    )
    build_parser.add_argument("--jobs", type=_option(jobs), help="processes rendering PDFs (default: all cores)")
    import_parser = commands.add_parser(
        "import", help="read existing manuals (.docx, .pdf, .txt, .md) into a new or existing data folder"
    )
    import_parser.add_argument("sources", nargs="+", type=Path, help="the manual's files, in reading order")
    import_parser.add_argument("--into", type=Path, required=True, help="the data folder to create or add to")
    import_parser.add_argument("--force", action="store_true", help="replace files the folder already has")
    import_parser.add_argument(
        "--ids", type=Path, help="a YAML file of `name: id` lines: the ids to give the people, processes, work groups"
    )
    import_parser.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text: the report in Thai; github: the notes as annotations on the files' lines; json: as data",
    )
    new_parser = commands.add_parser(
        "new", help="make an office's repository: starter data, settings, workflows, README"
    )
    new_parser.add_argument("folder", type=Path, help="a new or empty folder")
    new_parser.add_argument("--office", help="the office's name (asked on a terminal; else a placeholder)")
    new_parser.add_argument("--group", help="the group's name (default: กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา)")
    new_parser.add_argument(
        "--from", dest="sources", nargs="+", type=Path, default=[], help="fill data/ by importing these files"
    )
    new_parser.add_argument(
        "--requirement", help="requirements.txt's line for the generator (default: this version's git tag)"
    )
    migrate_parser = commands.add_parser(
        "migrate", help="rewrite a data folder in an older data format into this version's, keeping every comment"
    )
    migrate_parser.add_argument("data", nargs="?", default="data", type=Path, help="data folder (default: data)")
    schema_parser = commands.add_parser("schema", help="write the JSON Schema of every data file kind")
    schema_parser.add_argument("--check", action="store_true", help="fail if the committed schema is out of date")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return check(args.data, args.format, args.fix, args.strict_ita)
    if args.command == "build":
        from .build import build

        try:
            os.getcwd()
        except FileNotFoundError:
            print("python -m opmanual build: the working folder was removed; go to the project again", file=sys.stderr)
            return SETTINGS_ERROR
        try:
            config = config_file(args.config, os.environ)
            settings = Settings.read(os.environ, config.parent)
        except SettingsError as exc:
            print(f"python -m opmanual build: {exc}", file=sys.stderr)
            return SETTINGS_ERROR
        options = {"data": args.data, "site": args.site, "shard": args.shard, "pdf_jobs": args.jobs}
        changes: dict[str, Any] = {key: value for key, value in options.items() if value is not None}
        changes.update({key: changes[key].resolve() for key in ("data", "site") if key in changes})
        if args.no_pdf:
            changes["pdf"] = False
        return build(replace(settings, **changes), config, verbose=args.verbose)
    if args.command == "import":
        from .importer.command import run as run_import

        return run_import(args.sources, args.into, force=args.force, output=args.format, ids=args.ids)
    if args.command == "new":
        from .newoffice import run as run_new

        return run_new(args.folder, args.office, args.group, args.sources, args.requirement)
    if args.command == "migrate":
        return migrate(args.data)
    return schema(args.check)


def _option(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a settings parser: its error becomes argparse's usage error."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except SettingsError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


if __name__ == "__main__":
    sys.exit(main())
