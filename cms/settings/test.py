import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / str(os.getpid())
# An in-memory SQLite unless the run points DATABASE_URL elsewhere (CI's PostgreSQL).
if not os.environ.get("DATABASE_URL"):
    # EXCLUSIVE as in base: the task worker's claim then nests in the test's transaction.
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:",
                             "OPTIONS": {"transaction_mode": "EXCLUSIVE"}}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run inline unless a test switches to the database backend to run the real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_HOST = ""
