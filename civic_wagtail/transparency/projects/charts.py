"""Server-rendered SVG charts: geometry computed here, drawn by templates, no JavaScript.

Every chart carries a title and a description (read by screen readers through
``aria-labelledby``) and its template shows the same numbers as a table.
"""

from dataclasses import dataclass, field
from decimal import Decimal

#: Drawing area of every chart, in SVG user units (the SVG scales to its container).
WIDTH, HEIGHT = 600, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 110, 20, 20, 40


@dataclass
class Chart:
    title: str
    description: str
    kind: str  #: "bars" or "line"
    width: int = WIDTH
    height: int = HEIGHT
    bars: list = field(default_factory=list)
    points: list = field(default_factory=list)
    polyline: str = ""
    axis: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)
    unit: str = ""


def _scale(value, largest, span):
    if not largest:
        return 0
    return round(float(Decimal(value) / Decimal(largest)) * span, 1)


def budget_chart(title, description, amounts):
    """Horizontal bars of planned, committed and spent (one currency)."""
    from django.utils.translation import gettext as _

    labels = [("planned", _("Planned")), ("committed", _("Committed")), ("spent", _("Spent"))]
    values = [(label, amounts.get(key) or Decimal(0)) for key, label in labels]
    largest = max((value for _label, value in values), default=0)
    span = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    band = (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / len(values)
    bars = [
        {
            "label": label,
            "value": value,
            "x": MARGIN_LEFT,
            "y": round(MARGIN_TOP + index * band + band * 0.15, 1),
            "width": _scale(value, largest, span),
            "height": round(band * 0.7, 1),
            "label_y": round(MARGIN_TOP + index * band + band / 2 + 5, 1),
        }
        for index, (label, value) in enumerate(values)
    ]
    return Chart(
        title=title,
        description=description,
        kind="bars",
        bars=bars,
        rows=values,
        unit=amounts.get("currency", ""),
    )


def line_chart(title, description, series, unit=""):
    """A line through ``series`` (``[(date, value)]`` in date order)."""
    if not series:
        return None
    values = [value for _day, value in series]
    low, high = min(values), max(values)
    if low > 0:
        low = Decimal(0)
    spread = (high - low) or Decimal(1)
    span_x = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    span_y = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = span_x / max(len(series) - 1, 1)
    points = []
    for index, (day, value) in enumerate(series):
        x = round(MARGIN_LEFT + index * step, 1)
        y = round(MARGIN_TOP + span_y - float((value - low) / spread) * span_y, 1)
        points.append({"x": x, "y": y, "date": day, "value": value})
    return Chart(
        title=title,
        description=description,
        kind="line",
        points=points,
        polyline=" ".join(f"{p['x']},{p['y']}" for p in points),
        axis={
            "high": high,
            "low": low,
            "top": MARGIN_TOP,
            "bottom": MARGIN_TOP + span_y,
            "left": MARGIN_LEFT,
            "right": WIDTH - MARGIN_RIGHT,
            "first": series[0][0],
            "last": series[-1][0],
            "label_y": HEIGHT - 12,
        },
        rows=series,
        unit=unit,
    )
