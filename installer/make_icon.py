"""Draw the application icon with Pillow and write resources/icons/baocao.{ico,png}.

The icon is an official document page: a red agency block top-left, the national-title lines
top-right, body lines, and a red seal over a blue signature stroke. Large sizes are drawn at 4×
and reduced with Lanczos; the 16/24/32 px frames use a simplified drawing with pixel-snapped
strokes, because the large picture shrunk to 16 px is grey mush.

Run from the repository root:  python installer/make_icon.py
The outputs are committed; rerun only when the drawing changes.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"

PAPER = (255, 255, 255, 255)
PAPER_EDGE = (120, 128, 140, 255)
FOLD = (214, 219, 226, 255)
SHADOW = (0, 0, 0, 70)
RED = (200, 16, 46, 255)  # the red of an official seal
INK = (40, 44, 52, 255)
GREY = (150, 156, 166, 255)
BLUE = (29, 78, 216, 255)  # signature ink (Điều 13.6: blue, non-fading)

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_SIZES = (16, 24, 32)


def _detailed(size: int) -> Image.Image:
    """The full drawing for 48 px and up, drawn at 4× then reduced."""
    s = size * 4
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def px(f: float) -> int:
        return round(f * s)

    left, top, right, bottom = px(0.17), px(0.05), px(0.83), px(0.95)
    fold = px(0.16)
    # Soft shadow, offset down-right.
    off = px(0.02)
    d.polygon(
        [(left + off, top + off), (right - fold + off, top + off), (right + off, top + fold + off),
         (right + off, bottom + off), (left + off, bottom + off)],
        fill=SHADOW,
    )  # fmt: skip
    page = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    d.polygon(page, fill=PAPER, outline=PAPER_EDGE, width=max(1, px(0.012)))
    d.polygon(
        [(right - fold, top), (right - fold, top + fold), (right, top + fold)],
        fill=FOLD,
        outline=PAPER_EDGE,
    )
    line_w = max(2, px(0.028))
    # Agency block (ô 2): two red lines and a short rule under them.
    d.rounded_rectangle(
        (px(0.23), px(0.12), px(0.45), px(0.12) + line_w), radius=line_w // 2, fill=RED
    )
    d.rounded_rectangle(
        (px(0.25), px(0.17), px(0.43), px(0.17) + line_w), radius=line_w // 2, fill=RED
    )
    d.rectangle((px(0.30), px(0.215), px(0.38), px(0.215) + line_w // 2), fill=RED)
    # Quốc hiệu / tiêu ngữ (ô 1): two dark lines on the right, under the fold.
    d.rounded_rectangle(
        (px(0.49), px(0.24), px(0.77), px(0.24) + line_w), radius=line_w // 2, fill=INK
    )
    d.rounded_rectangle(
        (px(0.53), px(0.29), px(0.73), px(0.29) + line_w), radius=line_w // 2, fill=INK
    )
    # Title (ô 5a), centred and bold.
    d.rounded_rectangle(
        (px(0.36), px(0.38), px(0.64), px(0.38) + px(0.04)), radius=px(0.02), fill=INK
    )
    # Body text lines.
    for i, (x0, x1) in enumerate(((0.27, 0.77), (0.23, 0.77), (0.23, 0.77), (0.23, 0.60))):
        y = px(0.48 + i * 0.07)
        d.rounded_rectangle((px(x0), y, px(x1), y + line_w), radius=line_w // 2, fill=GREY)
    # Signature stroke (blue); the seal covers its left third (Điều 33).
    d.arc((px(0.52), px(0.74), px(0.74), px(0.86)), start=200, end=340, fill=BLUE, width=px(0.02))
    d.arc((px(0.60), px(0.72), px(0.78), px(0.84)), start=160, end=20, fill=BLUE, width=px(0.016))
    cx, cy, r = px(0.52), px(0.80), px(0.105)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=RED, width=px(0.02))
    ri = r - px(0.032)
    d.ellipse((cx - ri, cy - ri, cx + ri, cy + ri), outline=RED, width=px(0.008))
    d.polygon(_star(cx, cy, px(0.045)), fill=RED)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """A five-pointed star, point up (the centre of a Vietnamese seal)."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    return points


def _small(size: int) -> Image.Image:
    """A simplified drawing for 16–32 px: page, red header bar, two lines, red seal."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = size / 16  # one "pixel" of the 16 px design
    left, top, right, bottom = round(3 * u), round(1 * u), round(13 * u) - 1, round(15 * u) - 1
    fold = round(3 * u)
    d.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=PAPER,
        outline=PAPER_EDGE,
    )
    d.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    bar = max(1, round(u))
    d.rectangle((round(5 * u), round(3 * u), round(8 * u), round(3 * u) + bar - 1), fill=RED)
    for y in (6, 8, 10):
        d.rectangle((round(5 * u), round(y * u), round(11 * u), round(y * u) + bar - 1), fill=GREY)
    r = round(2 * u)
    cx, cy = round(9.5 * u), round(12 * u)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=RED, width=max(1, round(u)))
    return img


def render(size: int) -> Image.Image:
    return _small(size) if size in SMALL_SIZES else _detailed(size)


def write_icons(out_dir: Path = ICON_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {size: render(size) for size in ICO_SIZES}
    ico = out_dir / "baocao.ico"
    frames[256].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[frames[s] for s in ICO_SIZES if s != 256],
    )
    png = out_dir / "baocao.png"
    _detailed(512).save(png, format="PNG", optimize=True)
    return [ico, png]


def main() -> int:
    for path in write_icons():
        print(f"đã ghi {path.relative_to(ROOT)} ({path.stat().st_size} byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
