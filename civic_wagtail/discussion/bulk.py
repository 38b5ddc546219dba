"""Create long comment threads fast (demo, tests, benchmarks), bypassing comments-xtd's
one-reply-at-a-time threading: the tree is planned in Python and written with ``bulk_create``,
one batch per level, with the same ``thread_id``/``parent_id``/``level``/``order``/
``nested_count`` values comments-xtd would have computed."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_comments_xtd import get_model

from .models import Thread


class _Node:
    __slots__ = ("parent", "level", "children", "user", "text", "when", "obj")

    def __init__(self, parent, user, text, when):
        self.parent = parent
        self.level = 0 if parent is None else parent.level + 1
        self.children = []
        self.user = user
        self.text = text
        self.when = when
        self.obj = None


def _descendants(node):
    return sum(1 + _descendants(child) for child in node.children)


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


def create_comments(target, users, count, rng, texts, max_level=None, start=None, reply_ratio=0.6):
    """Add ``count`` published comments to ``target`` by ``users`` (a list), deterministically.

    About ``reply_ratio`` of them are replies to one of the recent comments, down to
    ``max_level`` (``COMMENTS_XTD_MAX_THREAD_LEVEL`` by default). Returns the created comments.
    """
    Comment = get_model()
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL if max_level is None else max_level
    start = start or timezone.now() - timedelta(minutes=10 * count + 60)
    roots, recent = [], []
    for i in range(count):
        when = start + timedelta(minutes=10 * i)
        user = rng.choice(users)
        candidates = [node for node in recent[-15:] if node.level < max_level]
        if roots and candidates and rng.random() < reply_ratio:
            parent = rng.choice(candidates)
            node = _Node(parent, user, rng.choice(texts), when)
            parent.children.append(node)
        else:
            node = _Node(None, user, rng.choice(texts), when)
            roots.append(node)
        recent.append(node)

    content_type = ContentType.objects.get_for_model(target)
    by_level = {}
    for root in roots:
        for order, node in enumerate(_walk(root), start=1):
            node.obj = Comment(
                content_type=content_type,
                object_pk=str(target.pk),
                site_id=settings.SITE_ID,
                is_public=True,
                user=node.user,
                user_name=node.user.get_full_name() or node.user.get_username(),
                user_email=node.user.email,
                comment=node.text,
                submit_date=node.when,
                ip_address=f"192.0.2.{1 + (node.user.pk % 250)}",
                level=node.level,
                order=order,
                nested_count=_descendants(node),
            )
            by_level.setdefault(node.level, []).append(node)
    with transaction.atomic():
        for level in sorted(by_level):
            _insert(Comment, [node.obj for node in by_level[level]], by_level[level])
        if isinstance(target, Thread):
            target.refresh_activity()
    return [node.obj for root in roots for node in _walk(root)]


def _insert(Comment, objs, nodes):  # noqa: N803
    # XtdComment inherits from django-contrib-comments' Comment (multi-table), which
    # bulk_create refuses: insert the parent rows in bulk, then the child rows.
    parent_model = Comment._meta.get_parent_list()[0]
    parent_fields = [f.attname for f in parent_model._meta.concrete_fields if not f.primary_key]
    parents = [
        parent_model(**{name: getattr(obj, name) for name in parent_fields}) for obj in objs
    ]
    parent_model._default_manager.bulk_create(parents, batch_size=500)
    for obj, parent, node in zip(objs, parents, nodes, strict=True):
        obj.pk = obj.comment_ptr_id = parent.pk
        root = _root(node)
        obj.thread_id = root.obj.pk
        obj.parent_id = node.parent.obj.pk if node.parent is not None else obj.pk
    fields = Comment._meta.local_concrete_fields
    for i in range(0, len(objs), 200):
        Comment._base_manager._insert(objs[i : i + 200], fields=fields, raw=True)


def _root(node):
    while node.parent is not None:
        node = node.parent
    return node
