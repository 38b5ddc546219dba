"""The comments-xtd views a site still needs, answering to our visibility rules.

comments-xtd builds two kinds of link we cannot do without: comment permalinks
(``XtdComment.get_absolute_url`` reverses ``comments-url-redirect``) and the one-click mute
link of its follow-up emails (``comments-xtd-mute``). :mod:`.comment_urls` mounts exactly
these, under comments-xtd's URL names, instead of the package's whole URLconf.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_comments_xtd import views as xtd_views

from .targets import can_see, target_from_content_type, target_url


def comment_target_redirect(request, content_type_id, object_pk):
    """Redirect a comment permalink to its thread or page, if the request may see it.

    Replaces django-contrib-comments' ``cr/`` shortcut, which redirects to any object (a held
    or hidden thread included) and so confirms that it exists.
    """
    target = target_from_content_type(content_type_id, object_pk)
    if target is None or not can_see(request, target):
        raise Http404(_("No such discussion."))
    return redirect(target_url(target, request))


def mute(request, key):
    """comments-xtd's one-click unsubscribe from follow-up emails.

    Safe as it is: the key is signed with the secret key and mailed only to the follower's
    own address; all it can do is turn off that address's follow-ups on one discussion.
    """
    return xtd_views.mute(request, key)
