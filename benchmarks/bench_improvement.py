"""Continuous improvement at growing sizes: the member's page, the results page and the goals
list for one member with more and more assessments, goals and check-ins, and a team's
aggregate over 100, 1,000 and 10,000 assessments.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \
        python benchmarks/bench_improvement.py [--assessments 10000]

Reports each scenario's median time as a ratio to its smallest size, and its query count,
which must not grow with the size.
"""

import argparse
import datetime
import os
import random
import sys

import django

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402
from civic_wagtail.improvement.models import (  # noqa: E402
    Assessment,
    CheckIn,
    Goal,
    Rating,
    Team,
    TeamMember,
)
from civic_wagtail.improvement.pages import ImprovementPage  # noqa: E402
from civic_wagtail.improvement.teams import aggregate  # noqa: E402
from tests.improvement.helpers import make_framework  # noqa: E402


def add_assessments(users, framework, per_user, rng):
    competencies = list(framework.competencies.all())
    now = timezone.now()
    rows = [Assessment(user=u, framework=framework,
                       created_at=now - datetime.timedelta(days=rng.randint(0, 540)))
            for u in users for _ in range(per_user)]
    created = Assessment.objects.bulk_create(rows, batch_size=1000)
    Rating.objects.bulk_create(
        [Rating(assessment=a, competency=c, level=rng.randint(1, 4), target=4)
         for a in created for c in competencies], batch_size=5000,
    )
    return created


def add_goals(user, count, rng):
    goals = Goal.objects.bulk_create(
        [Goal(user=user, title=f"Goal {i}", kind="target", indicator="x", baseline=0,
              target=10, due_date=datetime.date(2030, 1, 1)) for i in range(count)]
    )
    CheckIn.objects.bulk_create(
        [CheckIn(goal=g, value=rng.randint(0, 10)) for g in goals for _ in range(4)],
        batch_size=5000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--assessments", type=int, default=10_000)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    rng = random.Random(7)
    User = get_user_model()  # noqa: N806
    framework = make_framework(competencies=[f"Skill {i}" for i in range(8)])
    root = Page.objects.get(depth=2)
    root.add_child(instance=ImprovementPage(title="Improvement", slug="improvement"))
    member = User.objects.create_user("bench", "bench@x.example.gov", "pw")
    client = Client()
    client.force_login(member)

    personal = {}
    previous = 0
    for size in (1, 10, 100):
        with timer(f"member with {size} assessments and goals"):
            add_assessments([member], framework, size - previous, rng)
            add_goals(member, size - previous, rng)
        previous = size
        latest = Assessment.objects.filter(user=member).order_by("-created_at").first()
        personal[size] = {
            "member page": measure(lambda: client.get("/improvement/")),
            "results page": measure(
                lambda latest=latest: client.get(f"/improvement/assessments/{latest.pk}/")),
            "goals list": measure(lambda: client.get("/improvement/goals/")),
        }
    for scenario in ("member page", "results page", "goals list"):
        report(f"{scenario} (ratio to 1 assessment and goal)", f"{scenario} @ 1",
               personal[1][scenario],
               [(f"{scenario} @ {size}", personal[size][scenario]) for size in (10, 100)])

    team_results = {}
    sizes = [s for s in (100, 1_000, 10_000) if s <= args.assessments] or [args.assessments]
    lead = User.objects.create_user("lead", "lead@x.example.gov", "pw")
    for size in sizes:
        team = Team.objects.create(name=f"Team {size}", lead=lead)
        people = User.objects.bulk_create(
            [User(username=f"t{size}-{i}", email=f"t{size}-{i}@x.example.gov")
             for i in range(size // 4)], batch_size=1000)
        TeamMember.objects.bulk_create(
            [TeamMember(team=team, user=u, joined_at=timezone.now()) for u in people],
            batch_size=1000)
        with timer(f"team with {size} assessments"):
            add_assessments(people, framework, 4, rng)
        team_results[size] = measure(lambda team=team: aggregate(team, framework))
    report("team aggregate (ratio to the smallest team)", f"aggregate @ {sizes[0]:,}",
           team_results[sizes[0]],
           [(f"aggregate @ {size:,} assessments", team_results[size]) for size in sizes[1:]])


if __name__ == "__main__":
    main()
