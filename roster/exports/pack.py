"""The printable country pack: a member's agencies and focal points with their "last confirmed"
dates, set with fpdf2 and HarfBuzz shaping so that names in their own scripts render right."""

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from roster.exports.fonts import MAIN, fonts_for

NOTICE = (
    "This pack contains personal data of the officials named in it. Use it only for the work of "
    "the Bali Process, keep it no longer than needed, and do not pass it on."
)


def _confirmed(focal_point: dict) -> str:
    value = focal_point.get("verified_at")
    return f"Last confirmed {value[:10]}" if value else "Never confirmed"


def _lines(focal_point: dict) -> list[str]:
    name = focal_point.get("full_name") or "(vacant)"
    if focal_point.get("name_local"):
        name = f"{name}  {focal_point['name_local']}"
    contact = "  ·  ".join(
        value for value in (focal_point.get("email"), focal_point.get("phone")) if value
    )
    return [line for line in (name, contact, _confirmed(focal_point)) if line]


class Pack(FPDF):
    def __init__(self, title: str, generated_at: datetime):
        super().__init__(format="A4")
        self.pack_title = title
        self.generated_at = generated_at

    def footer(self):
        self.set_y(-14)
        self.set_font(MAIN.family, size=7)
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M UTC")
        self.cell(0, 5, f"{self.pack_title} · generated {stamp} · page {self.page_no()}", align="C")


def member_pack(
    member_name: str, member_code: str, agencies: list[tuple[str, list[dict]]]
) -> bytes:
    """The PDF: `agencies` lists (agency name, its serialized focal points)."""
    generated_at = datetime.now(UTC)
    title = f"{member_name} ({member_code}): contact pack"
    text = title + "".join(
        name + "".join("".join(_lines(fp)) + (fp.get("position") or "") for fp in fps)
        for name, fps in agencies
    )
    pdf = Pack(title, generated_at)
    pdf.set_title(title)
    pdf.set_creator("RSO Roster")
    pdf.add_font(MAIN.family, fname=MAIN.path)
    extra = fonts_for(text)
    for font in extra:
        pdf.add_font(font.family, fname=font.path)
    pdf.set_fallback_fonts([font.family for font in extra])
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(MAIN.family, size=16)
    pdf.multi_cell(width, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(MAIN.family, size=9)
    pdf.multi_cell(
        width,
        5,
        f"Generated on {generated_at:%d %B %Y} at {generated_at:%H:%M} UTC.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_fill_color(255, 243, 205)
    pdf.multi_cell(width, 5, NOTICE, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if not agencies:
        pdf.ln(4)
        pdf.multi_cell(width, 6, "No focal points are recorded for this member.")
    for agency_name, focal_points in agencies:
        pdf.ln(4)
        pdf.set_font(MAIN.family, size=12)
        pdf.multi_cell(width, 8, agency_name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for focal_point in focal_points:
            pdf.set_font(MAIN.family, size=10)
            pdf.multi_cell(
                width, 6, focal_point.get("position") or "", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            pdf.set_font(MAIN.family, size=9)
            for line in _lines(focal_point):
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(width - 4, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
    return bytes(pdf.output())
