"""Matching and the mentor directory at 100, 1,000 and 10,000 mentors.

    PYTHONPATH=$PWD:$PWD/example_site DJANGO_SETTINGS_MODULE=tests.settings \
        python benchmarks/bench_mentoring.py [--mentors 10000]

Reports each scenario's median time as a ratio to the same scenario at 100 mentors, and its
query count, which must not grow with the number of mentors.
"""

import argparse
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
from wagtail.models import Locale, Page  # noqa: E402

from benchmarks.harness import measure, report, timer  # noqa: E402
from civic_wagtail.members.models import MemberProfile  # noqa: E402
from civic_wagtail.mentoring.matching import MenteeNeeds, rank  # noqa: E402
from civic_wagtail.mentoring.models import MentorLanguage, MentorProfile  # noqa: E402
from civic_wagtail.mentoring.pages import MentoringPage  # noqa: E402
from civic_wagtail.models import GovernmentLevel, Region, Topic  # noqa: E402

LANGUAGES = ["en", "fr", "es", "de", "pt"]


def make_terms():
    locale = Locale.get_default()
    topics = [Topic.objects.create(name=f"Topic {i}", slug=f"t{i}", locale=locale)
              for i in range(12)]
    levels = [GovernmentLevel.objects.create(name=f"Level {i}", slug=f"l{i}", locale=locale)
              for i in range(5)]
    regions = [Region.objects.create(name=f"Region {i}", slug=f"r{i}", locale=locale)
               for i in range(12)]
    return topics, levels, regions


def add_mentors(count, start, terms, rng):
    """Bulk-create ``count`` verified mentors (fast: a few queries per thousand)."""
    topics, levels, regions = terms
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"b{start + i}", email=f"b{start + i}@x.example.gov")
         for i in range(count)], batch_size=1000,
    )
    MemberProfile.objects.bulk_create(
        [MemberProfile(user=u, display_name=f"Mentor {u.username}", verification_status="verified",
                       organisation=f"Org {rng.randint(0, 300)}") for u in users],
        batch_size=1000,
    )
    mentors = MentorProfile.objects.bulk_create(
        [MentorProfile(user=u, headline="h", contact_email="c@x.example",
                       capacity=rng.randint(1, 3), years_of_experience=rng.randint(1, 30),
                       region=rng.choice(regions), skills="procurement, user research"
                       if rng.random() < 0.2 else "budgeting",
                       availability="paused" if rng.random() < 0.1 else "open")
         for u in users], batch_size=1000,
    )
    TopicThrough = MentorProfile.topics.through
    LevelThrough = MentorProfile.government_levels.through
    TopicThrough.objects.bulk_create(
        [TopicThrough(mentorprofile=m, topic=t) for m in mentors
         for t in rng.sample(topics, rng.randint(1, 3))], batch_size=2000,
    )
    LevelThrough.objects.bulk_create(
        [LevelThrough(mentorprofile=m, governmentlevel=rng.choice(levels)) for m in mentors],
        batch_size=2000,
    )
    MentorLanguage.objects.bulk_create(
        [MentorLanguage(mentor=m, code=code) for m in mentors
         for code in rng.sample(LANGUAGES, rng.randint(1, 2))], batch_size=2000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentors", type=int, default=10_000)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    rng = random.Random(7)
    terms = make_terms()
    topics, levels, regions = terms
    root = Page.objects.get(depth=2)
    root.add_child(instance=MentoringPage(title="Mentoring", slug="mentoring"))
    needs = MenteeNeeds(
        goals="I need help with procurement", topic_ids=[topics[0].pk, topics[1].pk],
        languages=["es"], level_id=levels[0].pk, region_id=regions[0].pk,
        organisation="Org 1",
    )
    client = Client()
    sizes = [size for size in (100, 1_000, 10_000) if size <= args.mentors]
    if args.mentors not in sizes:
        sizes.append(args.mentors)
    results = {}
    created = 0
    for size in sizes:
        with timer(f"created {size - created} mentors"):
            add_mentors(size - created, created, terms, rng)
        created = size
        results[size] = {
            "match": measure(lambda: rank(needs)),
            "directory": measure(lambda: client.get("/mentoring/?availability=all&page=2")),
            "directory filtered": measure(
                lambda: client.get("/mentoring/?topic=t0&language=es&level=l0")
            ),
        }
    for scenario in ("match", "directory", "directory filtered"):
        report(
            f"{scenario} (ratio to 100 mentors)",
            f"{scenario} @ 100 mentors",
            results[sizes[0]][scenario],
            [(f"{scenario} @ {size:,} mentors", results[size][scenario]) for size in sizes[1:]],
        )


if __name__ == "__main__":
    main()
