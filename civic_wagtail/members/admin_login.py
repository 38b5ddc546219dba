"""One login path: the admins' own login URLs hand over to the site's accounts system.

Wagtail's ``/admin/login/`` and Django's ``/django-admin/login/`` authenticate on their own:
no email verification, no lockout, no second factor, and a session for any account with a
password. A site mounts these patterns in front of both admins (same prefixes), so that
their login URLs never check a password; they send people to allauth's login and back::

    from civic_wagtail.members import admin_login

    urlpatterns = [
        path("django-admin/", include(admin_login.django_admin_urls)),
        path("django-admin/", admin.site.urls),
        path("admin/", include(admin_login.wagtail_admin_urls)),
        path("admin/", include(wagtailadmin_urls)),
        ...
    ]
    urlpatterns += i18n_patterns(
        path("", include(admin_login.frontend_urls)), path("", include(wagtail_urls))
    )

Wagtail's login for private pages (``/_util/login/``) gets the same treatment, and
``WAGTAIL_FRONTEND_LOGIN_URL`` should point at allauth's login. System checks
``civic_wagtail_members.E001``, ``E002`` and ``E005`` report a login URL left open.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _handover(request, *, may_enter, home):
    next_url = _safe_next(request) or reverse(home)
    if not request.user.is_authenticated:
        # Whatever was posted is ignored: passwords are only ever checked by allauth.
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
    if may_enter(request.user):
        # Not redirect(): it would take a bare-word ``next`` for a URL name to reverse.
        return HttpResponseRedirect(next_url)
    # Wagtail sends a signed-in user without admin access here with its "You do not have
    # permission" message; answering with the login form again would loop.
    return render(
        request,
        "civic_wagtail/members/admin_refused.html",
        {"login_url": f"{reverse('account_login')}?{urlencode({'next': next_url})}"},
        status=403,
    )


def can_use_wagtail_admin(user):
    """Wagtail's own rule: the ``wagtailadmin.access_admin`` permission."""
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def can_use_django_admin(user):
    """Django's own rule: an active staff account."""
    return user.is_active and user.is_staff


@never_cache
def wagtail_admin_login(request):
    """Replaces Wagtail's login view: hands over to allauth, then into the admin."""
    return _handover(request, may_enter=can_use_wagtail_admin, home="wagtailadmin_home")


@never_cache
def django_admin_login(request):
    """Replaces the Django admin's login view: hands over to allauth, then into the admin."""
    return _handover(request, may_enter=can_use_django_admin, home="admin:index")


@never_cache
def wagtail_password_reset(request):
    """Wagtail's password reset skips allauth's rate limits: send people to allauth's."""
    return redirect("account_reset_password")


@never_cache
def frontend_login(request):
    """Replaces Wagtail's login for private pages (``/_util/login/``, which authenticates any
    account by itself): people log in through allauth and come back to the page."""
    next_url = _safe_next(request) or "/"
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


# The checks recognise these views by this mark, whatever decorators wrap them.
for _view in (wagtail_admin_login, django_admin_login, frontend_login):
    _view.civic_wagtail_admin_login = True

#: Mount in front of Wagtail's admin URLs, at the same prefix.
wagtail_admin_urls = [
    path("login/", wagtail_admin_login),
    path("password_reset/", wagtail_password_reset),
]

#: Mount in front of ``admin.site.urls``, at the same prefix.
django_admin_urls = [path("login/", django_admin_login)]

#: Mount in front of Wagtail's page URLs (``wagtail.urls``), in the same ``i18n_patterns``.
frontend_urls = [path("_util/login/", frontend_login)]
