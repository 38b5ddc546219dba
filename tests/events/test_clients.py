"""The windowed site feed imports into real calendar clients with nothing skipped: calcurse
and khal (Debian packages; CI installs them, a developer without them is told how)."""

import os
import shutil
import subprocess
from datetime import date, time, timedelta

import pytest
from icalendar import Calendar

from tests.events.helpers import make_event, make_index

pytestmark = pytest.mark.django_db

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _client(name):
    path = shutil.which(name)
    if path is None:
        message = f"{name} not found: apt-get install -y calcurse khal"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def feed(client, home_page):
    """A feed with what the demo publishes: a recent past event, a timed event in another
    zone, an all-day event, and a weekly series with a cancelled and a moved date."""
    index = make_index(home_page)
    today = date.today()
    make_event(index, title="Recent", slug="recent", start_date=today - timedelta(days=30),
               end_date=today - timedelta(days=30))
    make_event(index, title="Tokyo", slug="tokyo", time_zone="Asia/Tokyo",
               start_date=today + timedelta(days=3), end_date=today + timedelta(days=3))
    make_event(index, title="Open day", slug="open-day", all_day=True,
               start_date=today + timedelta(days=5), end_date=today + timedelta(days=5))
    start = today + timedelta(days=1)
    make_event(
        index,
        title="Weekly call",
        slug="weekly",
        start_date=start,
        end_date=start,
        repeat="weekly",
        repeat_weekdays=[DAYS[start.weekday()]],
        repeat_count=6,
        changes=[
            {"original_date": start + timedelta(days=7), "action": "cancel"},
            {
                "original_date": start + timedelta(days=14),
                "action": "move",
                "new_date": start + timedelta(days=15),
                "new_start_time": time(12),
                "new_end_time": time(13),
            },
        ],
    )
    body = client.get("/calendar/all.ics").content
    return body, Calendar.from_ical(body)


def calcurse_import(body, tmp_path):
    """Import the feed ``body`` into a fresh calcurse; its report (``N skipped`` at the end)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "feed.ics"
    path.write_bytes(body)
    result = subprocess.run(  # noqa: S603
        [_client("calcurse"), "-D", str(tmp_path / "calcurse"), "-i", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def imported_everything(report):
    return " 0 skipped" in report or "/ 0 skipped" in report


def khal_import(body, tmp_path):
    """Import the feed ``body`` into a fresh khal calendar; ``(khal, config, store)``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "feed.ics"
    path.write_bytes(body)
    store = tmp_path / "khal"
    store.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[feed]]\npath = {store}\n[locale]\ntimeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[sqlite]\npath = {db}\n".format(store=store, db=tmp_path / "khal.db")
    )
    khal = _client("khal")
    result = subprocess.run(  # noqa: S603
        [khal, "-c", str(config), "import", "--batch", "-a", "feed", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return khal, config, store


def test_calcurse_imports_every_event(feed, tmp_path):
    body, _calendar = feed
    report = calcurse_import(body, tmp_path)
    assert imported_everything(report), report


def test_khal_imports_every_event(feed, tmp_path):
    body, calendar = feed
    khal, config, store = khal_import(body, tmp_path)
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    # khal stores one file per UID: a series and its overrides together.
    assert len(list(store.glob("*.ics"))) == len(uids) == 4
    listing = subprocess.run(  # noqa: S603
        [khal, "-c", str(config), "list", "--format", "{status}{title}",
         (date.today() - timedelta(days=60)).isoformat(), "120d"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    titles = [title.strip().removeprefix("CONFIRMED ") for title in listing.stdout.split("\n")]
    # Six weekly dates: five calls (the moved one included) and one shown as cancelled.
    assert titles.count("Weekly call") == 5
    assert titles.count("CANCELLED Weekly call") == 1
    assert {"Recent", "Tokyo", "Open day"} <= set(titles)
