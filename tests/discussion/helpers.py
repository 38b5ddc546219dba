"""Posting comments through the public form, as a browser would."""

from django.test import TestCase

from civic_wagtail.discussion.forms import CommentForm
from civic_wagtail.discussion.models import ForumIndexPage, ForumTopicPage


def make_forum(home, topic, title="Permits", slug="permits"):
    """A published forum index (``/forum/``) under ``home`` with one published topic page.
    Returns ``(index, topic_page)``."""
    index = ForumIndexPage(title="Forums", slug="forum")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = ForumTopicPage(title=title, slug=slug, topic=topic)
    index.add_child(instance=page)
    page.save_revision().publish()
    return index, page


def comment_data(target, text, reply_to=0, followup=False, **extra):
    """POST data of the comment form for ``target``, with a valid security hash."""
    form = CommentForm(target)
    data = {
        "content_type": form["content_type"].value(),
        "object_pk": form["object_pk"].value(),
        "timestamp": form["timestamp"].value(),
        "security_hash": form["security_hash"].value(),
        "comment": text,
        "reply_to": reply_to,
        "honeypot": "",
        "next": "/",
    }
    if followup:
        data["followup"] = "on"
    data.update(extra)
    return data


def post_comment(client, target, text, **kwargs):
    """Post as a browser would; what waits for the commit (emails) runs, as after a request."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/discussion/comments/post/", comment_data(target, text, **kwargs))
