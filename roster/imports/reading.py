"""Rows out of an uploaded .xlsx or .csv: openpyxl in read-only mode, CSV with its delimiter
sniffed and its encoding detected."""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes
from openpyxl import load_workbook

MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = ("xlsx", "csv")
DELIMITERS = ",;\t|"


class UnreadableFile(ValueError):
    """The upload is not a spreadsheet this service reads."""


@dataclass
class Table:
    headers: list
    rows: list[tuple[int, list]]  # (row number from 1 at the first data row, cells)


def extension(filename: str) -> str:
    name = (filename or "").rsplit(".", 1)
    return name[1].lower() if len(name) == 2 else ""


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM; anything else as the detector reads it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise UnreadableFile("The file's text encoding could not be recognised.") from None
        return str(best)


def _csv_rows(data: bytes) -> Iterator[list]:
    content = decode(data)
    sample = content[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(content, newline=""), dialect)


def _xlsx_rows(data: bytes) -> Iterator[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise UnreadableFile(f"This is not a readable .xlsx file ({error}).") from None
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _blank(cells: list) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def read_table(filename: str, data: bytes) -> Table:
    """The header row and the non-blank data rows of the first sheet."""
    kind = extension(filename)
    if kind not in EXTENSIONS:
        raise UnreadableFile("Upload an .xlsx or a .csv file.")
    if len(data) > MAX_BYTES:
        raise UnreadableFile("The file is larger than 10 MiB.")
    try:
        rows = _xlsx_rows(data) if kind == "xlsx" else _csv_rows(data)
        headers = None
        found = []
        number = 0
        for cells in rows:
            if headers is None:
                if not _blank(cells):
                    headers = cells
                continue
            number += 1
            if not _blank(cells):
                found.append((number, cells))
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}.") from None
    if headers is None:
        raise UnreadableFile("The file has no header row.")
    return Table(headers=list(headers), rows=found)
