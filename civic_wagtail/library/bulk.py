"""The bulk page builder moved to the core app: :mod:`civic_wagtail.bulk`."""

from civic_wagtail.bulk import bulk_add_children

__all__ = ["bulk_add_children"]
