"""Fonts for PDFs, shipped by packages: Noto Sans and the Noto fonts of other scripts
(manimgx-fonts), Noto Sans SC for Chinese (pylopdf-fonts-zh-cn). Each is loaded only when the
text needs its script."""

from dataclasses import dataclass
from pathlib import Path

import manimgx_fonts
import pylopdf_fonts_zh_cn

NOTO = Path(manimgx_fonts.__file__).parent
CJK = Path(pylopdf_fonts_zh_cn.__file__).parent


@dataclass(frozen=True)
class Font:
    family: str
    path: Path
    ranges: tuple[tuple[int, int], ...]

    def needed_by(self, text: str) -> bool:
        return any(start <= ord(char) <= end for char in text for start, end in self.ranges)


MAIN = Font("noto-sans", NOTO / "NotoSans[wght].ttf", ())
SCRIPTS = (
    Font("noto-thai", NOTO / "NotoSansThai[wght].ttf", ((0x0E00, 0x0E7F),)),
    Font("noto-lao", NOTO / "NotoSansLao[wght].ttf", ((0x0E80, 0x0EFF),)),
    Font("noto-khmer", NOTO / "NotoSansKhmer[wght].ttf", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    Font(
        "noto-myanmar",
        NOTO / "NotoSansMyanmar[wght].ttf",
        ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
    ),
    Font(
        "noto-arabic",
        NOTO / "NotoSansArabic[wght].ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    Font("noto-devanagari", NOTO / "NotoSansDevanagari[wght].ttf", ((0x0900, 0x097F),)),
    Font("noto-bengali", NOTO / "NotoSansBengali[wght].ttf", ((0x0980, 0x09FF),)),
    Font("noto-sinhala", NOTO / "NotoSansSinhala[wght].ttf", ((0x0D80, 0x0DFF),)),
    Font(
        "noto-cjk",
        CJK / "NotoSansSC-Regular.otf",
        ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)),
    ),
)


def fonts_for(text: str) -> list[Font]:
    """The script fonts that `text` needs, besides the main one."""
    return [font for font in SCRIPTS if font.needed_by(text)]
