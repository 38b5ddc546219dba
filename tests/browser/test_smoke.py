"""The home and sign-up pages in a real browser, at phone and desktop widths."""

from tests.browser.axe import assert_accessible


def test_home_page_is_accessible(page, live_server, home_page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Civic Exchange"
    # The skip link is the first thing a keyboard user reaches, and it leads to main.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    # A link styled as a button keeps white text on the accent colour.
    join = page.get_by_role("link", name="Join the community")
    colours = join.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(11, 83, 148)"]
    assert_accessible(page)


def test_signup_page_is_accessible_and_reports_errors(
    page, live_server, home_page, verified_member
):
    page.goto(live_server.url + "/accounts/signup/")
    assert_accessible(page)
    page.fill("input[name=email]", verified_member.email)
    page.fill("input[name=password1]", "a sturdy passphrase 42")
    page.fill("input[name=password2]", "a sturdy passphrase 42")
    page.fill("input[name=display_name]", "Nia Newcomer")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "already registered with this email" in page.content()
    assert page.input_value("input[name=display_name]") == "Nia Newcomer"
    assert_accessible(page)
