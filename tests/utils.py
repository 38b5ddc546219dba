import pytest
from django.db import connection

#: Marks a test that only means something on PostgreSQL (row locks, concurrency).
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)


def logged_in(user):
    """A test client with ``user`` logged in."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def assert_email_links_resolve(messages):
    """Every link in these emails is on the served host (the Wagtail ``Site``, or
    ``WAGTAILADMIN_BASE_URL`` for admin links) and opens for its recipient (no 4xx or 5xx)."""
    import re
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Site

    hosts = {
        Site.objects.get(is_default_site=True).root_url,
        settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    checked = 0
    for message in messages:
        client = Client()
        recipient = get_user_model().objects.filter(email__iexact=message.to[0]).first()
        if recipient is not None:
            client.force_login(recipient)
        for url in re.findall(r"https?://[^\s<>\"')]+", message.body):
            parts = urlsplit(url.rstrip(".,;"))
            assert f"{parts.scheme}://{parts.netloc}" in hosts, (message.subject, url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            status = client.get(path).status_code
            assert status < 400, (message.subject, url, status)
            checked += 1
    assert checked, "these emails carry no link"


def panel_cost(panel_hook, user, path="/members/me/"):
    """Queries of rendering one dashboard panel for ``user`` (the panel and its HTML)."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    request = RequestFactory().get(path)
    request.user = user
    with CaptureQueriesContext(connection) as ctx:
        panel = panel_hook(request)
        html = panel.render_html() if panel is not None else ""
    return len(ctx.captured_queries), str(html)


def run_together(work, arguments, timeout=120):
    """Call ``work(argument)`` for each of ``arguments`` in its own thread, all released at
    once by a barrier, each closing its database connection when done; the results in the
    order of ``arguments`` (an exception raised by ``work`` is returned in its place).

    The scaffolding of every concurrency test: with ``django_db(transaction=True)`` each
    thread has its own connection, so row locks really are contended."""
    import threading

    barrier = threading.Barrier(len(arguments))
    results = [None] * len(arguments)

    def run(position, argument):
        try:
            barrier.wait(timeout=30)
            results[position] = work(argument)
        except Exception as error:  # noqa: BLE001 - handed back to the test to assert on
            results[position] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(position, argument))
        for position, argument in enumerate(arguments)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results
