#!/usr/bin/env python3
"""The package's message catalogues: regenerate them, or check that they are complete.

    python .ci/messages.py update   # `make messages`: makemessages for every app, then compile
    python .ci/messages.py check    # CI: fails if a catalogue is stale, incomplete or fuzzy

Every app of the package (each directory of ``civic_wagtail/`` with an ``apps.py``) has its own
catalogue in ``civic_wagtail/<app>/locale/<lang>/LC_MESSAGES/django.po``; the core's catalogue,
``civic_wagtail/locale/``, leaves the apps' directories out, so each string lives in exactly
one catalogue. The references name the file without a line number (``--add-location=file``)
and ``update`` keeps a catalogue whose only change is its POT-Creation-Date untouched: running
it twice changes nothing, and a change elsewhere in the code does not churn every catalogue.

``check`` regenerates the catalogues into a temporary copy of the package and compares the
sets of msgids with the committed ones (the header and the reference lines are not compared);
then it reports, per file, every msgid that is missing, obsolete, untranslated or fuzzy, runs
``msgfmt --check --statistics`` and verifies that each committed ``.mo`` matches its ``.po``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "civic_wagtail"
LANGUAGES = ("fr", "es")
COMMON_IGNORES = ("tests", "migrations", "static", "__pycache__")


def app_dirs(package: Path = PACKAGE) -> list[Path]:
    """The core first, then every feature app (a directory with an ``apps.py``)."""
    apps = sorted(p.parent for p in package.glob("*/apps.py"))
    return [package, *apps]


def label(app_dir: Path, package: Path = PACKAGE) -> str:
    return "core" if app_dir == package else app_dir.name


def django_admin() -> list[str]:
    return [sys.executable, "-m", "django"]


def makemessages(app_dir: Path, package: Path) -> None:
    ignores = list(COMMON_IGNORES)
    if app_dir == package:
        ignores += [p.name for p in app_dirs(package)[1:]]
    for lang in LANGUAGES:
        (app_dir / "locale" / lang / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    command = [*django_admin(), "makemessages", "--no-obsolete", "--add-location=file"]
    command += [f"--locale={lang}" for lang in LANGUAGES]
    command += [f"--ignore={pattern}" for pattern in ignores]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": ""}
    env.pop("DJANGO_SETTINGS_MODULE")
    result = subprocess.run(command, cwd=app_dir, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"makemessages failed in {app_dir}:\n{result.stdout}{result.stderr}")


def po_files(app_dir: Path) -> list[Path]:
    return [app_dir / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in LANGUAGES]


# --- A small .po reader: enough for catalogues written by xgettext/msgmerge -------------------

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(text: str) -> str:
    return "".join(
        bytes(part, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        for part in _STRING.findall(text)
    )


def read_po(path: Path) -> dict[tuple[str, str], dict]:
    """``{(msgctxt, msgid): {"plural": str|None, "msgstr": [str...], "fuzzy": bool}}``.

    The header (empty msgid) and obsolete entries (``#~``) are left out.
    """
    entries: dict[tuple[str, str], dict] = {}
    entry: dict = {}
    field = None

    def flush():
        nonlocal entry
        if "msgid" in entry and entry["msgid"] != "":
            key = (entry.get("msgctxt", ""), entry["msgid"])
            strings = entry.get("msgstr", {})
            entries[key] = {
                "plural": entry.get("msgid_plural"),
                "msgstr": [strings[i] for i in sorted(strings)],
                "fuzzy": entry.get("fuzzy", False),
            }
        entry = {}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            field = None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if "msgid" in entry:
                flush()
            entry["fuzzy"] = "fuzzy" in line
            continue
        if line.startswith("#"):
            if "msgid" in entry and field and field.startswith("msgstr"):
                flush()
            continue
        match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)", line)
        if match:
            keyword, index, rest = match.groups()
            if keyword in ("msgctxt", "msgid") and field and field.startswith("msgstr"):
                flush()
            if keyword.startswith("msgstr"):
                entry.setdefault("msgstr", {})[int(index or 0)] = _unquote(rest)
                field = f"msgstr{int(index or 0)}"
            else:
                entry[keyword] = _unquote(rest)
                field = keyword
        elif line.startswith('"') and field:
            if field.startswith("msgstr"):
                i = int(field[6:])
                entry["msgstr"][i] += _unquote(line)
            else:
                entry[field] += _unquote(line)
    flush()
    return entries


def _show(key: tuple[str, str]) -> str:
    context, msgid = key
    text = msgid if len(msgid) <= 100 else msgid[:97] + "..."
    return f"{context!r}|{text!r}" if context else repr(text)


def _without_creation_date(text: str) -> str:
    return re.sub(r'^"(POT-Creation|PO-Revision)-Date: .*\\n"$', "", text, flags=re.M)


LANGUAGE_NAMES = {"fr": "French", "es": "Spanish"}


def fix_header(po: Path, lang: str, app: str) -> None:
    """Fill in the header makemessages leaves as a template, and drop its fuzzy flag (msgfmt
    would otherwise skip the header, and with it the Plural-Forms of the language)."""
    text = po.read_text(encoding="utf-8")
    head, sep, rest = text.partition('\n\n')
    fields = {
        "Project-Id-Version": f"civic_wagtail ({app})",
        "Report-Msgid-Bugs-To": "https://github.com/civic-wagtail/civic_wagtail/issues",
        "PO-Revision-Date": None,
        "Last-Translator": "civic_wagtail contributors",
        "Language-Team": f"{LANGUAGE_NAMES[lang]} (civic_wagtail)",
        "Language": lang,
    }
    lines = []
    for line in head.splitlines():
        if line == "#, fuzzy":
            continue
        if line.startswith("# SOME DESCRIPTIVE TITLE"):
            line = f"# {LANGUAGE_NAMES[lang]} messages of civic_wagtail ({app})."
        elif line.startswith("# Copyright (C) YEAR"):
            line = "# Copyright (C) the civic_wagtail contributors"
        elif line.startswith("# This file is distributed"):
            line = "# This file is distributed under the same license as civic_wagtail."
        elif line.startswith("# FIRST AUTHOR"):
            continue
        for name, value in fields.items():
            if line.startswith(f'"{name}:'):
                if value is None:
                    match = re.search(r'"POT-Creation-Date: (.*?)\\n"', head)
                    value = match.group(1) if match else ""
                line = f'"{name}: {value}\\n"'
        lines.append(line)
    po.write_text("\n".join(lines) + sep + rest, encoding="utf-8")


def compile_po(po: Path, mo: Path) -> None:
    subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)


def update() -> int:
    before = {
        po: po.read_text(encoding="utf-8")
        for d in app_dirs()
        for po in po_files(d)
        if po.exists()
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda d: makemessages(d, PACKAGE), app_dirs()))
    for app_dir in app_dirs():
        for lang, po in zip(LANGUAGES, po_files(app_dir), strict=True):
            fix_header(po, lang, label(app_dir))
            old = before.get(po)
            if old is not None and _without_creation_date(old) == _without_creation_date(
                po.read_text(encoding="utf-8")
            ):
                po.write_text(old, encoding="utf-8")
            compile_po(po, po.with_suffix(".mo"))
            entries = read_po(po)
            todo = sum(1 for e in entries.values() if e["fuzzy"] or not all(e["msgstr"]))
            print(f"{po.relative_to(ROOT)}: {len(entries)} msgids, {todo} to translate")
    return 0


def problems_in(po: Path, fresh: Path) -> list[str]:
    """Every reason ``po`` is not shippable, one line per msgid."""
    if not po.exists():
        return ["the catalogue is missing: run `make messages`"]
    lines = []
    header = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
    if "#, fuzzy" in header.splitlines():
        lines.append("the header is fuzzy (msgfmt drops the plural rule): run `make messages`")
    if "Plural-Forms:" not in header or not re.search(r'"Language: \w+', header):
        lines.append("the header has no Language or Plural-Forms: run `make messages`")
    committed, current = read_po(po), read_po(fresh)
    for key in sorted(current.keys() - committed.keys()):
        lines.append(f"missing (run `make messages`): {_show(key)}")
    for key in sorted(committed.keys() - current.keys()):
        lines.append(f"obsolete (run `make messages`): {_show(key)}")
    for key, entry in sorted(committed.items()):
        if entry["fuzzy"]:
            lines.append(f"fuzzy: {_show(key)}")
        elif not entry["msgstr"] or not all(entry["msgstr"]):
            lines.append(f"untranslated: {_show(key)}")
    stats = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
    )
    if stats.returncode:
        lines.append(f"msgfmt --check failed: {stats.stderr.strip()}")
    elif "untranslated" in stats.stderr or "fuzzy" in stats.stderr:
        lines.append(f"msgfmt --statistics: {stats.stderr.strip()}")
    mo = po.with_suffix(".mo")
    if not mo.exists():
        lines.append("the compiled .mo is missing: run `make messages`")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            compiled = Path(tmp) / "django.mo"
            compile_po(po, compiled)
            if compiled.read_bytes() != mo.read_bytes():
                lines.append("the compiled .mo is out of date: run `make messages`")
    return lines


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "civic_wagtail"
        skip = shutil.ignore_patterns("__pycache__", "*.mo", "static")
        shutil.copytree(PACKAGE, copy, ignore=skip)
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda d: makemessages(d, copy), app_dirs(copy)))
        failed = 0
        for app_dir in app_dirs():
            fresh_dir = copy / app_dir.relative_to(PACKAGE)
            for po, fresh in zip(po_files(app_dir), po_files(fresh_dir), strict=True):
                lines = problems_in(po, fresh)
                name = po.relative_to(ROOT)
                if lines:
                    failed += 1
                    print(f"{name}: {len(lines)} problem(s)")
                    for line in lines:
                        print(f"  {line}")
                else:
                    print(f"{name}: {len(read_po(po))} msgids, complete")
    if failed:
        print(f"\n{failed} catalogue(s) to fix: `make messages`, translate, `make messages`.")
        return 1
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["update", "check"])
    args = parser.parse_args(argv)
    return update() if args.action == "update" else check()


if __name__ == "__main__":
    sys.exit(main())
