"""One published page of every page type of the package, for tests that must cover them all."""

from wagtail.models import get_page_models

from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage
from civic_wagtail.groups.pages import GroupIndexPage
from civic_wagtail.improvement.pages import ImprovementPage
from civic_wagtail.library.models import ResourcePage
from civic_wagtail.mentoring.pages import MentoringPage
from tests.events.helpers import make_event, make_index
from tests.factories import TopicFactory
from tests.library.helpers import (
    IndicatorFactory,
    case_study,
    library_index,
    practice,
    resource_index,
)
from tests.transparency.helpers import consultation, consultation_index, policy, policy_index


def package_page_types():
    """Every page model the installed civic_wagtail apps define."""
    return {model for model in get_page_models() if model.__module__.startswith("civic_wagtail.")}


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def project_pages(home, practice_page, topic):
    """A project list and a project adopting ``practice_page``, with a year of measurements."""
    import datetime
    from decimal import Decimal

    from civic_wagtail.transparency.models import Measurement
    from tests.transparency.project_helpers import (
        make_organisation,
        make_project,
        make_project_index,
    )

    index = make_project_index(home)
    project = make_project(
        index, make_organisation(), title="Faster building permits with a public tracker",
        practice=practice_page, topics=[topic], summary="Permits applied for online.",
    )
    Measurement.objects.bulk_create(
        Measurement(project=project, indicator="permit-processing-time", unit="days",
                    date=datetime.date(2026, month, 1), value=Decimal(60 - 2 * month),
                    source="Permit office register")
        for month in range(1, 13)
    )
    return index, project


def every_page_type(home):
    """Build and publish one page of each type under ``home``, related to each other.

    Returns a dict: ``all`` (the pages), and ``topic``, ``indicator``, ``first`` and
    ``second`` (two practices) for tests that change relations. Fails if a page type of the
    package is missing, so a new page type must be added here.
    """
    topic = TopicFactory(name="Permits", slug="permits")
    indicator = IndicatorFactory()
    library = publish(library_index(home))
    first = publish(practice(library, title="Permit tracker", topics=[topic]))
    second = publish(practice(library, title="Permit clinic"))
    case = publish(
        case_study(library, practices=[first], topics=[topic], outcomes=[(indicator, 10, 5)])
    )
    resources = publish(resource_index(home))
    resource = ResourcePage(
        title="Permit checklist",
        slug="checklist",
        resource_type="guide",
        summary="A list.",
        external_url="https://example.gov/checklist",
    )
    resources.add_child(instance=resource)
    resource.supported_practices.set([first])
    resource = publish(resource)
    forums = ForumIndexPage(title="Forums", slug="forum")
    home.add_child(instance=forums)
    forums = publish(forums)
    forum = ForumTopicPage(title="Permits", slug="permits", topic=topic)
    forums.add_child(instance=forum)
    forum = publish(forum)
    calendar = make_index(home)
    event = make_event(calendar, topics=[topic])
    mentoring = MentoringPage(title="Mentoring", slug="mentoring", intro="<p>Find one.</p>")
    home.add_child(instance=mentoring)
    mentoring = publish(mentoring)
    policies = policy_index(home)
    consultations = consultation_index(home)
    consulted = consultation(consultations, draft=["A first paragraph.", "A second one."],
                             topics=[topic])
    projects, project = project_pages(home, first, topic)
    policy_page = policy(policies, topics=[topic], stage="consultation")
    policy_page.related_links.create(related=consulted)
    policy_page.related_links.create(related=first)
    policy_page.related_links.create(related=project)
    policy_page = publish(policy_page)
    groups = GroupIndexPage(title="Working groups", slug="groups", intro="Pilots together.")
    home.add_child(instance=groups)
    groups = publish(groups)
    improvement = ImprovementPage(title="Improvement", slug="improvement", intro="<p>Grow.</p>")
    home.add_child(instance=improvement)
    improvement = publish(improvement)
    built = [
        library, first, second, case, resources, resource, forums, forum, calendar, event,
        mentoring, policies, policy_page, consultations, consulted, projects, project,
        groups, improvement,
    ]
    missing = package_page_types() - {type(page) for page in built}
    assert not missing, f"tests/pages.py builds no page of type {missing}"
    return {"all": built, "topic": topic, "indicator": indicator, "first": first, "second": second}
