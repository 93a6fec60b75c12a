"""The backup archive: one ``.tar.gz`` holding ``database.jsonl`` (every row of every table, see
``cms.backup_db``), ``media/…`` (MEDIA_ROOT), ``private/…`` (the private evidence storage) and
``manifest.json`` (format version, time, engine, row counts, size and SHA-256 of every member).

Reading never trusts the archive: every member is streamed into a scratch directory and checked
against the manifest before anything is restored, so a tampered, truncated or foreign file is
refused with a Chinese message (``BackupError``) while the database and file trees are untouched.
Content apps are imported lazily: this module is loaded by management commands only."""

import gzip
import hashlib
import json
import os
import shutil
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings

FORMAT = "rulebook-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A refusal with a message for the operator (Chinese)."""


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def file_roots():
    """{archive folder: directory on disk}. ``private`` is where evidence files really are: the
    storage of the models' file fields that live outside MEDIA_ROOT (read from the fields, because
    a field's storage is fixed when its model is imported)."""
    from django.apps import apps
    from django.core.files.storage import FileSystemStorage
    from django.db import models

    media = Path(settings.MEDIA_ROOT).resolve()
    roots = {"media": media}
    private = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            storage = getattr(field, "storage", None)
            if isinstance(field, models.FileField) and isinstance(storage, FileSystemStorage):
                location = Path(storage.location).resolve()
                if location != media and media not in location.parents:
                    private.add(location)
    for number, location in enumerate(sorted(private)):
        roots["private" if number == 0 else f"private-{number + 1}"] = location
    return roots


def iter_files(roots):
    """(archive name, path on disk) of every regular file under the roots, in a stable order."""
    for folder, root in roots.items():
        if not root.is_dir():
            continue
        for directory, subdirs, names in os.walk(root):
            subdirs.sort()
            for name in sorted(names):
                path = Path(directory, name)
                if path.is_file() and not path.is_symlink():
                    yield f"{folder}/{path.relative_to(root).as_posix()}", path


class _HashingReader:
    """Hands a file to tarfile while hashing exactly the bytes that went into the archive."""

    def __init__(self, handle):
        self.handle, self.digest, self.size = handle, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add(tar, name, path):
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(path, "rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    if reader.size != info.size:
        raise BackupError(f"文件在备份过程中被修改：{name}，请重新备份。")
    return {"size": reader.size, "sha256": reader.digest.hexdigest()}


def write_archive(target, database_path, manifest, roots, progress=None):
    """Writes the archive to ``target`` via a temporary name, so a crash never leaves a file that
    looks like a finished backup. ``manifest`` gets the ``files`` table filled in."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    files = {}
    try:
        with tarfile.open(partial, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            files[DATABASE] = _add(tar, DATABASE, database_path)
            for name, path in iter_files(roots):
                files[name] = _add(tar, name, path)
                if progress:
                    progress(name)
            manifest["files"] = files
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(os.path.getmtime(database_path)), 0o644
            tar.addfile(info, _BytesReader(data))
        os.chmod(partial, 0o600)  # password hashes and private evidence: owner only
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


class _BytesReader:
    def __init__(self, data):
        self.data, self.offset = data, 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset:end], min(end, len(self.data))
        return chunk


def _safe_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return False
    return name in (MANIFEST, DATABASE) or (len(path.parts) > 1 and path.parts[0].startswith(("media", "private")))


def unpack(archive, scratch):
    """Streams every member of ``archive`` into ``scratch`` and verifies it against the manifest.
    Returns the manifest; raises ``BackupError`` for anything that is not a complete, unaltered
    Rulebook backup."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"找不到备份文件：{archive}")
    try:
        tar = tarfile.open(archive, "r:gz")  # reads the first header: not gzip / not tar fails here
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile):
        raise BackupError(f"{archive.name} 不是 Rulebook 备份文件（应为 backup 命令生成的 .tar.gz）。") from None
    found = {}
    try:
        with tar:
            for member in tar:
                if not member.isfile() or not _safe_name(member.name):
                    raise BackupError(f"备份文件中有不允许的条目：{member.name}，拒绝恢复。")
                if member.name in found:
                    raise BackupError(f"备份文件中有重复的条目：{member.name}，拒绝恢复。")
                found[member.name] = _extract(tar, member, Path(scratch, member.name))
    except (EOFError, zlib.error, tarfile.TarError, gzip.BadGzipFile):  # gzip ends early or its checksum fails
        raise BackupError(f"备份文件不完整或已损坏（可能被截断）：{archive.name}，拒绝恢复。") from None
    if MANIFEST not in found:
        raise BackupError(f"备份文件缺少清单 {MANIFEST}（文件不完整或不是 Rulebook 备份），拒绝恢复。")
    manifest = _read_manifest(Path(scratch, MANIFEST))
    listed = manifest["files"]
    for name, facts in sorted(listed.items()):
        if name not in found:
            raise BackupError(f"备份文件缺少 {name}（文件不完整），拒绝恢复。")
        if found[name] != (facts.get("size"), facts.get("sha256")):
            raise BackupError(f"校验失败：{name} 的大小或 SHA-256 与清单不符，备份已被改动或损坏，拒绝恢复。")
    extra = sorted(set(found) - set(listed) - {MANIFEST})
    if extra:
        raise BackupError(f"备份文件中有清单未列出的文件：{extra[0]}，拒绝恢复。")
    return manifest


def _extract(tar, member, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    source = tar.extractfile(member)
    with open(path, "wb") as out:
        for block in iter(lambda: source.read(CHUNK), b""):
            digest.update(block)
            size += len(block)
            out.write(block)
    if size != member.size:
        raise EOFError
    return size, digest.hexdigest()


def _read_manifest(path):
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError("备份清单 manifest.json 无法读取，拒绝恢复。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("这不是 Rulebook 备份文件（清单格式不符），拒绝恢复。")
    if manifest.get("version") != VERSION:
        raise BackupError(f"备份格式版本 {manifest.get('version')} 不受支持（本程序支持版本 {VERSION}）。")
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("models"), dict):
        raise BackupError("备份清单不完整，拒绝恢复。")
    return manifest


def plan_files(manifest, scratch, roots, force=False):
    """[(unpacked file, destination)] for every media/private member. Without ``force`` a different
    file already at a destination is a refusal: restoring must not overwrite someone's evidence."""
    plan = []
    for name, facts in sorted(manifest["files"].items()):
        if name == DATABASE:
            continue
        folder, rest = name.split("/", 1)
        if folder not in roots:
            raise BackupError(f"备份中的 {folder}/ 目录在本机没有对应的存储位置（请检查 COMPLIANCE_PRIVATE_ROOT）。")
        destination = roots[folder] / rest
        if destination.exists() and not force and sha256_file(destination) != facts["sha256"]:
            raise BackupError(f"目标位置已有内容不同的文件：{destination}。请在空的目录中恢复，或加 --force 覆盖。")
        plan.append((Path(scratch, name), destination))
    return plan


def place_files(plan, undo_dir):
    """Copies the files into place; returns an undo function that puts the directories back as
    they were (used when the database part fails after the files were written)."""
    created, replaced = [], []

    def undo():
        for path in created:
            path.unlink(missing_ok=True)
        for saved, path in replaced:
            shutil.copy2(saved, path)

    try:
        for number, (source, destination) in enumerate(plan):
            if destination.exists():
                if sha256_file(destination) == sha256_file(source):
                    continue
                saved = Path(undo_dir, str(number))
                shutil.copy2(destination, saved)
                replaced.append((saved, destination))
            else:
                created.append(destination)
            destination.parent.mkdir(parents=True, exist_ok=True)
            temporary = destination.with_name(destination.name + ".restoring")
            shutil.copy2(source, temporary)
            os.replace(temporary, destination)
    except BaseException:
        undo()
        raise
    return undo
