"""DRF serializers used by the pages' ``api_fields`` (Wagtail API v2)."""

from rest_framework import serializers


class OutcomeSerializer(serializers.Serializer):
    """An outcome row as open data: numbers as strings (exact decimals), dates in ISO 8601."""

    indicator = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    unit = serializers.CharField(source="get_unit", read_only=True)
    direction = serializers.CharField(source="get_direction", read_only=True)
    baseline = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    target = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    actual = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    comparable = serializers.BooleanField(source="is_comparable", read_only=True)
    relative_change = serializers.SerializerMethodField()
    evidence_url = serializers.CharField()
    notes = serializers.CharField()

    def get_relative_change(self, outcome):
        change = outcome.relative_change
        return None if change is None else round(float(change), 4)


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PeerReviewedAtField(serializers.DateTimeField):
    """``peer_reviewed_at``: the date of the page's latest peer review, or ``null``.

    The API's queryset annotates it (:func:`civic_wagtail.peer_review.with_reviewed_at`), so
    a listing of any length costs no extra query.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)
