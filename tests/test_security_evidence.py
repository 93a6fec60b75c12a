"""Evidence images: decoded strictly in every process, shown without EXIF (no GPS), long names keep
their extension; the original's SHA-256 stays the evidence."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from compliance import evidence
from compliance.models import Record


def _jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"                                        # Make
    exif.get_ifd(0x8825).update({1: "N", 2: (28.0, 19.0, 48.0), 3: "E", 4: (106.0, 12.0, 30.0)})  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png(size=(200, 200)):
    out = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def lenient_process():
    """What WeasyPrint does to the whole process once a PDF has rendered."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    yield
    ImageFile.LOAD_TRUNCATED_IMAGES = previous


@pytest.mark.parametrize("maker,ext", [(_png, ".png"), (_jpeg_with_gps, ".jpg")])
def test_truncated_image_refused_even_after_a_pdf_render(lenient_process, maker, ext):
    data = maker()
    upload = SimpleUploadedFile("照片" + ext, data[: len(data) * 2 // 3])
    with pytest.raises(ValueError, match="不是有效的图片文件"):
        evidence.inspect(upload)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # the process setting is left as it was


def test_whole_image_still_accepted(lenient_process):
    facts = evidence.inspect(SimpleUploadedFile("照片.png", _png()))
    assert facts["width"] == 200


def test_long_filename_keeps_its_extension():
    upload = SimpleUploadedFile("村" * 300 + ".jpg", _jpeg_with_gps())
    facts = evidence.inspect(upload)
    assert len(facts["original_name"]) == 200 and facts["original_name"].endswith(".jpg")


def test_displayed_photo_has_no_gps_but_the_original_hash_is_kept(client, login, db, settings, tmp_path):
    settings.COMPLIANCE_PRIVATE_ROOT = str(tmp_path)
    data = _jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the test photo does carry GPS
    record = Record.objects.filter(is_current=True).select_related("village").first()
    upload = SimpleUploadedFile("现场.jpg", data)
    attachment = evidence.store(record, upload, evidence.inspect(upload))
    login("admin")
    shown = client.get(f"/records/files/{attachment.pk}/")
    assert shown.status_code == 200
    body = b"".join(shown.streaming_content) if shown.streaming else shown.content
    exif = Image.open(io.BytesIO(body)).getexif()
    assert not exif.get_ifd(0x8825) and 0x010F not in exif
    thumb = client.get(f"/records/files/{attachment.pk}/thumb/")
    assert not Image.open(io.BytesIO(b"".join(thumb.streaming_content))).getexif().get_ifd(0x8825)
    attachment.refresh_from_db()
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    original = client.get(f"/records/files/{attachment.pk}/", {"original": "1"})
    assert b"".join(original.streaming_content) == data  # auditors still get the file as uploaded
