"""Threads another app owns: who may read them is the owner's decision, through a hook.

A working group keeps private threads in the discussion app without the discussion app
knowing groups: the thread's generic owner (``Thread.owner_type``/``owner_id``) names the
group, and every function registered with ``@hooks.register("civic_wagtail_thread_visibility")``
is asked ``fn(request, thread)``. A function answers None when the thread is not its owner's,
True when the request may read it, or raises ``Http404`` (the owner must stay unknown) or
``PermissionDenied`` (the owner is known but closed). An owned thread that no function claims
is answered 404: nothing leaks when the owning app is uninstalled.

Owned threads never appear in forum listings, the site search, dashboards or blocks
(``ThreadQuerySet.published`` and ``visible_to`` leave them out); their owner lists them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail import hooks

HOOK = "civic_wagtail_thread_visibility"


def check_owned(request, thread):
    """Return when ``request`` may read the owned ``thread``; raise Http404 or
    PermissionDenied otherwise."""
    for fn in hooks.get_hooks(HOOK):
        verdict = fn(request, thread)
        if verdict is True:
            return
        if verdict is not None:
            raise PermissionDenied(_("This discussion is private."))
    raise Http404(_("No such thread."))


def may_read_owned(request, thread):
    """:func:`check_owned` as a boolean."""
    try:
        check_owned(request, thread)
    except (Http404, PermissionDenied):
        return False
    return True
