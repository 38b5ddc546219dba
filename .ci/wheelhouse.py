"""A wheelhouse for installing civic-wagtail with some extras, without an index.

``python .ci/wheelhouse.py DIR EXTRA...`` (run with the project's virtualenv) writes into DIR:
a wheel of civic-wagtail built from this checkout, and a wheel of every distribution that the
core dependencies and the given extras need, repacked from what the virtualenv already has
installed (their RECORD files list every file). Then
``pip install --no-index --find-links DIR "civic-wagtail[events]"`` installs offline in seconds,
and proves that the extra's dependency set is complete: whatever it leaves out is not in DIR.
"""

import base64
import csv
import hashlib
import io
import re
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIST_INFO = {"INSTALLER", "RECORD", "REQUESTED", "direct_url.json"}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement):
    return normalise(re.split(r"[\s\[<>=!~;(]", requirement.strip(), maxsplit=1)[0])


def requirement_extras(requirement):
    match = re.match(r"[^\[;]*\[([^\]]*)\]", requirement)
    return {normalise(e) for e in match.group(1).split(",")} if match else set()


def applies(requirement, extras):
    """Whether a Requires-Dist line applies with these extras (markers other than extra hold
    on this interpreter, which is the one the new project uses)."""
    if ";" not in requirement:
        return True
    marker = requirement.split(";", 1)[1]
    wanted = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
    if wanted:
        return any(normalise(extra) in extras for extra in wanted)
    from packaging.markers import Marker  # pip's vendored copy is not importable; packaging is

    return Marker(marker).evaluate()


def closure(requirements):
    """Every installed distribution these requirements pull in, with the extras asked of each."""
    needed, todo = {}, list(requirements)
    while todo:
        requirement = todo.pop()
        name, extras = requirement_name(requirement), requirement_extras(requirement)
        if name == "civic-wagtail":
            continue
        if name in needed and extras <= needed[name]:
            continue
        needed[name] = needed.get(name, set()) | extras
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            raise SystemExit(f"{name} is needed but not installed in {sys.prefix}") from None
        todo += [r for r in dist.requires or [] if applies(r, needed[name])]
    return needed


def record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [arcname, f"sha256={digest}", str(len(data))]


def write_wheel(path, files, dist_info):
    """``files``: (arcname, bytes) pairs; a RECORD is added under ``dist_info``."""
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as wheel:
        for arcname, data in files:
            wheel.writestr(arcname, data)
            writer.writerow(record_line(arcname, data))
        writer.writerow([f"{dist_info}/RECORD", "", ""])
        wheel.writestr(f"{dist_info}/RECORD", record.getvalue())


def repack(name, target):
    dist = distribution(name)
    dist_info = next(
        str(f).split("/")[0] for f in dist.files if str(f).split("/")[0].endswith(".dist-info")
    )
    tags = [line.split(":", 1)[1].strip() for line in dist.read_text("WHEEL").splitlines()
            if line.startswith("Tag:")]
    pythons, abis, platforms = (sorted({tag.split("-")[i] for tag in tags}) for i in range(3))
    tag = "-".join(".".join(part) for part in (pythons, abis, platforms))
    files = []
    for file in dist.files:
        path = str(file)
        if path.startswith("..") or "__pycache__" in path or path.endswith(".pyc"):
            continue
        if path.startswith(dist_info + "/") and path.split("/", 1)[1] in SKIP_DIST_INFO:
            continue
        located = Path(file.locate())
        if located.is_file():
            files.append((path, located.read_bytes()))
    wheel_name = f"{re.sub(r'[-.]+', '_', dist.metadata['Name'])}-{dist.version}-{tag}.whl"
    write_wheel(target / wheel_name, files, dist_info)


def build_project(target):
    """civic-wagtail's own wheel, from the checkout's tracked package files."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    version = re.search(
        r'__version__\s*=\s*"([^"]+)"', (ROOT / "civic_wagtail" / "__init__.py").read_text()
    ).group(1)
    dist_info = f"civic_wagtail-{version}.dist-info"
    metadata = [
        "Metadata-Version: 2.1",
        "Name: civic-wagtail",
        f"Version: {version}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
        *(f"Requires-Dist: {r}" for r in project["dependencies"]),
    ]
    for extra, requirements in project["optional-dependencies"].items():
        metadata.append(f"Provides-Extra: {extra}")
        metadata += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    files = [
        (str(path.relative_to(ROOT)), path.read_bytes())
        for path in sorted((ROOT / "civic_wagtail").rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]
    files += [
        (f"{dist_info}/METADATA", ("\n".join(metadata) + "\n").encode()),
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: civic-wagtail .ci/wheelhouse.py\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n",
        ),
    ]
    write_wheel(target / f"civic_wagtail-{version}-py3-none-any.whl", files, dist_info)
    return project


def main():
    target, extras = Path(sys.argv[1]), sys.argv[2:]
    target.mkdir(parents=True, exist_ok=True)
    project = build_project(target)
    requirements = list(project["dependencies"])
    todo = list(extras)
    while todo:  # extras may name other extras of the project ([all] = [library,...])
        for requirement in project["optional-dependencies"][todo.pop()]:
            if requirement_name(requirement) == "civic-wagtail":
                todo += sorted(requirement_extras(requirement))
            else:
                requirements.append(requirement)
    needed = closure(requirements)
    for name in sorted(needed):
        repack(name, target)
    print(f"wheelhouse: civic-wagtail and {len(needed)} distributions in {target}")


if __name__ == "__main__":
    main()
