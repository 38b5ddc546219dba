"""axe-core inside Debian's chromium: fail on any serious or critical violation."""

from axe_playwright_python.sync_playwright import Axe

#: WCAG 2.2 AA and axe's best practices.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def blocking_violations(page):
    results = _axe.run(page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def assert_accessible(page):
    """Run axe on ``page``'s current document; fail listing every serious/critical issue."""
    violations = blocking_violations(page)
    if violations:
        lines = []
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(
                f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}"
            )
        raise AssertionError(f"axe found on {page.url}:\n" + "\n".join(lines))
