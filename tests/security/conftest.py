import pytest
from django.db import transaction

from .world import build_world, clients


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The site of ``world.py``, built once per module inside a transaction rolled back after.

    Tests that use it also take ``db``: each then runs in a savepoint of that transaction.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            built.clients = clients(built)
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
