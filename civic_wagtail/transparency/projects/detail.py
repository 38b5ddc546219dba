"""What a project page shows: budget chart, milestones, indicator charts, practice link."""

from collections import defaultdict

from django.apps import apps
from django.utils.translation import gettext as _

from ..models import Measurement
from .charts import budget_chart, line_chart


def indicator_names(slugs, locale_id):
    """``{slug: (name, unit)}`` from the library's indicator list when it is installed."""
    if not slugs or not apps.is_installed("civic_wagtail.library"):
        return {}
    Indicator = apps.get_model("civic_wagtail_library", "Indicator")
    found = {}
    for slug, name, unit, locale in Indicator.objects.filter(slug__in=slugs).values_list(
        "slug", "name", "unit", "locale_id"
    ):
        if slug not in found or locale == locale_id:
            found[slug] = (name, unit)
    return found


def measurements_of(page):
    """The project's measurements, shared by all its translations."""
    return Measurement.objects.filter(project__translation_key=page.translation_key).order_by(
        "indicator", "date"
    )


def indicator_series(page):
    """``[{slug, name, unit, rows, chart}]``, one per indicator, in name order."""
    by_indicator = defaultdict(list)
    units, sources = {}, defaultdict(set)
    for m in measurements_of(page):
        by_indicator[m.indicator].append(m)
        units.setdefault(m.indicator, m.unit)
        if m.source:
            sources[m.indicator].add(m.source)
    names = indicator_names(list(by_indicator), page.locale_id)
    series = []
    for slug, rows in by_indicator.items():
        name, unit = names.get(slug, (slug.replace("-", " ").capitalize(), ""))
        unit = units.get(slug) or unit
        first, last = rows[0], rows[-1]
        chart = line_chart(
            name,
            _(
                "%(name)s from %(first_date)s (%(first)s %(unit)s) to %(last_date)s "
                "(%(last)s %(unit)s), %(n)s measurements."
            )
            % {
                "name": name,
                "first_date": first.date.isoformat(),
                "first": first.value.normalize(),
                "last_date": last.date.isoformat(),
                "last": last.value.normalize(),
                "unit": unit,
                "n": len(rows),
            },
            [(m.date, m.value.normalize()) for m in rows],
            unit,
        )
        series.append(
            {
                "slug": slug,
                "name": name,
                "unit": unit,
                "rows": rows,
                "sources": sorted(sources[slug]),
                "chart": chart,
            }
        )
    return sorted(series, key=lambda s: s["name"].casefold())


def practice_link(page, request):
    practice = page.practice
    if practice is None or not practice.live:
        return None
    return {"title": practice.title, "url": practice.get_url(request)}


def project_context(page, request):
    milestones = list(page.milestones.all())
    budget = {
        "planned": page.budget_planned,
        "committed": page.budget_committed,
        "spent": page.budget_spent,
        "currency": page.currency,
    }
    return {
        "milestones": milestones,
        "indicators": indicator_series(page),
        "practice": practice_link(page, request),
        "budget_chart": budget_chart(
            _("Budget in %(currency)s") % {"currency": page.currency},
            _("Planned %(planned)s, committed %(committed)s and spent %(spent)s %(currency)s.")
            % budget,
            budget,
        ),
    }
