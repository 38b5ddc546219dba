"""The package's message catalogues, read with .ci/messages.py (the tool of `make messages`)."""

import importlib.util
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@cache
def messages_tool():
    spec = importlib.util.spec_from_file_location("civic_messages", ROOT / ".ci" / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogues(lang):
    """``{app label: path of the lang .po}`` for the core and every feature app."""
    tool = messages_tool()
    return {
        tool.label(app): app / "locale" / lang / "LC_MESSAGES" / "django.po"
        for app in tool.app_dirs()
    }
