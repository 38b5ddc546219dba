import pytest

from civic_wagtail.groups.checks import check_document_serving


@pytest.mark.parametrize(
    ("method", "warned"),
    [("direct", True), ("redirect", True), ("serve_view", False), (None, False)],
)
def test_documents_served_outside_the_view_are_a_warning(settings, method, warned):
    settings.WAGTAILDOCS_SERVE_METHOD = method
    ids = [message.id for message in check_document_serving(None)]
    assert ids == (["civic_wagtail_groups.W001"] if warned else [])


def test_demo_translations_cover_the_page_texts():
    from civic_wagtail.groups import demo

    for language in ("fr", "es"):
        texts = demo.TRANSLATIONS[language]
        assert {"Working groups", demo.INTRO} <= set(texts)
        # The pilot log's texts (experiments, results, places) are translated too.
        # (a place name such as "Riverside" and an indicator's slug stay as they are).
        assert texts["Did not work"] not in ("", "Did not work")
        assert all(texts.values())
