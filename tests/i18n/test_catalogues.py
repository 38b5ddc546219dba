"""Every app of the package ships complete, compiled fr and es catalogues, plurals right."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from tests.i18n.catalogues import ROOT, catalogues, messages_tool

LANGUAGES = ("fr", "es")
MSGFMT = shutil.which("msgfmt") or "/usr/bin/msgfmt"


def msgfmt(*args, **kwargs):
    return subprocess.run([MSGFMT, *args], check=True, **kwargs)  # noqa: S603


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_app_has_a_complete_compiled_catalogue(lang):
    tool = messages_tool()
    found = catalogues(lang)
    assert {"core", "discussion", "events", "library", "members", "mentoring"} <= set(found)
    for app, po in found.items():
        assert po.exists(), f"{app} has no {lang} catalogue: run `make messages`"
        stats = msgfmt(
            "--check", "--statistics", "-o", "/dev/null", str(po), capture_output=True, text=True
        ).stderr
        assert "untranslated" not in stats and "fuzzy" not in stats, f"{po}: {stats}"
        entries = tool.read_po(po)
        todo = [m for (_c, m), e in entries.items() if e["fuzzy"] or not all(e["msgstr"])]
        assert not todo, f"{po}: untranslated or fuzzy: {todo}"
        mo = po.with_suffix(".mo")
        assert mo.exists() and mo.stat().st_size > 0, f"{mo} missing: run `make messages`"
        # The header is not fuzzy (msgfmt would drop it, and the language's plural rule with it).
        assert "#, fuzzy" not in po.read_text().split("\n\n", 1)[0]


def test_plurals_follow_each_language_rule():
    with translation.override("fr"):
        # French: 0 and 1 take the singular.
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 0) == (
            "%(counter)s résultat"
        )
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 2) == (
            "%(counter)s résultats"
        )
    with translation.override("es"):
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 0) == (
            "%(counter)s resultados"
        )
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 1) == (
            "%(counter)s resultado"
        )


def test_each_app_translates_its_own_strings_in_the_running_site():
    expected = {
        "fr": {
            "Best practices": "Pratiques exemplaires", "Upcoming events": "Événements à venir",
            "Start a thread": "Lancer un fil de discussion", "Find a mentor": "Trouver un mentor",
            "Your dashboard": "Votre tableau de bord", "Peer reviewed": "Évalué par les pairs",
        },
        "es": {"Best practices": "Buenas prácticas", "Upcoming events": "Próximos eventos",
               "Start a thread": "Iniciar un hilo", "Find a mentor": "Buscar un mentor",
               "Your dashboard": "Su panel", "Peer reviewed": "Revisado por pares"},
    }
    for lang, strings in expected.items():
        with translation.override(lang):
            for msgid, msgstr in strings.items():
                assert translation.gettext(msgid) == msgstr


def _po(path, body):
    header = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
    )
    path.write_text(header + body, encoding="utf-8")
    return path


def test_the_check_names_each_missing_untranslated_fuzzy_and_obsolete_msgid(tmp_path):
    tool = messages_tool()
    fresh = _po(tmp_path / "fresh.po", (
        'msgid "Kept"\nmsgstr ""\n\n'
        'msgid "Untranslated"\nmsgstr ""\n\n'
        'msgid "Fuzzy"\nmsgstr ""\n\n'
        'msgid "One item"\nmsgid_plural "%(n)s items"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid "New in the code"\nmsgstr ""\n'
    ))
    committed = _po(tmp_path / "django.po", (
        '#: views.py\nmsgid "Kept"\nmsgstr "Gardé"\n\n'
        'msgid "Untranslated"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Fuzzy"\nmsgstr "Flou"\n\n'
        'msgid "One item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "Un élément"\nmsgstr[1] ""\n\n'
        'msgid "Gone from the code"\nmsgstr "Parti"\n'
    ))
    msgfmt("-o", str(committed.with_suffix(".mo")), str(committed))
    problems = tool.problems_in(committed, fresh)
    assert "missing (run `make messages`): 'New in the code'" in problems
    assert "obsolete (run `make messages`): 'Gone from the code'" in problems
    assert "untranslated: 'Untranslated'" in problems
    assert "untranslated: 'One item'" in problems
    assert "fuzzy: 'Fuzzy'" in problems
    assert not any("Kept" in line for line in problems)
    assert not any(line.startswith("the header") for line in problems)
    assert any(line.startswith("msgfmt --statistics") for line in problems)
    # Complete, in step with the code and compiled: nothing to report; then a stale .mo.
    complete = _po(tmp_path / "complete.po", (
        'msgid "Kept"\nmsgstr "Gardé"\n\nmsgid "Untranslated"\nmsgstr "Traduit"\n\n'
        'msgid "Fuzzy"\nmsgstr "Net"\n\n'
        'msgid "One item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "Un élément"\n'
        'msgstr[1] "%(n)s éléments"\n\nmsgid "New in the code"\nmsgstr "Nouveau"\n'
    ))
    mo = complete.with_suffix(".mo")
    msgfmt("-o", str(mo), str(complete))
    assert tool.problems_in(complete, fresh) == []
    mo.write_bytes(Path(committed.with_suffix(".mo")).read_bytes())
    assert tool.problems_in(complete, fresh) == [
        "the compiled .mo is out of date: run `make messages`"
    ]
    # A header left fuzzy by a bare makemessages loses the plural rule in the .mo.
    complete.write_text("#, fuzzy\n" + complete.read_text())
    assert any("header is fuzzy" in line for line in tool.problems_in(complete, fresh))


def test_the_wheel_ships_the_compiled_catalogues_of_every_app(tmp_path):
    """Build the wheel as a release would (pip, setuptools from the index) and list its .mo."""
    import sys
    import zipfile

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("civic_wagtail-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in LANGUAGES:
        for po in catalogues(lang).values():
            mo = po.with_suffix(".mo").relative_to(ROOT).as_posix()
            assert mo in names, f"the wheel lacks {mo}"
