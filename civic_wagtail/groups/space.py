"""What is inside a group: its threads (the discussion app's, owned by the group through the
``civic_wagtail_thread_visibility`` hook), its files (a Wagtail collection of its own), its
events and its activity. Each listing is one query, whatever its size."""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Collection

from civic_wagtail.conf import civic_settings

from .models import GroupEvent, GroupFile

DISCUSSION = "civic_wagtail.discussion"


def has_threads():
    return apps.is_installed(DISCUSSION)


def thread_model():
    return apps.get_model("civic_wagtail_discussion", "Thread")


def threads(group, request):
    """The group's threads, latest activity first (published ones, and the reader's own)."""
    if not has_threads():
        return []
    Thread = thread_model()
    visible = Q(status="published")
    if request.user.is_authenticated:
        visible |= Q(author=request.user)
    return (
        Thread.objects.owned_by(group)
        .filter(visible)
        .select_related("forum", "author__civic_profile", "last_poster__civic_profile")
        .order_by("-last_activity_at", "-pk")
    )


def forum_for(group, request):
    """The forum topic page that serves the group's threads: one on the group's topic, else
    the site's first one (the thread stays private whatever forum serves it)."""
    ForumTopicPage = apps.get_model("civic_wagtail_discussion", "ForumTopicPage")
    forums = ForumTopicPage.objects.live().order_by("depth", "path")
    topic_ids = list(group.topics.values_list("pk", flat=True))
    if topic_ids:
        matching = forums.filter(topic_id__in=topic_ids).first()
        if matching is not None:
            return matching
    from civic_wagtail.sections import section_page

    return section_page(request, ForumTopicPage)


def start_thread(group, user, title, body, request):
    """A published thread owned by ``group``, or None when the site has no forum."""
    from django.contrib.contenttypes.models import ContentType

    forum = forum_for(group, request)
    if forum is None:
        return None
    return thread_model().objects.create(
        forum=forum,
        title=title,
        body=body,
        author=user,
        last_poster=user,
        owner_type=ContentType.objects.get_for_model(group),
        owner_id=str(group.pk),
    )


def files(group):
    return (
        GroupFile.objects.filter(group=group)
        .select_related("document", "uploaded_by__civic_profile")
        .order_by("-created_at", "-pk")
    )


def upcoming_events(group):
    return GroupEvent.objects.filter(group=group, end__gte=timezone.now()).order_by("start", "pk")


def parent_collection():
    """The collection that holds every group's collection (made on first use)."""
    root = Collection.get_first_root_node()
    name = civic_settings.GROUPS_COLLECTION_NAME
    found = root.get_children().filter(name=name).first()
    if found is None:
        found = root.add_child(name=name)
    return found


def ensure_collection(group):
    """The group's own collection (made on first use)."""
    if group.collection_id:
        return group.collection
    collection = parent_collection().add_child(name=f"{group.name} ({group.slug})")
    group.collection = collection
    group.save(update_fields=["collection"])
    return collection
