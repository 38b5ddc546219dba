"""The member's dashboard (``/members/me/``) and the panels every app adds to it.

Apps register a function with ``@hooks.register("civic_wagtail_dashboard_panels")``; it is
called as ``fn(request)`` and returns a :class:`DashboardPanel` (or ``None`` to add nothing).
Panels are shown by ``order``, then title. A panel renders its own template; the dashboard
only wraps it in a titled ``<section>``.
"""

from django.template.loader import render_to_string
from wagtail import hooks

HOOK = "civic_wagtail_dashboard_panels"


class DashboardPanel:
    """One panel of the member's dashboard.

    Subclass it, set ``title``, ``order`` and ``template_name`` and override
    :meth:`get_context_data`; or pass ``html`` to show markup rendered elsewhere. A panel should
    cost a constant number of queries however long its lists are (``select_related``, a
    limit), and link to the full list when it cuts one short.
    """

    #: Heading of the panel (translatable string).
    title = ""
    #: Position on the dashboard: lower comes first.
    order = 100
    #: Template rendered with :meth:`get_context_data` plus ``panel`` and ``request``.
    template_name = None
    #: Anchor id of the panel's section (defaults to one made from the class name).
    name = None

    def __init__(self, request, *, title=None, order=None, html=None, name=None):
        self.request = request
        if title is not None:
            self.title = title
        if order is not None:
            self.order = order
        if name is not None:
            self.name = name
        self._html = html

    def get_name(self):
        return self.name or "cw-dash-" + type(self).__name__.lower()

    def get_context_data(self):
        return {}

    def render_html(self):
        """The panel's body (its heading is the dashboard's)."""
        if self._html is not None:
            return self._html
        context = {**self.get_context_data(), "panel": self, "request": self.request}
        return render_to_string(self.template_name, context, request=self.request)


def dashboard_panels(request):
    """The panels every app offers ``request.user``, in order, each with its ``html``."""
    panels = []
    for fn in hooks.get_hooks(HOOK):
        panel = fn(request)
        if panel is None:
            continue
        panel.html = panel.render_html()
        panels.append(panel)
    panels.sort(key=lambda panel: (panel.order, str(panel.title)))
    return panels
