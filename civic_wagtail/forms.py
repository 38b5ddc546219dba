"""Form fields shared by the feature apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models, router


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, except that an id the database cannot hold is a validation error.

    Django checks each submitted id with ``exact`` lookups, which know an integer column's
    range, then fetches them all with an ``in`` lookup, which does not: an id such as
    ``2**70`` reaches SQLite as an ``OverflowError`` (a 500). Such an id names nothing.
    """

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        model = self.queryset.model
        field = model._meta.pk if key == "pk" else model._meta.get_field(key)
        if isinstance(field, models.IntegerField | models.AutoField) and not isinstance(
            value, str
        ):
            connection = connections[router.db_for_read(model)]
            low, high = connection.ops.integer_field_range(field.get_internal_type())
            for pk in value:
                try:
                    number = int(pk)
                except (TypeError, ValueError):
                    continue  # Django's own check reports it
                if (low is not None and number < low) or (high is not None and number > high):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)
