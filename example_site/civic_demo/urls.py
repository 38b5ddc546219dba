from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from civic_wagtail.health import healthz
from civic_wagtail.members import admin_login

# allauth's own rate limits (sign-up, password reset...) answer with the package's 429 page.
handler429 = "civic_wagtail.members.adapter.handler429"

urlpatterns = [
    # Both admins log in through allauth (verification, lockout, second factor): their own
    # login URLs only hand over, so they must come first, at the same prefixes.
    path("django-admin/", include(admin_login.django_admin_urls)),
    path("django-admin/", admin.site.urls),
    path("admin/", include(admin_login.wagtail_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("civic_wagtail.discussion.comment_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # For load balancers: the database, the cache and the task queue (JSON; 503 when one is down).
    path("healthz/", healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says: send them to the static icon.
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static_url("favicon.ico"))),
    path("", include("civic_wagtail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages last: English at /, other languages at /fr/, /es/.
# Wagtail's login for private pages hands over to allauth first, like the admins' logins.
urlpatterns += i18n_patterns(
    path("", include(admin_login.frontend_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
