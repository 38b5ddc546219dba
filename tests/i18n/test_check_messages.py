"""System check messages come in the active language: each message and hint is a msgid of its
app's catalogue, translated when the check runs, with the settings and code in it untouched."""

import ast
import re
from importlib import import_module

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from civic_wagtail import checks as core_checks
from civic_wagtail.groups.checks import check_document_serving
from tests.i18n.catalogues import ROOT, catalogues, messages_tool

PACKAGE = ROOT / "civic_wagtail"
CHECK_FILES = sorted([PACKAGE / "checks.py", *PACKAGE.glob("*/checks.py")])
MESSAGE_CLASSES = {"Debug", "Info", "Warning", "Error", "Critical"}
GETTEXT_NAMES = {"_", "gettext"}


def _template(msgid):
    """A regular expression matching ``msgid`` once formatted, capturing its placeholders."""
    pattern, seen = "", set()
    for literal, name in re.findall(r"(.*?)(?:%\((\w+)\)[sd]|$)", msgid, flags=re.S):
        pattern += re.escape(literal)
        if name:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
    return re.compile(pattern, flags=re.S)


def from_catalogue(app, lang, english):
    """The catalogue's translation of ``english`` (a formatted check message or hint)."""
    for (_context, msgid), entry in messages_tool().read_po(catalogues(lang)[app]).items():
        match = _template(msgid).fullmatch(english)
        if match:
            return entry["msgstr"][0] % match.groupdict()
    raise AssertionError(f"no msgid of the {app} {lang} catalogue formats as {english!r}")


def run_in(lang, check):
    with translation.override(lang):
        return check()


def only(messages, check_id):
    (message,) = [m for m in messages if m.id == check_id]
    return message


CASES = {
    "groups.W001": (
        "groups",
        {"WAGTAILDOCS_SERVE_METHOD": "direct"},
        lambda: only(check_document_serving(None), "civic_wagtail_groups.W001"),
    ),
    "core.E011": (
        "core",
        {"AUTHENTICATION_BACKENDS": ["django.contrib.auth.backends.ModelBackend"]},
        lambda: only(core_checks.check_settings(), "civic_wagtail.E011"),
    ),
    "core.E013": (
        "core",
        {"WAGTAIL_I18N_ENABLED": False},
        lambda: only(core_checks.check_settings(), "civic_wagtail.E013"),
    ),
}


@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("case", CASES)
def test_a_check_speaks_the_active_language(case, lang):
    app, overrides, check = CASES[case]
    with override_settings(**overrides):
        english = run_in("en", check)
        translated = run_in(lang, check)
    assert translated.id == english.id
    for field in ("msg", "hint"):
        text, original = getattr(translated, field), getattr(english, field)
        assert text != original, f"{case} {field} is still English in {lang}"
        assert text == from_catalogue(app, lang, original)
        # Setting names and code are the same in every language.
        for token in re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|'[\w.]+'", original):
            assert token in text, f"{case} {field} lost {token} in {lang}"


def test_the_language_is_read_when_the_check_runs_not_at_import():
    for path in CHECK_FILES:
        module = import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        assert getattr(module, "_", gettext) is gettext, f"{path}: `_` must be gettext"


def _is_translated(node):
    """``_("...")``, ``_("... %(x)s") % {...}``, or a choice between two such expressions."""
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        return (
            name in GETTEXT_NAMES
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _is_translated(node.left)
    if isinstance(node, ast.IfExp):
        return _is_translated(node.body) and _is_translated(node.orelse)
    return False


def check_messages(path):
    """``(line, argument, node)`` for the msg and hint of every check message built in ``path``."""
    for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
        if name not in MESSAGE_CLASSES:
            continue
        keywords = {k.arg: k.value for k in call.keywords}
        yield call.lineno, "msg", call.args[0] if call.args else keywords.get("msg")
        if "hint" in keywords:
            yield call.lineno, "hint", keywords["hint"]


def test_every_check_message_and_hint_goes_through_gettext():
    found = [(path, *message) for path in CHECK_FILES for message in check_messages(path)]
    assert len(CHECK_FILES) >= 11 and len(found) >= 80  # ~46 messages, nearly all with a hint
    untranslated = [
        f"{path.relative_to(ROOT)}:{line} {argument}"
        for path, line, argument, node in found
        if not _is_translated(node)
    ]
    assert not untranslated, f"check messages outside gettext: {untranslated}"
