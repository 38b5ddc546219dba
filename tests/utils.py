import pytest
from django.db import connection

#: Marks a test that only means something on PostgreSQL (row locks, concurrency).
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)
