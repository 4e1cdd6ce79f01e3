"""Sample documents of every kind a clerk attaches, made on the spot (no personal data)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def pdf_bytes(text: str = "Patto di servizio firmato", pages: int = 1) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(pages):
        c.drawString(72, 720, f"{text} - pagina {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_bytes(fmt: str, pages: int = 1) -> bytes:
    from PIL import Image

    frames = [Image.new("RGB", (40, 30), (200, 30 * i % 255, 90)) for i in range(pages)]
    buf = io.BytesIO()
    frames[0].save(buf, format=fmt, save_all=pages > 1, append_images=frames[1:])
    return buf.getvalue()


def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    doc.text.addElement(P(text="Curriculum vitae"))
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Data", "Ore"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SAMPLES = {
    "scansione.pdf": lambda: pdf_bytes(pages=2),
    "carta-identita.jpg": lambda: image_bytes("JPEG"),
    "foto.png": lambda: image_bytes("PNG"),
    "scansione-multipagina.tif": lambda: image_bytes("TIFF", pages=3),
    "cv.odt": odt_bytes,
    "cv.docx": docx_bytes,
    "presenze.xlsx": xlsx_bytes,
}
EXPECTED = {"scansione.pdf": "pdf", "carta-identita.jpg": "jpg", "foto.png": "png",
            "scansione-multipagina.tif": "tif", "cv.odt": "odt", "cv.docx": "docx",
            "presenze.xlsx": "xlsx"}


def write(folder: Path, name: str, data: bytes | None = None) -> Path:
    path = folder / name
    path.write_bytes(SAMPLES[name]() if data is None else data)
    return path


def disguised_executable(folder: Path) -> Path:
    path = folder / "fattura.pdf"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00" + b"\x00" * 400)
    return path


def damaged_pdf(folder: Path) -> Path:
    path = folder / "rotto.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref\n")
    return path


def big_pdf(path: Path, megabytes: float) -> Path:
    """A valid one-page PDF of about ``megabytes`` MB (a scan's weight: an incompressible
    stream), with a correct cross-reference table, as a scanner writes it."""
    import os

    stream = os.urandom(int(megabytes * 1_048_576))
    content = b"BT /F1 12 Tf 72 720 Td (Scansione) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
