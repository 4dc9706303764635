"""PDFs, two ways (ADR 22):

- `html_pdf`: a one- or two-page paper from an HTML template (the forms, receipts, result
  letters) through WeasyPrint, with one FontConfiguration kept per thread: building it for each
  paper was a third of a slip's time (85 → 60 ms of CPU).
- `table_pdf`: a long register (hundreds or thousands of rows) drawn with ReportLab's canvas:
  WeasyPrint lays out each cell as a block, about 15 ms of CPU per 13-column row (a ward's
  month, 500 rows, took 7.5 s; its year would pass any time limit); drawn directly, 500 rows
  take under 0.2 s. The header (the agency, the national motto, the number, the date line,
  the title) is the same as the HTML forms'; the column titles repeat on every page.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_local = threading.local()


def html_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = getattr(_local, "fonts", None)
    if fonts is None:
        fonts = _local.fonts = FontConfiguration()
    return bytes(HTML(string=html).write_pdf(font_config=fonts))


FAMILY = "Noto Serif"  # as the HTML forms' stylesheet (dossiers/forms/base.html)
MOTTO = ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@functools.cache
def _fonts() -> tuple[str, str, str]:
    """The regular, bold and italic faces of FAMILY registered with ReportLab, found with
    fontconfig (the same files WeasyPrint uses)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = []
    for style in ("regular", "bold", "italic"):
        path = ""
        if shutil.which("fc-match"):
            path = subprocess.run(
                ["fc-match", "-f", "%{file}", f"{FAMILY}:{style}"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
        if not path.lower().endswith((".ttf", ".otf")):
            raise RuntimeError(f"font {FAMILY} {style} not found: apt-get install fonts-noto-core")
        name = f"haicap-{style}"
        pdfmetrics.registerFont(TTFont(name, path))
        names.append(name)
    return names[0], names[1], names[2]


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float


def table_pdf(
    *,
    agency: Sequence[str],
    number: str,
    date_line: str,
    title: str,
    subtitle: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    empty: str,
) -> bytes:
    """An A4 landscape register: the header on the first page, the column titles on each."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    regular, bold, italic = _fonts()
    out = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(out, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(title)
    left, top, bottom = 15 * mm, height - 12 * mm, 12 * mm
    scale = (width - left - 12 * mm) / (sum(c.width_mm for c in columns) * mm)
    widths = [c.width_mm * mm * scale for c in columns]
    pad = 1.2 * mm

    def centred(lines: Sequence[str], x: float, y: float, font: str, size: float) -> float:
        for line in lines:
            pdf.setFont(font, size)
            pdf.drawCentredString(x, y, line)
            y -= size * 1.35
        return y

    y = top - 8.5
    below = centred([*agency, "———"], left + 45 * mm, y, bold, 8.5)
    centred([MOTTO[0]], width - 12 * mm - 75 * mm, y, bold, 8.5)
    centred([MOTTO[1]], width - 12 * mm - 75 * mm, y - 12, bold, 10)
    y = min(below, y - 26) - 4
    pdf.setFont(regular, 9.5)
    pdf.drawString(left, y, number)
    pdf.setFont(italic, 9.5)
    pdf.drawRightString(width - 12 * mm, y, date_line)
    y = centred([title], width / 2, y - 22, bold, 12)
    y = centred([subtitle], width / 2, y - 2, bold, 10.5) - 4

    def wrap(value: Any, font: str, size: float, room: float) -> list[str]:
        lines = []
        for line in simpleSplit(str(value), font, size, room) or [""]:
            while stringWidth(line, font, size) > room and len(line) > 1:  # one long word
                cut = len(line) - 1
                while cut > 1 and stringWidth(line[:cut], font, size) > room:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
        return lines

    def cells(values: Sequence[Any], font: str, size: float) -> tuple[list[list[str]], float]:
        lines = [wrap(v, font, size, w - 2 * pad) for v, w in zip(values, widths, strict=True)]
        return lines, max(len(c) for c in lines) * size * 1.25 + 2 * pad

    def draw_row(lines: list[list[str]], row_height: float, font: str, size: float) -> None:
        nonlocal y
        x = left
        for cell, w in zip(lines, widths, strict=True):
            text = pdf.beginText(x + pad, y - pad - size)
            text.setFont(font, size, size * 1.25)
            for line in cell:
                text.textLine(line)
            pdf.drawText(text)
            pdf.rect(x, y - row_height, w, row_height)
            x += w
        y -= row_height

    pdf.setLineWidth(0.6)
    head = cells([c.title for c in columns], bold, 8)
    draw_row(*head, bold, 8)
    if not rows:
        pdf.setFont(regular, 8.5)
        pdf.drawString(left + pad, y - pad - 8.5, empty)
    for row in rows:
        lines, row_height = cells(row, regular, 8)
        if y - row_height < bottom:
            pdf.showPage()
            pdf.setLineWidth(0.6)
            y = top
            draw_row(*head, bold, 8)
        draw_row(lines, row_height, regular, 8)
    pdf.save()
    return out.getvalue()
