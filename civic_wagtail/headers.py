"""Security headers that Django and django-csp leave to the site: Permissions-Policy, and the
looser Content-Security-Policy that the Wagtail admin still needs.

Both are middleware classes for ``MIDDLEWARE`` (see docs/explanation/security.md)::

    "csp.middleware.CSPMiddleware",
    "civic_wagtail.headers.PermissionsPolicyMiddleware",
    "civic_wagtail.headers.AdminContentSecurityPolicyMiddleware",

``AdminContentSecurityPolicyMiddleware`` must come *after* django-csp's middleware: it marks
admin responses with the directives to replace, and django-csp reads that mark when it writes
the header (the mechanism of django-csp's ``@csp_replace`` decorator).
"""

from django.urls import NoReverseMatch, reverse

from .conf import civic_settings


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``.

    An empty list denies the feature everywhere; ``"self"`` and ``"*"`` are written bare and
    any other origin is quoted, as the structured-header syntax of the specification requires.
    """
    parts = []
    for feature, allowlist in policy.items():
        items = [item if item in ("self", "*") else f'"{item}"' for item in allowlist]
        parts.append(f"{feature}=({' '.join(items)})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (``CIVIC_WAGTAIL_PERMISSIONS_POLICY``) to every response.

    The default denies powerful features no page of the package uses (camera, microphone,
    geolocation, payment, USB and the like) to the page and to anything it embeds, so a
    script that slips in cannot ask for them. A response that already has the header keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = civic_settings.PERMISSIONS_POLICY
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy_header(policy)
        return response


def _admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # the site has no Wagtail admin URLs
        return None


class AdminContentSecurityPolicyMiddleware:
    """Replaces directives of the site's policy on Wagtail admin responses.

    Wagtail 8's admin still renders inline scripts without a nonce (inline panels, date
    pickers) and its editor scripts write inline styles, so it needs ``'unsafe-inline'``
    for both (tests/browser/test_csp.py shows the editor working), which a nonce in the same
    directive would switch off. ``CIVIC_WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY`` holds the
    directives that replace the site's own under the admin's URL prefix (``None`` removes a
    directive); the public site keeps the strict policy. Set the setting to ``{}`` to serve
    the admin the site's policy unchanged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        replace = civic_settings.ADMIN_CONTENT_SECURITY_POLICY
        prefix = _admin_prefix()
        if replace and prefix and request.path_info.startswith(prefix):
            # Directives a view chose for itself (django-csp's @csp_replace) win.
            response._csp_replace = {**replace, **(getattr(response, "_csp_replace", None) or {})}
        return response
