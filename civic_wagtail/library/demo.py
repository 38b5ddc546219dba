"""Demo content of the library: indicators, practices, case studies with outcomes, resources.

``seed_demo --practices N`` creates N practices and 2N case studies (default 30 and 60).
Practices and case studies take the bulk path (:mod:`civic_wagtail.library.bulk`): a few
statements per thousand pages, then the search index is filled with ``add_bulk``. They are
live pages without revisions; the first edit in the admin creates one.
"""

import random
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from wagtail.models import Collection, CollectionViewRestriction

from civic_wagtail import roles
from civic_wagtail.seeding import Seeder, get_or_create_child

from . import demo_data as data
from .bulk import bulk_add_children
from .demo_translations import TRANSLATIONS  # noqa: F401 (read by the locale seeder)
from .models import (
    BestPracticePage,
    CaseStudyOutcome,
    CaseStudyPage,
    Indicator,
    LibraryIndexPage,
    PracticeOutcome,
    ResourceIndexPage,
    ResourcePage,
)

EVIDENCE = ["anecdotal", "monitored", "evaluated", "independent"]
EVIDENCE_WEIGHTS = [3, 4, 3, 1]
COSTS = ["low", "medium", "high", "very_high"]
INDEX_BATCH = 500
#: Case studies inserted per bulk statement; they can adapt cases of earlier batches.
BATCH = 1000


@contextmanager
def bulk_indexing(models):
    """Yield a dict model -> list for the caller to fill; index those pages in bulk after."""
    created = {model: [] for model in models}
    yield created
    for model, pages in created.items():
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(pages), INDEX_BATCH):
                backend.add_bulk(model, pages[start : start + INDEX_BATCH])


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


class LibrarySeeder(Seeder):
    order = 40
    name = "library"

    def add_arguments(self, parser):
        parser.add_argument(
            "--practices",
            type=int,
            default=30,
            help="Best practices to create (default 30); twice as many case studies.",
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        count = max(0, ctx.options.get("practices") or 0)
        self.seed_value = ctx.options.get("seed", 2026)
        self.rng = ctx.rng
        self.terms = {
            key: {term.slug: term for term in ctx.shared[key]}
            for key in ("topics", "levels", "regions", "organisation_types")
        }
        self.indicators = self.seed_indicators(home.locale)
        library, _ = get_or_create_child(
            home,
            LibraryIndexPage,
            "library",
            title="Library",
            show_in_menus=True,
            search_description="Practices that worked elsewhere, with measured outcomes.",
            intro="<p>Practices that worked elsewhere, with the evidence and the outcomes "
            "measured where they were adopted.</p>",
        )
        resources, _ = get_or_create_child(
            home,
            ResourceIndexPage,
            "resources",
            title="Resources",
            show_in_menus=True,
            search_description="Templates, guides, tools, research and datasets to reuse.",
        )
        with bulk_indexing([BestPracticePage, CaseStudyPage]) as created:
            practices = self.seed_practices(ctx, library, count, created[BestPracticePage])
            self.seed_case_studies(ctx, library, practices, 2 * count, created[CaseStudyPage])
        self.seed_resources(resources, practices)
        ctx.shared["library"] = library
        ctx.shared["practices"] = practices[:10]
        ctx.shared.setdefault("summary", []).append(
            f"Library: {len(practices)} practices at /library/, resources at /resources/, "
            "search at /search/, API at /hub/api/v2/practices/"
        )

    # Indicators ---------------------------------------------------------------------------

    def seed_indicators(self, locale):
        indicators = {}
        for slug, name, unit, direction, *_ranges in data.INDICATORS:
            indicator, _ = Indicator.objects.update_or_create(
                slug=slug,
                locale=locale,
                defaults={"name": name, "unit": unit, "direction": direction},
            )
            indicators[slug] = indicator
        return indicators

    def item_rng(self, kind, key):
        """A generator per page: re-runs skip existing pages without shifting the others."""
        self.rng = random.Random(f"{self.seed_value}:{kind}:{key}")
        return self.rng

    def outcome(self, model, indicator_slug, page_locale, allow_missing_baseline=True):
        rng = self.rng
        spec = next(row for row in data.INDICATORS if row[0] == indicator_slug)
        low, high = spec[4]
        change_low, change_high = spec[5]
        baseline = Decimal(str(round(rng.uniform(low, high), 1)))
        change = Decimal(str(round(rng.uniform(change_low, change_high), 3)))
        actual = (baseline * (1 + change)).quantize(Decimal("0.1"))
        start = date(rng.randint(2017, 2023), rng.choice([1, 4, 7, 10]), 1)
        end = start + timedelta(days=365 * rng.randint(1, 3) - 1)
        has_baseline = not allow_missing_baseline or rng.random() > 0.1
        return model(
            indicator=self.indicators[indicator_slug],
            baseline=baseline if has_baseline else None,
            target=(baseline * (1 + change * Decimal("1.2"))).quantize(Decimal("0.1"))
            if rng.random() < 0.5
            else None,
            actual=actual,
            period_start=start,
            period_end=end,
            evidence_url="https://example.org/reports/" + indicator_slug
            if rng.random() < 0.6
            else "",
            locale=page_locale,
        )

    # Practices ----------------------------------------------------------------------------

    def practice_specs(self, count):
        """Deterministic (slug, title, topic slug, indicator slugs) for ``count`` practices."""
        bases = [
            (name, topic, indicators)
            for topic, (names, indicators) in data.PRACTICES.items()
            for name in names
        ]
        for i in range(count):
            name, topic, indicators = bases[i % len(bases)]
            round_ = i // len(bases)
            if round_ == 0:
                yield slugify(name), name, topic, indicators
            else:
                variant = data.VARIANTS[round_ % len(data.VARIANTS)] or "variant"
                title = f"{name} ({variant} {round_})"
                yield slugify(title), title, topic, indicators

    def seed_practices(self, ctx, library, count, created):
        pages = BestPracticePage.objects.child_of(library).defer_streamfields()
        existing = {page.slug: page for page in pages}
        practices, new = [], []
        now = timezone.now()
        specs = list(self.practice_specs(count))
        self.topic_by_slug = {slug: topic for slug, _title, topic, _ind in specs}
        for slug, title, topic, indicators in ctx.progress(specs, "practices", len(specs)):
            if slug in existing:
                practices.append(existing[slug])
                continue
            rng = self.item_rng("practice", slug)
            place, org_type, region, level = rng.choice(data.PLACES)
            page = BestPracticePage(
                title=title,
                slug=slug,
                summary=f"{title}: how {place.split(',')[0]} and others tackled "
                f"{self.terms['topics'][topic].name.lower()} with a measurable result.",
                problem=paragraphs(
                    "Residents waited too long and staff spent their time on rework.",
                    "Demand had grown faster than the team.",
                ),
                approach=paragraphs(
                    f"{title} reorganises the service around the resident's journey, "
                    "with one accountable team and shared data."
                ),
                steps=[
                    ("step", {"title": step, "description": paragraphs(text),
                              "duration": duration, "roles": roles, "resources": []})
                    for step, text, duration, roles in [
                        ("Map the current process", "Walk the journey with staff and residents.",
                         "4 weeks", ["Service designer", "Front-line staff"]),
                        ("Pilot in one district", "Measure a baseline before you start.",
                         "3 months", ["Project lead", "Data analyst"]),
                        ("Scale up", "Train every team and publish the results.",
                         "6 months", ["Head of service"]),
                    ]
                ],
                prerequisites=paragraphs("A named sponsor and a baseline measurement."),
                cost_band=rng.choice(COSTS),
                cost_notes="Mostly staff time; software within existing licences.",
                implementation_months=rng.choice([3, 6, 9, 12, 18, 24]),
                risks=paragraphs("Staff turnover during the pilot; data quality."),
                evidence_strength=rng.choices(EVIDENCE, EVIDENCE_WEIGHTS)[0],
                contact_name="Alex Morgan",
                contact_email="practice-team@city.example.gov",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - timedelta(days=rng.randint(0, 3 * 365)),
                locale=library.locale,
            )
            page.topics.set([self.terms["topics"][topic]])
            page.government_levels.set([self.terms["levels"][level]])
            page.regions.set([self.terms["regions"][region]])
            page.organisation_types.set([self.terms["organisation_types"][org_type]])
            page.outcomes.add(self.outcome(PracticeOutcome, indicators[0], library.locale, False))
            new.append(page)
            practices.append(page)
        bulk_add_children(library, new)
        created.extend(new)
        return practices

    # Case studies -------------------------------------------------------------------------

    def seed_case_studies(self, ctx, library, practices, count, created):
        if not practices:
            return
        existing = set(CaseStudyPage.objects.child_of(library).values_list("slug", flat=True))
        # Early practices are adopted more often: a long tail, as in real libraries.
        weights = list(accumulate(1 / (k + 1) ** 0.7 for k in range(len(practices))))
        cases_by_practice, pending = {}, []
        now = timezone.now()
        for j in ctx.progress(range(count), "case studies", count):
            rng = self.item_rng("case", j)
            practice = rng.choices(practices, cum_weights=weights)[0]
            place, org_type, region, level = rng.choice(data.PLACES)
            city = place.split(",")[0]
            title = f"{practice.title} in {city}"
            slug = f"{slugify(title)}-{j + 1}"
            if slug in existing:
                continue
            earlier = cases_by_practice.get(practice.pk, [])
            roll = rng.random()
            origin = practice if roll < 0.6 else (rng.choice(earlier) if earlier and roll < 0.8
                                                  else None)
            topic = self.topic_by_slug[practice.slug]
            indicators = data.PRACTICES[topic][1]
            page = CaseStudyPage(
                title=title,
                slug=slug,
                summary=f"How {city} adapted {practice.title.lower()} to local conditions.",
                organisation=f"{city} {self.terms['organisation_types'][org_type].name.lower()}",
                place=place,
                context=paragraphs(f"{city} serves a growing, diverse population."),
                challenge=paragraphs("Backlogs grew every year and complaints followed."),
                what_was_done=paragraphs(
                    f"The team piloted {practice.title.lower()} in one district, then "
                    "rolled it out city-wide."
                ),
                lessons=paragraphs("Measure before you start.", "Involve front-line staff early."),
                success_story=rng.random() < 0.2,
                adapted_from=origin,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - timedelta(days=rng.randint(0, 3 * 365)),
                locale=library.locale,
            )
            page.practices.set([practice])
            page.topics.set([self.terms["topics"][topic]])
            page.government_levels.set([self.terms["levels"][level]])
            page.regions.set([self.terms["regions"][region]])
            page.organisation_types.set([self.terms["organisation_types"][org_type]])
            for indicator in rng.sample(indicators, rng.randint(1, len(indicators))):
                page.outcomes.add(self.outcome(CaseStudyOutcome, indicator, library.locale))
            pending.append((practice.pk, page))
            if len(pending) >= BATCH:
                self.flush_cases(library, pending, cases_by_practice, created)
        self.flush_cases(library, pending, cases_by_practice, created)

    def flush_cases(self, library, pending, cases_by_practice, created):
        """Insert pending case studies; from now on later ones may adapt them."""
        bulk_add_children(library, [page for _pk, page in pending])
        for practice_pk, page in pending:
            cases_by_practice.setdefault(practice_pk, []).append(page)
            created.append(page)
        pending.clear()

    # Resources ----------------------------------------------------------------------------

    def seed_resources(self, index, practices):
        from wagtail.documents import get_document_model

        Document = get_document_model()
        existing = set(ResourcePage.objects.child_of(index).values_list("slug", flat=True))
        root = Collection.get_first_root_node()
        private = root.get_children().filter(name="Members only").first()
        if private is None:
            private = root.add_child(name="Members only")
            restriction = CollectionViewRestriction.objects.create(
                collection=private, restriction_type=CollectionViewRestriction.GROUPS
            )
            # The Members group holds verified members only.
            restriction.groups.add(roles.get_group(roles.MEMBERS))
        for i, (slug, title, kind, licence, url) in enumerate(data.RESOURCES):
            if slug in existing:
                continue
            document = None
            if url is None:
                from .demo_files import demo_file

                filename, content = demo_file(slug, title) or (
                    f"{slug}.txt", f"{title}\n\nA demo file of Civic Exchange.\n".encode()
                )
                document = Document(
                    title=title,
                    collection=private if slug in data.PRIVATE_RESOURCES else root,
                    file_size=len(content),
                )
                document.file.save(filename, ContentFile(content), save=False)
                document.save()
            resource = ResourcePage(
                title=title,
                slug=slug,
                resource_type=kind,
                summary=f"{title}, ready to adapt to your organisation.",
                document=document,
                external_url=url or "",
                licence=licence,
                reuse_terms="Credit the original authors; share improvements back.",
            )
            resource.supported_practices.set(practices[i::len(data.RESOURCES)][:3])
            index.add_child(instance=resource)
            resource.save_revision().publish()


SEEDERS = [LibrarySeeder]
