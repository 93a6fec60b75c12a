"""backup / restore: a round trip into a second, empty database loses nothing (every row byte for
byte, so exact timestamps, the page tree, revisions, accounts, permissions and the audit log), the
evidence files come back with their hashes, search works; a bad archive changes nothing.

The round trip restores in a subprocess with its own DATABASE_URL: a temporary SQLite file, or,
when the suite runs on PostgreSQL, a second PostgreSQL database created by the test."""

import datetime
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from cms import backup, backup_db
from compliance import evidence
from compliance.models import Record
from search.service import run_search
from tests.search_helpers import skip_without_engine

skip_without_engine()

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n% evidence for the backup test\n%%EOF\n"
EXACT = datetime.datetime(2026, 11, 19, 8, 30, 15, 123457, tzinfo=datetime.UTC)
CHECK = """
import json, os
from cms import backup, backup_db
from search.engines import get_engine
from search.service import run_search
with open(os.environ["CHECK_DUMP"], "wb") as out:
    backup_db.dump(out)
files = {name: backup.sha256_file(path) for name, path in backup.iter_files(backup.file_roots())}
hits = [h.unit.id for h in run_search("村民", page_size=50)[2].hits]
engine = get_engine()
if engine.name == "elasticsearch":
    engine._drop_quietly()
print(json.dumps({"files": files, "hits": hits}))
"""


def manifest_of(path):
    with tarfile.open(path, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def member(path, name):
    with tarfile.open(path, "r:gz") as tar:
        return tar.extractfile(name).read()


def rewrite(source, target, change):
    """A copy of the archive with ``change(name, data)`` applied to every member."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for info in old:
            data = change(info.name, old.extractfile(info).read())
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "通知.txt").write_text("村民大会通知", "utf-8")
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def archive(tmp_path_factory, django_db_blocker):
    """One archive of the demo database (the backup only reads), for the refusal tests."""
    path = tmp_path_factory.mktemp("backup") / "rulebook.tar.gz"
    with django_db_blocker.unblock():
        call_command("backup", str(path), stdout=io.StringIO())
    return path


@pytest.fixture
def target_database(tmp_path):
    """DATABASE_URL of a second, empty database of the suite's engine."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    conf = connection.settings_dict
    # Not "test_…": the Elasticsearch engine gives a test database's processes an index each, and the
    # restore and the check below run in two processes that must share the restored index.
    name = f"restored_{conf['NAME']}"[:63]
    admin = psycopg.connect(dbname="postgres", user=conf["USER"], password=conf["PASSWORD"] or None,
                            host=conf["HOST"] or None, port=conf["PORT"] or None, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        password = f":{quote(conf['PASSWORD'], safe='')}" if conf["PASSWORD"] else ""
        yield f"postgres://{quote(conf['USER'] or '', safe='')}{password}@{conf['HOST']}:{conf['PORT']}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


def manage(env, *args):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_round_trip_into_an_empty_database_loses_nothing(db, media, tmp_path, target_database):
    record = Record.objects.filter(is_current=True).order_by("id").first()
    upload = SimpleUploadedFile("村民会议记录.pdf", PDF, content_type="application/pdf")
    attachment = evidence.store(record, upload, evidence.inspect(upload))
    Record.objects.filter(pk=record.pk).update(submitted_at=EXACT)
    source_hits = [h.unit.id for h in run_search("村民", page_size=50)[2].hits]

    path = tmp_path / "rulebook.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    manifest = manifest_of(path)
    assert manifest["created_at"].startswith("2026-11-20T")  # the frozen test clock
    assert manifest["engine"] == connection.vendor
    assert manifest["models"]["compliance.record"]["rows"] == Record.objects.count()
    for name in ("wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.page", "auth.user",
                 "auth.group_permissions", "wagtailcore.grouppagepermission"):
        assert manifest["models"][name]["rows"] > 0, name
    evidence_name = f"private/{attachment.file.name}"
    assert manifest["files"][evidence_name] == {"size": len(PDF), "sha256": attachment.sha256}
    assert "media/documents/通知.txt" in manifest["files"]

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": target_database,
           "RULEBOOK_NOW": "2026-11-20T10:00", "MEDIA_ROOT": str(tmp_path / "restored-media"),
           "COMPLIANCE_PRIVATE_ROOT": str(tmp_path / "restored-private"),
           "SEARCH_EMBEDDED_PATH": str(tmp_path / "restored-search.sqlite3"),
           "SEARCH_INDEX_PREFIX": f"rulebook-restore-{os.getpid()}"}
    manage(env, "migrate", "-v0")
    output = manage(env, "restore", str(path))
    assert "恢复完成" in output
    env["CHECK_DUMP"] = str(tmp_path / "restored.jsonl")
    checked = json.loads(manage(env, "shell", "-c", CHECK).strip().splitlines()[-1])

    # Every row of every table, value for value: counts, keys, the page tree, revisions, accounts,
    # group permissions, the audit log and timestamps to the microsecond.
    original = member(path, backup.DATABASE)
    restored = (tmp_path / "restored.jsonl").read_bytes()
    assert restored == original
    assert EXACT.isoformat() in restored.decode()
    assert checked["files"] == {name: facts["sha256"] for name, facts in manifest["files"].items()
                                if name != backup.DATABASE}
    assert (tmp_path / "restored-private" / attachment.file.name).read_bytes() == PDF
    assert checked["hits"] and checked["hits"] == source_hits


def refused(path, message):
    """The restore stops with ``message`` and leaves the database and every file tree as they were."""
    before = backup_db.counts()
    files_before = list(backup.iter_files(backup.file_roots()))
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), stdout=io.StringIO())
    assert backup_db.counts() == before
    assert list(backup.iter_files(backup.file_roots())) == files_before


def test_tampered_member_is_refused(db, archive, tmp_path):
    def change(name, data):
        return data.replace(b"2026-", b"2025-", 1) if name == backup.DATABASE else data

    refused(rewrite(archive, tmp_path / "tampered.tar.gz", change), "SHA-256 与清单不符")


def test_tampered_evidence_file_is_refused(db, media, tmp_path):
    (media / "documents" / "通知.txt").write_text("原件", "utf-8")
    path = tmp_path / "b.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())

    def change(name, data):
        return "伪造".encode() if name.endswith("通知.txt") else data

    refused(rewrite(path, tmp_path / "tampered.tar.gz", change), "通知.txt 的大小或 SHA-256 与清单不符")


def test_truncated_archive_is_refused(db, archive, tmp_path):
    data = archive.read_bytes()
    half = tmp_path / "half.tar.gz"
    half.write_bytes(data[: len(data) // 2])
    refused(half, "不完整")


def test_archive_without_a_listed_member_is_refused(db, archive, tmp_path):
    manifest = manifest_of(archive)
    manifest["files"]["media/lost.jpg"] = {"size": 1, "sha256": "0" * 64}

    def change(name, data):
        return json.dumps(manifest).encode() if name == backup.MANIFEST else data

    refused(rewrite(archive, tmp_path / "short.tar.gz", change), "缺少 media/lost.jpg")


@pytest.mark.parametrize("content", [b"just some text\n", b"PK\x03\x04 a zip file"])
def test_wrong_format_is_refused(db, tmp_path, content):
    path = tmp_path / "notes.tar.gz"
    path.write_bytes(content)
    refused(path, "不是 Rulebook 备份文件")


def test_newer_format_version_is_refused(db, archive, tmp_path):
    manifest = manifest_of(archive)
    manifest["version"] = 99

    def change(name, data):
        return json.dumps(manifest).encode() if name == backup.MANIFEST else data

    refused(rewrite(archive, tmp_path / "v99.tar.gz", change), "版本 99 不受支持")


def test_restore_refuses_a_database_that_is_not_empty(db, archive):
    refused(archive, "目标数据库不是空的")


def test_missing_archive_is_a_clear_error(db, tmp_path):
    refused(tmp_path / "nowhere.tar.gz", "找不到备份文件")


def test_manifest_lists_counts_and_hashes(db, archive):
    manifest = manifest_of(archive)
    assert manifest["format"] == backup.FORMAT and manifest["version"] == backup.VERSION
    assert {name: facts["rows"] for name, facts in manifest["models"].items()} == backup_db.counts()
    dump = member(archive, backup.DATABASE)
    assert manifest["files"][backup.DATABASE]["size"] == len(dump)
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
