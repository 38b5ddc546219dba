"""Prove docs/tutorial/installation.md: apply it to a brand-new `wagtail start` project.

The guide marks each code block to apply with ``<!-- apply: append FILE -->`` (FILE relative to
the project package). The script creates a project, appends the blocks, then runs the
commands the guide shows (`check`, `migrate`, `seed_demo ...`) and renders pages of the
package through the new project's own base template. Exits non-zero on any failure.
"""

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "tutorial" / "installation.md"
BIN = Path(sys.executable).parent
PROJECT = "agency_site"

APPLY = re.compile(r"<!-- apply: (?P<mode>\w+) (?P<file>\S+) -->\s*```python\n(?P<code>.*?)```", re.S)
SEED = re.compile(r"^python manage\.py (seed_demo.*)$", re.M)

RENDER = """
from django.test import Client
from wagtail.models import Site

client = Client()
failures = []
signup = client.get("/accounts/signup/")
html = signup.content.decode()
if signup.status_code != 200:
    failures.append(f"/accounts/signup/ answered {signup.status_code}")
if "civic_wagtail/css/civic_wagtail.css" not in html or "css/agency_site.css" not in html:
    failures.append("sign-up page is not rendered through the project's base.html")
root = Site.objects.get(is_default_site=True).root_page
sections = [p for p in root.get_children().live().specific() if type(p).__module__.startswith("civic_wagtail")]
if not sections:
    failures.append("seed_demo created no civic_wagtail pages under the home page")
for page in sections:
    response = client.get(page.url)
    if response.status_code != 200 or "css/agency_site.css" not in response.content.decode():
        failures.append(f"{page.url} answered {response.status_code}")
    elif "'unsafe-inline'" in response.get("Content-Security-Policy", "'unsafe-inline'"):
        failures.append(f"{page.url} has no strict Content-Security-Policy")
    elif "Permissions-Policy" not in response:
        failures.append(f"{page.url} has no Permissions-Policy")
    else:
        print("rendered", page.url, type(page).__name__)
if failures:
    raise SystemExit("\\n".join(failures))
print("installation guide: OK")
"""


def run(args, cwd):
    print("$", " ".join(args), flush=True)
    subprocess.run(args, cwd=cwd, check=True)  # noqa: S603


def main():
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = list(APPLY.finditer(guide))
    if not blocks:
        raise SystemExit(f"{GUIDE}: no '<!-- apply: ... -->' blocks found")
    with tempfile.TemporaryDirectory(prefix="civic-guide-") as tmp:
        project_dir = Path(tmp) / PROJECT
        project_dir.mkdir()
        run([str(BIN / "wagtail"), "start", PROJECT, str(project_dir)], cwd=tmp)
        package = project_dir / PROJECT
        for block in blocks:
            if block["mode"] != "append":
                raise SystemExit(f"unknown apply mode {block['mode']!r}")
            target = package / block["file"]
            if not target.exists():
                raise SystemExit(f"the guide names {block['file']}, which wagtail start lacks")
            with target.open("a", encoding="utf-8") as handle:
                handle.write("\n\n" + block["code"])
            print(f"applied a block of {len(block['code'].splitlines())} lines to {block['file']}")
        python = str(BIN / "python")
        run([python, "manage.py", "check", "--fail-level", "WARNING"], cwd=project_dir)
        run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=project_dir)
        for command in SEED.findall(guide):
            run([python, "manage.py", *shlex.split(command), "--no-progress"], cwd=project_dir)
        run([python, "manage.py", "shell", "-c", RENDER], cwd=project_dir)


if __name__ == "__main__":
    main()
