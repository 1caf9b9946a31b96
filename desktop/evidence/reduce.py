"""Smaller copies of photos and scans, made on request; the original is always kept.

- Scans carry a real resolution (150–600 dpi): they are resampled to a target dpi (default 200,
  the decree's minimum for digitised copies) and keep their printed size, because the dpi written
  into the copy is scaled with the pixels.
- Photos (no resolution, or the 72/96 dpi cameras and screens write) are resized so their long
  side is at most `long_side` pixels.
- Nothing is ever enlarged. EXIF orientation is applied (a phone photo stays upright once the tag
  is gone), the EXIF date and the colour profile are kept.
- Bilevel scans become PNG, palette images (diagrams, screenshots) stay PNG, everything else
  becomes JPEG at `quality`. A copy that saves less than 10 % is not worth a second file: the
  caller is told, and nothing changes.

Pillow is imported lazily: opening the program should not pay for it.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError

if TYPE_CHECKING:
    from PIL import Image

SCREEN_DPIS = (72, 96)
MIN_SCAN_DPI = 100
MIN_GAIN = 0.10
# Typical JPEG cost at quality ~80, in bytes per pixel: photos ≈ 2 bits, text scans ≈ 0.8 bit.
_JPEG_BYTES_PER_PIXEL = {"RGB": 0.25, "L": 0.10}


@dataclass(frozen=True)
class ReduceOptions:
    long_side: int = 2000  # pixels, for photos
    dpi: int = 200  # for scans with a real resolution
    quality: int = 80  # JPEG quality 1–95

    def __post_init__(self) -> None:
        if not 320 <= self.long_side <= 20000:
            raise UserError("Cạnh dài của ảnh phải từ 320 đến 20000 điểm ảnh.")
        if not 72 <= self.dpi <= 1200:
            raise UserError("Độ phân giải đích phải từ 72 đến 1200 dpi.")
        if not 30 <= self.quality <= 95:
            raise UserError("Chất lượng JPEG phải từ 30 đến 95.")


@dataclass(frozen=True)
class ReducedImage:
    data: bytes
    mime: str
    width: int
    height: int
    dpi: float | None


class NotReducible(Exception):
    """The image cannot or need not be reduced; `reason` is a Vietnamese phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _scan_dpi(image: Image.Image) -> float | None:
    """The resolution of a scan, or None for photos and screen images."""
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        return None
    if value < MIN_SCAN_DPI or round(value) in SCREEN_DPIS:
        return None
    return value


def _scale(width: int, height: int, dpi: float | None, options: ReduceOptions) -> float:
    if dpi is not None:
        return min(1.0, options.dpi / dpi)
    return min(1.0, options.long_side / max(width, height))


def _open(path: Path) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    try:
        return Image.open(path)
    except Image.DecompressionBombError:
        raise NotReducible("ảnh quá lớn (quá nhiều điểm ảnh) để xử lý an toàn") from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise NotReducible("không đọc được ảnh (tệp hỏng hoặc định dạng không hỗ trợ)") from None


def estimate_reduced_size(path: Path, size: int, options: ReduceOptions) -> int:
    """A quick estimate from the header only (no decoding): the budget check uses it."""
    try:
        image = _open(path)
    except NotReducible:
        return size
    with image:
        if getattr(image, "n_frames", 1) > 1 and image.format == "GIF":
            return size
        width, height = image.size
        scale = _scale(width, height, _scan_dpi(image), options)
        pixels = width * height * scale * scale
        if image.format == "JPEG":
            estimate = size * scale * scale
        elif image.mode in ("1", "P"):
            estimate = size * scale * scale  # stays PNG; PNG size follows the pixel count
        else:
            mode = "L" if image.mode in ("L", "LA", "I;16") else "RGB"
            estimate = pixels * _JPEG_BYTES_PER_PIXEL[mode] * getattr(image, "n_frames", 1)
    return int(min(size, estimate))


def reduce_image(path: Path, options: ReduceOptions) -> ReducedImage:
    """Make the smaller copy; raise `NotReducible` when there is nothing to gain."""
    from PIL import Image, ImageOps

    original_size = path.stat().st_size
    image = _open(path)
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > 1 and image.format == "GIF":
            raise NotReducible("ảnh động GIF được giữ nguyên")
        dpi = _scan_dpi(image)
        width, height = image.size
        scale = _scale(width, height, dpi, options)
        if image.format == "JPEG" and scale < 1.0:
            # Decode at 1/2, 1/4 or 1/8 directly: faster and far less memory for big photos.
            image.draft(
                "RGB" if image.mode != "L" else "L", (int(width * scale), int(height * scale))
            )
        try:
            if frames > 1:
                pages = []
                for index in range(frames):
                    image.seek(index)
                    pages.append(_prepare(image.copy(), scale, width, height))
                result = _save_pages(pages, dpi, scale, options)
            else:
                upright = ImageOps.exif_transpose(image) or image
                prepared = _prepare(upright, scale, width, height)
                result = _save(prepared, image, dpi, scale, options)
        except Image.DecompressionBombError:
            raise NotReducible("ảnh quá lớn (quá nhiều điểm ảnh) để xử lý an toàn") from None
        except (OSError, ValueError, SyntaxError, struct.error, zlib.error):
            # Pillow's messages are English ("image file is truncated"): say it in Vietnamese.
            raise NotReducible(
                "không xử lý được ảnh (tệp ảnh bị cắt cụt hoặc hỏng một phần)"
            ) from None
    if len(result.data) > original_size * (1 - MIN_GAIN):
        raise NotReducible("ảnh đã đủ nhỏ, thu nhỏ thêm không tiết kiệm đáng kể")
    return result


def _prepare(image: Image.Image, scale: float, width: int, height: int) -> Image.Image:
    """Resize to `scale` of the original size (of the undrafted image) and fix the mode."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        if image.mode == "P":
            image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode == "CMYK" or image.mode.startswith("I") or image.mode == "F":
        image = image.convert("RGB" if image.mode == "CMYK" else "L")
    # The orientation may have swapped width and height; scale the current shape.
    current_long = max(image.size)
    target_long = max(1, round(max(width, height) * scale))
    if target_long < current_long:
        factor = target_long / current_long
        size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        resample = Image.Resampling.NEAREST if image.mode == "1" else Image.Resampling.LANCZOS
        image = image.resize(size, resample, reducing_gap=3.0)
    return image


def _out_dpi(dpi: float | None, scale: float) -> tuple[float, float] | None:
    return (dpi * scale, dpi * scale) if dpi else None


def _save(
    image: Image.Image,
    source: Image.Image,
    dpi: float | None,
    scale: float,
    options: ReduceOptions,
) -> ReducedImage:
    buffer = io.BytesIO()
    out_dpi = _out_dpi(dpi, scale)
    extra: dict[str, object] = {}
    if out_dpi:
        extra["dpi"] = out_dpi
    icc = source.info.get("icc_profile")
    if icc and source.mode == image.mode:  # a CMYK profile must not travel with RGB pixels
        extra["icc_profile"] = icc
    if image.mode in ("1", "P"):
        image.save(buffer, "PNG", optimize=True, **extra)
        mime = "image/png"
    else:
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        exif = image.getexif()
        if exif:
            extra["exif"] = exif.tobytes()
        image.save(
            buffer, "JPEG", quality=options.quality, optimize=True, progressive=True, **extra
        )
        mime = "image/jpeg"
    return ReducedImage(buffer.getvalue(), mime, image.width, image.height, out_dpi and out_dpi[0])


def _save_pages(
    pages: list[Image.Image], dpi: float | None, scale: float, options: ReduceOptions
) -> ReducedImage:
    """A multi-page scan stays one multi-page TIFF: Group 4 for bilevel pages, JPEG otherwise."""
    buffer = io.BytesIO()
    out_dpi = _out_dpi(dpi, scale)
    bilevel = all(p.mode == "1" for p in pages)
    if not bilevel:
        pages = [
            p if p.mode in ("RGB", "L") else p.convert("L" if p.mode == "1" else "RGB")
            for p in pages
        ]
    extra: dict[str, object] = {"dpi": out_dpi} if out_dpi else {}
    if bilevel:
        extra["compression"] = "group4"
    else:
        extra["compression"] = "jpeg"
        extra["quality"] = options.quality
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:], **extra)
    first = pages[0]
    return ReducedImage(
        buffer.getvalue(), "image/tiff", first.width, first.height, out_dpi and out_dpi[0]
    )
