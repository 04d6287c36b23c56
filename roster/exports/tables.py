"""CSV and XLSX of serialized records, written row by row so that no file builds up in memory:
a generator for CSV, openpyxl's write-only mode (rows go to a temporary file) for XLSX."""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from roster.exports.cells import neutralised

CHUNK = 64 * 1024


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def csv_chunks(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """The header, then the rows, in pieces of about 64 KiB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralised(_text(row.get(column))) for column in columns])
        if buffer.tell() > CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_chunks(columns: list[str], rows: Iterable[dict], title: str) -> Iterator[bytes]:
    """A workbook of one sheet; every cell is text, so none is ever read as a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for row in rows:
        cells = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=None)
            cell.value = _text(row.get(column))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    with tempfile.TemporaryFile() as file:
        workbook.save(file)
        file.seek(0)
        while chunk := file.read(CHUNK):
            yield chunk
