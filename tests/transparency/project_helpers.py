"""Builders of organisations, project pages and tokens for the project-tracker tests."""

import datetime
from decimal import Decimal

from civic_wagtail.transparency.models import (
    ApiToken,
    Milestone,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
)


def make_organisation(name="Springfield City", slug="springfield"):
    return Organisation.objects.create(name=name, slug=slug)


def make_project_index(parent, slug="projects", title="Projects"):
    index = ProjectIndexPage(title=title, slug=slug, show_in_menus=True)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_project(index, organisation, title="New bus lanes", publish=True, topics=(), **fields):
    values = {
        "place": "Springfield",
        "status": "in_progress",
        "budget_planned": Decimal("500000"),
        "budget_committed": Decimal("300000"),
        "budget_spent": Decimal("120000"),
        "currency": "EUR",
        **fields,
    }
    page = ProjectPage(title=title, organisation=organisation, **values)
    page.milestones = [
        Milestone(
            title="Design",
            planned_date=datetime.date(2026, 1, 1),
            actual_date=datetime.date(2026, 1, 10),
        ),
        Milestone(title="Works", planned_date=datetime.date(2026, 6, 1)),
    ]
    index.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        ProjectPage.objects.filter(pk=page.pk).update(live=False)
    page.refresh_from_db()
    return page


def make_token(organisation, name="budget system"):
    token, raw = ApiToken.issue(organisation, name)
    return token, raw
