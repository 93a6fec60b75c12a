"""Evidence uploads: jpg/png/pdf only, size-capped, image dimensions capped before decoding
(decompression-bomb protection), SHA-256 stored, a thumbnail for images.

Images are decoded strictly and completely, whatever another part of the process set: WeasyPrint
turns on ``ImageFile.LOAD_TRUNCATED_IMAGES`` for the whole process once a PDF renders, after which a
truncated photo would pass. What is displayed is re-encoded without EXIF (no GPS position); the
stored original and its SHA-256 stay the evidence."""

import contextlib
import hashlib
import io
import os
import threading
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageFile, ImageOps

MAX_BYTES = 10 * 1024 * 1024
THUMB_SIZE = (320, 320)
EXTENSIONS = {".jpg": "jpg", ".jpeg": "jpg", ".png": "png", ".pdf": "pdf"}
PIL_FORMATS = {"jpg": "JPEG", "png": "PNG"}
MAX_NAME = 200
_strict_lock = threading.Lock()


@contextlib.contextmanager
def strict_decoding():
    """Truncated images raise while inside, whatever the process-wide flag says outside."""
    with _strict_lock:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def safe_name(raw):
    """The base name, at most MAX_NAME characters, keeping its extension."""
    name = os.path.basename((raw or "").replace("\\", "/"))
    if len(name) <= MAX_NAME:
        return name
    stem, ext = os.path.splitext(name)
    ext = ext[:20]
    return stem[:MAX_NAME - len(ext)] + ext


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def inspect(upload):
    """Validate one uploaded file; returns a dict of facts or raises ValueError (Chinese)."""
    name = safe_name(upload.name)
    ext = os.path.splitext(name)[1].lower()
    if ext not in EXTENSIONS:
        raise ValueError(f"“{name}”的类型不支持，只能上传 JPG、PNG 图片或 PDF 文件。")
    if upload.size > MAX_BYTES:
        raise ValueError(f"“{name}”超过 {MAX_BYTES // 1024 // 1024} MB，请压缩后再上传。")
    if upload.size == 0:
        raise ValueError(f"“{name}”是空文件。")
    data = upload.read()
    upload.seek(0)
    file_type = EXTENSIONS[ext]
    facts = {"original_name": name, "file_type": file_type, "size": len(data),
             "sha256": hashlib.sha256(data).hexdigest(), "width": None, "height": None, "thumb": None}
    if file_type == "pdf":
        if not data.startswith(b"%PDF-"):
            raise ValueError(f"“{name}”不是有效的 PDF 文件。")
        return facts
    try:
        with warnings.catch_warnings(), strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # reads the header only
                width, height = image.size
                if image.format != PIL_FORMATS[file_type]:
                    raise ValueError(f"“{name}”的内容与扩展名不符。")
                if width * height > max_pixels():
                    raise ValueError(f"“{name}”的像素过大（{width}×{height}），请缩小后再上传。")
                image.load()  # the whole image: a truncated file fails here, not only its header
                image = ImageOps.exif_transpose(image)
                image.thumbnail(THUMB_SIZE)
                thumb = image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValueError(f"“{name}”的像素过大，请缩小后再上传。") from None
    except ValueError:
        raise
    except Exception:  # noqa: BLE001 — any decoder failure means "not an image we accept"
        raise ValueError(f"“{name}”不是有效的图片文件。") from None
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=80)
    facts.update(width=width, height=height, thumb=ContentFile(out.getvalue(), name="thumb.jpg"))
    return facts


def display_bytes(attachment):
    """The image as shown and published: decoded strictly, turned upright, re-encoded without EXIF
    (no GPS position, camera or time stamp). The stored original is never changed."""
    file_type = attachment.file_type
    with attachment.file.open("rb") as f, strict_decoding(), Image.open(f) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        if file_type == "jpg":
            upright.convert("RGB").save(out, "JPEG", quality=90)
        else:
            upright.save(out, "PNG")
    return out.getvalue()


def store(record, upload, facts, user=None):
    from .models import Attachment

    attachment = Attachment(record=record, original_name=facts["original_name"], file_type=facts["file_type"],
                            size=facts["size"], sha256=facts["sha256"], width=facts["width"],
                            height=facts["height"], uploaded_by=user if user and user.is_authenticated else None)
    attachment.file.save(facts["original_name"], upload, save=False)
    if facts["thumb"] is not None:
        attachment.thumbnail.save("thumb.jpg", facts["thumb"], save=False)
    attachment.save()
    return attachment
