"""What every view of the improvement page shares: URLs from one page lookup, rendering with
private caching, sign-in and ownership checks that answer 404 for others' records."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from civic_wagtail import ratelimit

TEMPLATES = "civic_wagtail/improvement/"


class Urls:
    """``urls.goal(3)`` -> "/improvement/goals/3/", from one page URL lookup."""

    do_not_call_in_templates = True

    def __init__(self, page, request):
        self.page = page
        self.base = (page.get_url(request) or "/").rstrip("/") + "/"

    def __call__(self, name, *args):
        return self.base + self.page.reverse_subpage(name, args=list(args)).lstrip("/")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self(name, *args)


def render(request, page, template, context=None, status=200, private=True):
    full = page.get_context(request)
    full["urls"] = Urls(page, request)
    full.update(context or {})
    response = TemplateResponse(request, TEMPLATES + template, full, status=status)
    if private:
        add_never_cache_headers(response)
    return response


def login_needed(request):
    """Anonymous visitors: a page (GET) sends them to sign in; a write answers 403."""
    if not request.user.is_authenticated:
        if request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path())
        return HttpResponseForbidden()
    return None


def only(request, *methods):
    if request.method not in methods:
        return HttpResponseNotAllowed(methods)
    return None


def own(queryset, request, pk):
    """``queryset``'s row ``pk`` owned by the signed-in member, else 404 (never say it exists)."""
    obj = queryset.filter(pk=pk, user_id=request.user.pk).first()
    if obj is None:
        raise Http404
    return obj


def throttled(request, action="improvement"):
    return ratelimit.throttle(request, action)


def go(request, page, name, *args):
    """Redirect to the route ``name`` of ``page``."""
    from django.http import HttpResponseRedirect

    return HttpResponseRedirect(Urls(page, request)(name, *args))
