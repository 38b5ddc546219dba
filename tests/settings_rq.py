"""Settings of the real RQ task worker that tests/production/test_rq_worker.py starts.

The test settings, with tasks on RQ (``CIVIC_TEST_RQ_URL``) and emails written to files in
``CIVIC_TEST_EMAIL_DIR`` so the test can count what the worker sent.
"""

import os

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
RQ_QUEUES = {"default": {"URL": os.environ["CIVIC_TEST_RQ_URL"]}}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["CIVIC_TEST_EMAIL_DIR"]
