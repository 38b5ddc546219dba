"""The resource hub: listing, buffered download counts and private collections."""

import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from civic_wagtail.library import downloads
from civic_wagtail.library.models import DownloadTally, ResourcePage
from tests.library.helpers import resource_index

pytestmark = pytest.mark.django_db


def make_document(title="Template", collection=None):
    Document = get_document_model()
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save("template.txt", ContentFile(b"hello world"), save=False)
    document.save()
    return document


def make_resource(index, slug="template", **fields):
    fields.setdefault("external_url", "" if fields.get("document") else "https://example.org/")
    page = ResourcePage(title=slug.title(), slug=slug, resource_type=fields.pop("kind", "tool"),
                        summary="A resource.", licence="CC BY 4.0", **fields)
    index.add_child(instance=page)
    return page


@pytest.fixture
def hub(home_page):
    cache.clear()
    return resource_index(home_page)


def test_listing_filters_by_type_and_shows_format_and_size(client, hub):
    make_resource(hub, "template", kind="template", document=make_document())
    make_resource(hub, "dataset", kind="dataset")
    response = client.get(hub.url, {"type": "template"})
    html = response.content.decode()
    assert [r.slug for r in response.context["resources"]] == ["template"]
    assert "TXT" in html and "11\xa0bytes" in html
    bad = client.get(hub.url, {"type": "spreadsheet"})
    assert bad.status_code == 200 and list(bad.context["resources"]) == []
    assert "There is no such resource type" in bad.content.decode()


def test_download_redirects_through_the_document_serve_view(client, hub):
    document = make_document()
    resource = make_resource(hub, document=document)
    response = client.get(resource.url + "download/")
    assert response.status_code == 302
    assert response["Location"] == document.url
    assert document.url.startswith("/documents/")  # never the storage URL


def test_a_download_writes_nothing_to_the_database(client, hub, settings):
    settings.CIVIC_WAGTAIL_LIBRARY_DOWNLOAD_FLUSH_INTERVAL = 3600
    resource = make_resource(hub)
    client.get(resource.url + "download/")  # the first one may queue the flush
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert client.get(resource.url + "download/").status_code == 302
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert downloads.pending_count(resource.pk) >= 5


def test_flush_moves_buffered_counts_into_the_database(client, hub):
    cache.set(downloads.FLUSH_LOCK, 1)  # no automatic flush during this test
    first, second = make_resource(hub, "first"), make_resource(hub, "second")
    for _ in range(3):
        client.get(first.url + "download/")
    client.get(second.url + "download/")
    out = io.StringIO()
    call_command("flush_resource_downloads", stdout=out)
    assert "Flushed 4 download(s)" in out.getvalue()
    assert dict(DownloadTally.objects.values_list("resource_id", "count")) == {
        first.pk: 3,
        second.pk: 1,
    }
    client.get(first.url + "download/")
    assert downloads.flush_counts() == 1
    assert DownloadTally.objects.get(resource=first).count == 4
    assert downloads.pending_count(first.pk) == 0
    assert "<dd>4</dd>" in client.get(first.url).content.decode()


def test_the_first_download_of_an_interval_queues_one_flush(
    client, hub, django_capture_on_commit_callbacks
):
    resource = make_resource(hub)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(resource.url + "download/")
        client.get(resource.url + "download/")
    assert len(callbacks) == 1  # one flush queued (run by the immediate task backend)
    assert DownloadTally.objects.get(resource=resource).count == 2
    assert downloads.pending_count(resource.pk) == 0


def test_private_collection_documents_stay_restricted(client, hub):
    private = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document(collection=private)
    resource = make_resource(hub, document=document)
    response = client.get(resource.url + "download/")
    assert response["Location"] == document.url
    served = client.get(document.url)
    assert served.status_code == 302
    assert "/login/" in served["Location"]


def test_resource_without_target_is_404(client, hub):
    resource = make_resource(hub, external_url="https://example.org/")
    ResourcePage.objects.filter(pk=resource.pk).update(external_url="")
    assert client.get(resource.url + "download/").status_code == 404
