"""System checks of the working groups app (ids documented in docs/reference/checks.md)."""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _


@checks.register()
def check_document_serving(app_configs, **kwargs):
    """Group files are Wagtail documents that only members may read: Wagtail must serve
    documents through its view (where the ``before_serve_document`` hook refuses
    non-members), not hand out storage URLs."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method in ("direct", "redirect"):
        return [
            checks.Warning(
                _(
                    "WAGTAILDOCS_SERVE_METHOD is %(method)s: a working group's files can be "
                    "downloaded from their storage URL by anyone who has it, member or not."
                )
                % {"method": repr(method)},
                hint=_(
                    'Set WAGTAILDOCS_SERVE_METHOD = "serve_view" (or leave it unset with '
                    "local file storage) so that every download checks membership."
                ),
                id="civic_wagtail_groups.W001",
            )
        ]
    return []
