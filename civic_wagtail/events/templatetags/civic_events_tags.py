from django import template

from ..subscribe import render_subscribe

register = template.Library()


@register.simple_tag(takes_context=True)
def civic_subscribe(context, path, name, heading_id="subscribe"):
    """The "Subscribe" control for the feed at ``path``: ``{% civic_subscribe url title %}``."""
    return render_subscribe(context.get("request"), path, name, heading_id)


@register.simple_tag
def month_weeks(month, month_days):
    """The month grid: weeks of 7 ``(day, in_month, items)`` cells, weeks starting on the
    locale's first day of the week; ``month_days`` is the calendar's ``(day, items)`` list."""
    import calendar

    from django.utils.formats import get_format

    by_day = dict(month_days)
    grid = calendar.Calendar(firstweekday=(int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7)
    return [
        [(day, day.month == month.month, by_day.get(day, [])) for day in week]
        for week in grid.monthdatescalendar(month.year, month.month)
    ]
