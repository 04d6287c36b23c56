"""CV uploads: PDF or DOCX, checked by their content, stored privately, their text extracted.

The extension and the browser's content type are only hints: a file is a PDF when it starts
with the PDF signature and pypdf can read its pages, a DOCX when it is a ZIP that python-docx
opens as a Word document. The text stays on the expert for staff-only search.
"""

import io
import logging
import os
import secrets
import zipfile
from pathlib import Path

from flask import current_app
from pypdf import PdfReader
from pypdf.errors import PyPdfError

log = logging.getLogger(__name__)

KINDS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
MAX_TEXT = 200_000


class CvRefused(ValueError):
    """The upload is not a CV we keep; the message says why."""


def _pdf_text(content: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(content))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise CvRefused("This PDF cannot be read: upload another copy.") from error


def _docx_text(content: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(content))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CvRefused("This file is not a Word document (.docx).") from error
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


def read_cv(content: bytes) -> tuple[str, str]:
    """(kind, extracted text) of an acceptable CV; CvRefused with the reason otherwise."""
    limit = current_app.config["CV_MAX_BYTES"]
    if len(content) > limit:
        raise CvRefused(f"The CV is larger than {_size(limit)}.")
    if not content:
        raise CvRefused("The file is empty.")
    if content.startswith(b"%PDF-"):
        return "pdf", _pdf_text(content)[:MAX_TEXT]
    if content.startswith(b"PK\x03\x04"):
        return "docx", _docx_text(content)[:MAX_TEXT]
    raise CvRefused("Upload the CV as a PDF or a Word document (.docx).")


def cv_folder() -> Path:
    folder = Path(current_app.config["ROSTER_DATA_DIR"]) / "cvs"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def store_cv(expert_id: int, kind: str, content: bytes) -> str:
    """Write the file (mode 0600) under ROSTER_DATA_DIR/cvs; returns its name there."""
    name = f"expert-{expert_id}-{secrets.token_hex(8)}.{kind}"
    descriptor = os.open(cv_folder() / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    return name


def remove_cv(name: str) -> None:
    if name:
        try:
            (cv_folder() / Path(name).name).unlink()
        except FileNotFoundError:
            log.info("CV %s was already gone", name)


def cv_file(name: str) -> Path:
    return cv_folder() / Path(name).name
