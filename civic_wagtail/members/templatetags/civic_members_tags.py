"""``{% civic_unread_notifications as count %}``: the signed-in member's unread count.

Cached per member (invalidated when a notification is stored or read), so a page view costs
no query once the count is known.
"""

from django import template

from civic_wagtail.members.notify import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def civic_unread_notifications(context):
    request = context.get("request")
    if request is None:
        return 0
    if not hasattr(request, "_civic_unread"):
        request._civic_unread = unread_count(request.user)
    return request._civic_unread
