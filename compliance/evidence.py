"""Evidence uploads: jpg/png/pdf only, size-capped, image dimensions capped before decoding
(decompression-bomb protection), SHA-256 stored, a thumbnail for images."""

import hashlib
import io
import os
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

MAX_BYTES = 10 * 1024 * 1024
THUMB_SIZE = (320, 320)
EXTENSIONS = {".jpg": "jpg", ".jpeg": "jpg", ".png": "png", ".pdf": "pdf"}
PIL_FORMATS = {"jpg": "JPEG", "png": "PNG"}


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def inspect(upload):
    """Validate one uploaded file; returns a dict of facts or raises ValueError (Chinese)."""
    name = os.path.basename(upload.name or "")[:200]
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
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # reads the header only
                width, height = image.size
                if image.format != PIL_FORMATS[file_type]:
                    raise ValueError(f"“{name}”的内容与扩展名不符。")
                if width * height > max_pixels():
                    raise ValueError(f"“{name}”的像素过大（{width}×{height}），请缩小后再上传。")
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
