"""Bulk creation of pages: the one page builder of the demo seeder, the benchmarks and the
tests' large sizes (10,000 practices, 1,000 events).

``Page.add_child`` costs a handful of queries per page (tree position, parent counter,
cluster children, signals). :func:`bulk_add_children` computes the tree paths itself and
inserts the base rows, the specific rows, the many-to-many rows and the inline children
with a few bulk statements per batch. Pages are created live without revisions and
without search indexing: index them afterwards (``backend.add_bulk``) or with
``manage.py update_index``. Not for content that editors create.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page


def _insert_specific_rows(model, pages):
    """INSERT the specific table's rows (multi-table inheritance defeats bulk_create)."""
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [f.get_db_prep_save(f.pre_save(page, True), connection) for f in fields] for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def _cluster_relations(model):
    m2m = [f for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)]
    children = [
        rel for rel in model._meta.related_objects if isinstance(rel.remote_field, ParentalKey)
    ]
    return m2m, children


def _in_memory(page, name):
    """Objects given to a cluster relation (``set()``/``add()``) before the page is saved."""
    return list(getattr(page, "_cluster_related_objects", {}).get(name, []))


@transaction.atomic
def bulk_add_children(parent, pages, batch_size=1000):
    """Add ``pages`` (unsaved instances of one specific model) as live children of ``parent``.

    In-memory many-to-many values (``page.topics.set([...])``) and inline children
    (``page.outcomes.add(...)``) are saved too. Returns ``pages`` with primary keys.
    """
    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    m2m_fields, child_relations = _cluster_relations(model)
    for start in range(0, len(pages), batch_size):
        batch = pages[start : start + batch_size]
        bases = []
        # Read the in-memory relations while the pages have no primary key: afterwards the
        # cluster managers would query the database for each page.
        terms = {
            field.name: [_in_memory(page, field.name) for page in batch] for field in m2m_fields
        }
        children = {
            relation.name: [_in_memory(page, relation.get_accessor_name()) for page in batch]
            for relation in child_relations
        }
        for page in batch:
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.content_type = content_type
            page.locale_id = page.locale_id or parent.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.last_published_at = page.last_published_at or page.first_published_at
            base = Page(
                **{
                    f.attname: getattr(page, f.attname)
                    for f in Page._meta.concrete_fields
                    if f.attname != "id"
                }
            )
            bases.append(base)
        Page.objects.bulk_create(bases)
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
        _insert_specific_rows(model, batch)
        for field in m2m_fields:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": page.pk, f"{target}_id": term.pk})
                    for page, page_terms in zip(batch, terms[field.name], strict=True)
                    for term in page_terms
                ]
            )
        for relation in child_relations:
            rows = []
            for page, page_children in zip(batch, children[relation.name], strict=True):
                for child in page_children:
                    setattr(child, relation.field.attname, page.pk)
                    rows.append(child)
            relation.related_model.objects.bulk_create(rows)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages
