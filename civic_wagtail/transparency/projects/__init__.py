"""The project-tracker part of the transparency app (pages and records in ``..models``)."""
