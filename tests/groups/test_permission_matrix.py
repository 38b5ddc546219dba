"""Every read of a group's content, through HTTP, for every kind of visitor: 404 for a
secret group and 403 for the others wherever the visitor may not read."""

import pytest

from .conftest import WorkingGroup  # noqa: F401

ROLES = ["anon", "nonmember", "pending", "member", "lead", "former", "moderator", "admin"]
INSIDE = {"member", "lead", "admin"}


def _client(client, people, role):
    if role != "anon":
        client.force_login(people[role])
    return client


def _urls(item):
    group = item["group"]
    base = f"/groups/{group.slug}/"
    document = item["file"].document
    return {
        "threads": base + "threads/",
        "thread": item["thread"].get_url(),
        "files": base + "files/",
        "file": f"{base}files/{item['file'].pk}/",
        "wagtail_document": document.url,
        "events": base + "events/",
        "pilot": base + "pilot/",
        "members": base + "members/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "members", "secret"])
def test_reads_inside_a_group(client, world, people, role, visibility):
    _client(client, people, role)
    item = world[visibility]
    forbidden = 404 if visibility == "secret" else 403
    for name, url in _urls(item).items():
        status = client.get(url).status_code
        if role in INSIDE:
            assert status == 200, (name, url, role, status)
        elif name == "wagtail_document":
            # Wagtail's own document URL never confirms a group file exists.
            assert status == 404, (name, role, status)
        else:
            assert status == forbidden, (name, url, role, status)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "members", "secret"])
def test_group_page_list_and_search(client, world, people, role, visibility):
    _client(client, people, role)
    group = world[visibility]["group"]
    page = client.get(f"/groups/{group.slug}/")
    listing = client.get("/groups/").content.decode()
    found = client.get("/search/", {"q": group.name, "type": "civic_wagtail_groups.workinggroup"})
    known = visibility != "secret" or role in INSIDE
    assert page.status_code == (200 if known else 404)
    assert (group.name in listing) is known
    assert found.status_code == 200
    # The search form repeats the words searched: look for the result's link.
    assert (f'href="/groups/{group.slug}/"' in found.content.decode()) is known
    if known:
        body = page.content.decode()
        # Only readers see the space; the thread title is private to members.
        assert (world[visibility]["thread"].title in body) is (role in INSIDE)


@pytest.mark.django_db
def test_private_threads_never_reach_forum_listings(client, world, people, forum):
    client.force_login(people["member"])
    body = client.get(forum.get_url()).content.decode()
    for item in world.values():
        assert item["thread"].title not in body


@pytest.mark.django_db
def test_leaving_removes_access_at_once(client, world, people):
    from civic_wagtail.groups import membership

    client.force_login(people["member"])
    item = world["secret"]
    assert client.get(item["thread"].get_url()).status_code == 200
    assert client.get(f"/groups/{item['group'].slug}/files/{item['file'].pk}/").status_code == 200
    membership.leave(people["member"], item["group"])
    assert client.get(item["thread"].get_url()).status_code == 404
    assert client.get(f"/groups/{item['group'].slug}/files/{item['file'].pk}/").status_code == 404
    assert client.get(item["file"].document.url).status_code == 404
    assert client.get(f"/groups/{item['group'].slug}/").status_code == 404


@pytest.mark.django_db
def test_hostile_input_is_refused(client, world, people):
    client.force_login(people["member"])
    slug = world["public"]["group"].slug
    for url in [
        f"/groups/{slug}/files/99999999999999999999999/",
        f"/groups/{slug}/files/%00/",
        "/groups/%22%27/",
        f"/groups/{slug}/members/1/nonsense/",
        "/groups/invitations/%00/",
    ]:
        status = client.get(url).status_code
        assert 400 <= status < 500, (url, status)
