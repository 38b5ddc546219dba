"""System checks of the transparency app (ids ``civic_wagtail_transparency.*``, documented in
docs/reference/checks.md)."""
