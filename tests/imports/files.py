"""Real spreadsheets built in tests: XLSX through openpyxl, CSV in several dialects."""

import csv
import io

from openpyxl import Workbook


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client, path: str, headers: dict, filename: str, data: bytes, **form):
    return client.post(
        path,
        headers=headers,
        data={"file": (io.BytesIO(data), filename), **form},
        content_type="multipart/form-data",
    )
