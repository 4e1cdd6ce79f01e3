"""A file a clerk attaches: what it really is, read a piece at a time.

Files in, values out (no transaction, no audit: ``services.documents`` does those).
- The type comes from the content (``filetype``'s magic numbers), never from the name: a
  ``.pdf`` that is a program is refused, and so is anything not in ``ALLOWED``.
- A PDF must open in PDFium (the preview's engine), or it is refused as damaged.
- ``chunks`` reads ``CHUNK`` bytes at a time and stops past the limit, so a file that
  grows while being read, or lies about its size, never fills the memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import filetype

from sportello.core.errors import ValidationError

CHUNK = 1024 * 1024
HEAD = 8192  # what the magic-number check reads (filetype's own window)

# detected extension -> the name the clerk reads
ALLOWED: dict[str, str] = {
    "pdf": "PDF",
    "jpg": "immagine JPEG",
    "png": "immagine PNG",
    "tif": "immagine TIFF",
    "odt": "documento ODT",
    "docx": "documento Word (DOCX)",
    "xlsx": "foglio Excel (XLSX)",
}
_EXECUTABLES = {"exe", "elf", "dex", "dcm", "msi", "apk", "wasm", "crx", "class", "jar", "sh",
                "macho", "deb", "rpm"}


@dataclass(frozen=True)
class Detected:
    mime: str
    extension: str

    @property
    def label(self) -> str:
        return ALLOWED[self.extension]


def described(extension: str | None) -> str:
    return ALLOWED.get(extension or "", extension or "sconosciuto")


def detect(head: bytes, name: str) -> Detected:
    """The type of a file from its first bytes, or a refusal naming the file."""
    kind = filetype.guess(head)
    if kind is None:
        raise ValidationError(
            f"«{name}»: tipo di file non riconosciuto dal contenuto. Si allegano PDF, JPEG, "
            "PNG, TIFF, ODT, DOCX e XLSX.", "file")
    if kind.extension in _EXECUTABLES or "executable" in kind.mime or "msdownload" in kind.mime:
        raise ValidationError(
            f"«{name}» è un programma eseguibile ({kind.extension}), non un documento: "
            "rifiutato.", "file")
    if kind.extension not in ALLOWED:
        raise ValidationError(
            f"«{name}»: il contenuto è {kind.mime} ({kind.extension}), che non si allega. "
            "Si allegano PDF, JPEG, PNG, TIFF, ODT, DOCX e XLSX.", "file")
    return Detected(kind.mime, kind.extension)


def check_pdf(path: Path, name: str) -> int:
    """The page count of a PDF PDFium can open; a damaged one is refused."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - PDFium's errors are one kind for the clerk
        raise ValidationError(
            f"«{name}» sembra un PDF ma è danneggiato: non si apre. Farne una nuova scansione "
            "o chiederne una copia.", "file") from None
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    if pages < 1:
        raise ValidationError(f"«{name}»: il PDF non ha pagine.", "file")
    return pages


def too_large(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError(
        f"«{name}» è di {size / 1_048_576:.2f} MB".replace(".", ",")
        + f": il limite per un documento è {limit // 1_048_576} MB.", "file")


def open_checked(path: Path | str, limit: int) -> tuple[Path, int]:
    """The file's path and size, refused when missing, a folder, empty or over ``limit``."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ValidationError(f"«{path}»: il file non esiste.", "file")
    if not path.is_file():
        raise ValidationError(f"«{path}» non è un file.", "file")
    size = path.stat().st_size
    if size == 0:
        raise ValidationError(f"«{name}» è vuoto (0 byte): niente da allegare.", "file")
    if size > limit:
        raise too_large(name, size, limit)
    return path, size


def chunks(path: Path, limit: int) -> Iterator[bytes]:
    """The file's bytes, ``CHUNK`` at a time; refused as soon as more than ``limit``."""
    read = 0
    try:
        with path.open("rb") as f:
            while piece := f.read(CHUNK):
                read += len(piece)
                if read > limit:
                    raise too_large(path.name, read, limit)
                yield piece
    except OSError as exc:
        raise ValidationError(f"«{path.name}»: non si riesce a leggere ({exc.strerror}).",
                              "file") from None


def head_of(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(HEAD)
    except OSError as exc:
        raise ValidationError(f"«{path.name}»: non si riesce a leggere ({exc.strerror}).",
                              "file") from None
