"""Prove docs/tutorial/installation.md: apply it to a brand-new `wagtail start` project.

``check_install_guide.py [full|events-only] [--python PATH]``

The guide marks what to apply:

- ``<!-- apply: append FILE -->`` before a Python block appends it to FILE (relative to the
  project package); ``<!-- apply: append FILE feature=NAME -->`` only when the profile installs
  that feature;
- ``<!-- apply: copy FILE SOURCE -->`` copies SOURCE (relative to this repository) to FILE;
- ``<!-- run -->`` (every profile) or ``<!-- run: PROFILE -->`` before a console block runs its
  ``python manage.py`` lines, ``runserver`` excepted.

Profile ``full`` installs every feature (with the Python running this script, where the
package is installed), into a project whose settings already have a single-sign-on backend of
their own and ``LANGUAGE_CODE = "en-us"``: both must survive the guide. Profile
``events-only`` uses the Python given with ``--python`` (a virtualenv with
``civic-wagtail[events]`` alone), applies only the core and events blocks, and proves an iCal
feed answers. Both then run ``check``, the guide's commands, ``check --deploy`` on the
production settings (no civic_wagtail warning may remain), and render the package's pages
through the project's own base template. Exits non-zero on any failure.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "tutorial" / "installation.md"
PROJECT = "agency_site"
PROFILES = {
    "full": {"library", "review", "discussion", "events", "mentoring", "recognition", "transparency", "improvement", "groups", "french"},
    "events-only": {"events"},
}

APPLY = re.compile(
    r"<!-- apply: (?P<mode>append) (?P<file>\S+)(?: feature=(?P<feature>\w+))? -->\s*"
    r"```python\n(?P<code>.*?)```"
    r"|<!-- apply: (?P<copy>copy) (?P<target>\S+) (?P<source>\S+) -->",
    re.S,
)
RUN = re.compile(r"<!-- run(?:: (?P<profile>[\w-]+))? -->\s*```console\n(?P<code>.*?)```", re.S)

#: What an agency's settings already have before the guide: it must survive.
LIVED_IN_SETTINGS = """
# The agency's own sign-on, before civic_wagtail: the guide must keep it.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "agency_site.sso.SingleSignOnBackend",
]
"""
SSO_BACKEND = """from django.contrib.auth.backends import BaseBackend


class SingleSignOnBackend(BaseBackend):
    def authenticate(self, request, **credentials):
        return None
"""
#: production.py reads local.py last: what a deployment sets from its environment.
PRODUCTION_LOCAL = """
SECRET_KEY = "ci-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
ALLOWED_HOSTS = ["www.agency.example.gov"]
"""

RENDER = """
import importlib.util

from django.conf import settings
from django.test import Client
from wagtail.models import Site

PROFILE = {profile!r}
client = Client()
failures = []
if "agency_site.sso.SingleSignOnBackend" not in settings.AUTHENTICATION_BACKENDS:
    failures.append("the site's own authentication backend did not survive the guide")
if settings.LANGUAGE_CODE != "en-us":
    failures.append(f"LANGUAGE_CODE became {{settings.LANGUAGE_CODE!r}}, not the site's en-us")
signup = client.get("/accounts/signup/")
html = signup.content.decode()
if signup.status_code != 200:
    failures.append(f"/accounts/signup/ answered {{signup.status_code}}")
if "civic_wagtail/css/civic_wagtail.css" not in html or {base_marker!r} not in html:
    failures.append("sign-up page is not rendered through the project's base.html")
root = Site.objects.get(is_default_site=True).root_page
sections = [
    p for p in root.get_children().live().specific()
    if type(p).__module__.startswith("civic_wagtail")
]
if not sections:
    failures.append("seed_demo created no civic_wagtail pages under the home page")
for page in sections:
    response = client.get(page.url)
    if response.status_code != 200 or {base_marker!r} not in response.content.decode():
        failures.append(f"{{page.url}} answered {{response.status_code}}")
    elif "'unsafe-inline'" in response.get("Content-Security-Policy", "'unsafe-inline'"):
        failures.append(f"{{page.url}} has no strict Content-Security-Policy")
    elif "Permissions-Policy" not in response:
        failures.append(f"{{page.url}} has no Permissions-Policy")
    else:
        print("rendered", page.url, type(page).__name__)
feeds = ["/calendar/all.ics"] + (["/calendar/fr/all.ics"] if PROFILE == "full" else [])
for url in feeds:
    feed = client.get(url)
    body = b"".join(feed.streaming_content) if feed.streaming else feed.content
    # Every feed answers; the site-wide one lists the seeded events.
    wanted = b"BEGIN:VEVENT" if url == "/calendar/all.ics" else b"BEGIN:VCALENDAR"
    if feed.status_code != 200 or wanted not in body:
        failures.append(f"{{url}} answered {{feed.status_code}} without {{wanted.decode()}}")
    else:
        print("feed", url, feed["Content-Type"], body.count(b"BEGIN:VEVENT"), "events")
# The reference base.html: skip link, its style, lang following the language, account links.
page = client.get("/events/").content.decode()
for needle in ['class="skip-link" href="#main"', '<main id="main"', "civic_wagtail/css/base.css",
               'href="/accounts/login/"', 'href="/accounts/signup/"', '<html lang="en-us">']:
    if needle not in page:
        failures.append(f"the reference base.html lacks {{needle!r}} on /events/")
if PROFILE == "full":
    french = client.get("/events/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    if '<html lang="fr">' not in french:
        failures.append("the lang attribute does not follow the active language")
else:
    for module in ("django_comments_xtd", "django_comments", "guardian", "markdown", "nh3"):
        if importlib.util.find_spec(module) is not None:
            failures.append(f"the events-only install brought {{module}}")
if failures:
    raise SystemExit("\\n".join(failures))
print("installation guide ({profile}): OK")
"""


#: After `civic_wagtail_uninstall mentoring`, `migrate ... zero` and the app's removal: the site
#: and the admin answer, nothing of mentoring is left (issue: /mentoring/ and the dashboard 500).
AFTER_UNINSTALL = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Page, Site

client = Client()
failures = []
root = Site.objects.get(is_default_site=True).root_page
urls = ["/"] + [page.url for page in root.get_children().live()]
for url in urls:
    status = client.get(url).status_code
    if status != 200:
        failures.append(f"{url} answered {status} after removing mentoring")
if client.get("/mentoring/").status_code != 404:
    failures.append("/mentoring/ is still served")
admin = get_user_model().objects.get(email="admin@example.gov")
client.force_login(admin)
with override_settings(CIVIC_WAGTAIL_REQUIRE_MFA_FOR_ADMIN=False):
    for url in ["/admin/", "/admin/pages/", f"/admin/pages/{root.pk}/", "/admin/groups/"]:
        status = client.get(url).status_code
        if status != 200:
            failures.append(f"{url} answered {status} after removing mentoring")
left = {
    "content types": ContentType.objects.filter(app_label="civic_wagtail_mentoring").count(),
    "pages": Page.objects.filter(content_type__app_label="civic_wagtail_mentoring").count(),
    "groups": Group.objects.filter(name="Mentoring coordinators").count(),
    "tables": sum(
        t.startswith("civic_wagtail_mentoring") for t in connection.introspection.table_names()
    ),
}
failures += [f"{count} mentoring {what} left" for what, count in left.items() if count]
if failures:
    raise SystemExit("\\n".join(failures))
print("uninstall of mentoring: OK (", ", ".join(urls), "and the admin answer 200)")
"""


def run(args, cwd, **kwargs):
    print("$", " ".join(args), flush=True)
    return subprocess.run(args, cwd=cwd, check=True, **kwargs)  # noqa: S603


def apply_blocks(guide, package, features):
    for block in APPLY.finditer(guide):
        if block["copy"]:
            shutil.copyfile(ROOT / block["source"], package / block["target"])
            print(f"copied {block['source']} to {block['target']}")
            continue
        if block["feature"] and block["feature"] not in features:
            continue
        target = package / block["file"]
        if not target.exists():
            raise SystemExit(f"the guide names {block['file']}, which wagtail start lacks")
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n\n" + block["code"])
        print(f"applied a block of {len(block['code'].splitlines())} lines to {block['file']}")


def commands(guide, profile):
    for block in RUN.finditer(guide):
        if block["profile"] not in (None, profile):
            continue
        for line in block["code"].splitlines():
            if line.startswith("python manage.py ") and "runserver" not in line:
                yield shlex.split(line.removeprefix("python manage.py "))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("profile", nargs="?", default="full", choices=sorted(PROFILES))
    parser.add_argument("--python", default=sys.executable)
    options = parser.parse_args()
    python = os.path.abspath(options.python)  # not resolved: a virtualenv's python is a link
    features = PROFILES[options.profile]
    guide = GUIDE.read_text(encoding="utf-8")
    if not APPLY.search(guide):
        raise SystemExit(f"{GUIDE}: no '<!-- apply: ... -->' blocks found")
    with tempfile.TemporaryDirectory(prefix="civic-guide-") as tmp:
        project_dir = Path(tmp) / PROJECT
        project_dir.mkdir()
        run([str(Path(python).parent / "wagtail"), "start", PROJECT, str(project_dir)], cwd=tmp)
        package = project_dir / PROJECT
        base = package / "settings" / "base.py"
        if 'LANGUAGE_CODE = "en-us"' not in base.read_text():
            raise SystemExit("wagtail start no longer sets LANGUAGE_CODE = 'en-us': update this")
        with base.open("a", encoding="utf-8") as handle:
            handle.write(LIVED_IN_SETTINGS)
        (package / "sso.py").write_text(SSO_BACKEND)
        (package / "settings" / "local.py").write_text("")  # dev.py reads it too: empty
        apply_blocks(guide, package, features)
        run([python, "manage.py", "check", "--fail-level", "WARNING"], cwd=project_dir)
        for args in commands(guide, options.profile):
            if args[0] == "seed_demo":
                args.append("--no-progress")
            run([python, "manage.py", *args], cwd=project_dir)
        # Production settings as a deployment sets them: the guide leaves no civic_wagtail
        # warning for a live site (email, UID domain, sites record...).
        (package / "settings" / "local.py").write_text(PRODUCTION_LOCAL)
        production = "--settings=agency_site.settings.production"
        deploy = run(
            [python, "manage.py", "check", "--deploy", production],
            cwd=project_dir,
            capture_output=True,
            text=True,
        )
        output = (deploy.stdout + deploy.stderr).splitlines()
        ours = [line for line in output if "civic_wagtail" in line]
        if ours:
            raise SystemExit("check --deploy on the production settings:\n" + "\n".join(ours))
        print("check --deploy (production settings): no civic_wagtail warning")
        (package / "settings" / "local.py").write_text("")
        # The guide copies its reference base.html over the project's: pages carry its skip link.
        render = RENDER.format(profile=options.profile, base_marker='class="skip-link"')
        run([python, "manage.py", "shell", "-c", render], cwd=project_dir)
        if options.profile == "full":
            uninstall_mentoring(python, project_dir, base)


def uninstall_mentoring(python, project_dir, base):
    """docs/how-to/uninstall.md on the seeded site: the steps the command prints, in order."""
    manage = [python, "manage.py"]
    run([*manage, "civic_wagtail_uninstall", "mentoring", "--yes"], cwd=project_dir)
    run([*manage, "migrate", "civic_wagtail_mentoring", "zero", "-v", "0"], cwd=project_dir)
    with base.open("a", encoding="utf-8") as handle:
        handle.write('\nINSTALLED_APPS.remove("civic_wagtail.mentoring")\n')
    run([*manage, "civic_wagtail_uninstall", "mentoring", "--yes"], cwd=project_dir)
    run([*manage, "check", "--fail-level", "WARNING"], cwd=project_dir)
    run([*manage, "shell", "-c", AFTER_UNINSTALL], cwd=project_dir)


if __name__ == "__main__":
    main()
