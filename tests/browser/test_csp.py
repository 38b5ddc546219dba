"""The Content-Security-Policy in a real browser: nothing on the site is blocked by it.

Every `securitypolicyviolation` event a page fires is recorded by a script that the browser
runs before the page's own (Playwright's init scripts are not subject to the page's policy),
and every "Content Security Policy" console error too. Public pages of every page type, as a
visitor and as an editor (with Wagtail's user bar), and the Wagtail admin screens an editor
and a reviewer use, must show none. axe is not run here, so its injection cannot hide or
cause a violation.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from civic_wagtail import roles
from tests.browser.conftest import VIEWPORTS
from tests.factories import member
from tests.pages import every_page_type

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber}`
  );
});
"""


class Recorder:
    """A browser tab that remembers every CSP violation of every document it shows."""

    def __init__(self, browser, live_server):
        self.live_server = live_server
        self.context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-GB")
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.console = []
        self.page.on(
            "console",
            lambda message: self.console.append(message.text)
            if "Content Security Policy" in message.text
            else None,
        )

    def log_in(self, user):
        client = Client()
        client.force_login(user)
        self.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": self.live_server.url,
                }
            ]
        )

    def visit(self, path):
        """Open ``path``, let its scripts run, and return the violations it fired."""
        response = self.page.goto(self.live_server.url + path)
        assert response.status == 200, path
        self.page.wait_for_load_state("load")
        return self.violations(path)

    def violations(self, path):
        found = self.page.evaluate("window.__cspViolations") + self.console
        self.console = []
        return [f"{path}: {violation}" for violation in found]

    def close(self):
        self.context.close()


@pytest.fixture
def recorder(browser, live_server):
    recorder = Recorder(browser, live_server)
    yield recorder
    recorder.close()


@pytest.fixture
def pages(home_page):
    return every_page_type(home_page)


def public_paths(home_page, pages):
    paths = [home_page.url, *(page.url for page in pages["all"])]
    return [*paths, "/accounts/login/", "/accounts/signup/"]


def test_public_pages_fire_no_violation_for_visitors(recorder, home_page, pages):
    violations = []
    for path in public_paths(home_page, pages):
        violations += recorder.visit(path)
    assert violations == []


def test_public_pages_fire_no_violation_for_an_editor_with_the_user_bar(
    recorder, home_page, pages
):
    recorder.log_in(member(username="eli", role_names=[roles.EDITORS]))
    violations = []
    for path in public_paths(home_page, pages):
        violations += recorder.visit(path)
        assert recorder.page.locator("wagtail-userbar").count() == 1, path
    assert violations == []


def test_the_admin_works_under_its_policy(recorder, home_page, pages):
    """The screens an editor uses run their scripts: the inline panel adds a row, the
    preview panel shows the page, the draft preview renders."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    editors = roles.get_group(roles.EDITORS)
    # An earlier live-server test's flush removes what the migrations granted (admin access,
    # page permissions): grant them here so this test does not depend on the order it runs in.
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=home_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    recorder.log_in(member(username="eli", role_names=[roles.EDITORS]))
    practice = pages["first"]
    violations = recorder.visit("/admin/")
    violations += recorder.visit(reverse("wagtailadmin_explore", args=[home_page.pk]))

    edit = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    violations += recorder.visit(edit)
    assert violations == []
    assert recorder.page.url.endswith(edit), recorder.page.url  # not sent elsewhere
    # The editor's header buttons are moved into place by Wagtail's scripts.
    recorder.page.set_default_timeout(30_000)
    # The preview panel posts the form and shows the page in an iframe (frame-src 'self').
    recorder.page.locator("button[data-side-panel-toggle='preview']").click()
    preview = recorder.page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text("Permit tracker", timeout=30_000)
    # Wagtail's inline-panel script (an inline <script>) runs: "Add outcome" adds a row.
    rows = recorder.page.locator("#id_outcomes-FORMS > [data-inline-panel-child]")
    before = rows.count()
    recorder.page.locator("#id_outcomes-ADD").click()
    expect(rows).to_have_count(before + 1)
    violations += recorder.violations(edit + " (preview panel)")

    violations += recorder.visit(reverse("wagtailadmin_pages:view_draft", args=[practice.pk]))
    violations += recorder.visit(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk]))
    assert violations == []
