"""Per-feature installs: the extras of pyproject.toml match civic_wagtail/features.py, and the
core dependencies bring no feature's libraries (an events-only site gets no comment or
object-permission library). CI also installs `civic-wagtail[events]` into a new project."""

import re
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest

from civic_wagtail.features import FEATURES

PYPROJECT = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
EXTRAS = PYPROJECT["project"]["optional-dependencies"]


def name_of(requirement):
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def closure(requirements):
    """Every distribution ``requirements`` install, through the installed metadata."""
    seen, todo = set(), [name_of(r) for r in requirements]
    while todo:
        name = todo.pop()
        if name in seen or name == "civic-wagtail":
            continue
        seen.add(name)
        try:
            todo += [name_of(r) for r in requires(name) or [] if "extra ==" not in r]
        except PackageNotFoundError:
            pass
    return seen


def dists_of(module):
    return {d.lower().replace("_", "-") for d in packages_distributions().get(module, [])}


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f.extra)
def test_each_feature_has_an_extra_that_installs_what_it_imports(feature):
    assert feature.extra in EXTRAS
    assert f"civic-wagtail[{feature.extra}]" in feature.pip
    installed = closure(EXTRAS[feature.extra])
    for module in feature.modules:
        assert dists_of(module) & installed, f"{module} is not installed by [{feature.extra}]"


def test_all_installs_every_feature_and_dev_installs_all():
    (everything,) = EXTRAS["all"]
    assert set(everything.split("[")[1].rstrip("]").split(",")) == {f.extra for f in FEATURES}
    assert any("all" in r.split("[")[1] for r in EXTRAS["dev"] if r.startswith("civic-wagtail"))


def test_the_core_brings_no_feature_library():
    core = closure(PYPROJECT["project"]["dependencies"])
    for feature in FEATURES:
        for module in feature.modules:
            if module == "dateutil":
                continue  # Wagtail's own dependencies may bring it; only events needs it
            assert not dists_of(module) & core, f"the core installs {module} ({feature.extra})"
    events_only = core | closure(EXTRAS["events"])
    for library in ("django-comments-xtd", "django-contrib-comments", "django-guardian"):
        assert library not in events_only
