"""Letter templates: plain text files an office can adapt without touching code.

A template is a header, a line ``---`` and the body::

    # a comment
    titolo: Convocazione a colloquio
    oggetto: Convocazione a colloquio – {appuntamento.data}
    ---
    [destinatario]
    {lavoratore.titolo} {lavoratore.nome_completo}
    ...

    Gentile {lavoratore.titolo} {lavoratore.nome_completo},

    La invitiamo a presentarsi ...

Blocks are separated by blank lines. A block is a paragraph (its lines are joined), or
starts with a directive: ``[destinatario]`` (address lines), ``[titolo]`` (centred heading),
``[riquadro]`` (``Etichetta: valore`` lines in a box), ``[elenco]`` (one item a line),
``[firme]`` (``Intestazione | nome`` signature boxes side by side), ``[firma]`` (the
signatory, on the right), ``[nota]`` (small print), ``[salto-pagina]``. ``**testo**`` is
bold. Placeholders are listed in ``fields.LABELS`` (and in resources/letters/LEGGIMI.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from sportello.core.errors import ValidationError
from sportello.core.letters import fields

DIRECTIVES = ("destinatario", "titolo", "riquadro", "elenco", "firme", "firma", "nota",
              "salto-pagina")
HEADER_KEYS = ("titolo", "oggetto", "consegna")
DELIVERY_CHANNELS = ("posta", "mano", "email", "pec")
PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)(\?)?\}")
_BRACED = re.compile(r"\{[^{}\n]*\}")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TOKEN = re.compile(r"\x00(\d+)\x00")


class TemplateError(ValidationError):
    """A template file that cannot be used as written (names the file and the line)."""


class Cancelled(Exception):
    """The progress callback asked to stop (rendering or issuing letters)."""


@dataclass(frozen=True)
class Block:
    kind: str  # "paragrafo" or one of DIRECTIVES
    lines: tuple[str, ...]
    line_no: int


@dataclass(frozen=True)
class LetterTemplate:
    name: str
    title: str
    subject: str
    blocks: tuple[Block, ...]
    source: Path
    required: frozenset[str] = field(default_factory=frozenset)
    optional: frozenset[str] = field(default_factory=frozenset)
    delivery: str = "posta"  # the channel by default ("consegna:" in the header)

    @property
    def placeholders(self) -> frozenset[str]:
        return self.required | self.optional

    @property
    def needs(self) -> tuple[str, ...]:
        """References the letter needs besides worker and office, in a stable order."""
        found = {fields.reference_of(k) for k in self.placeholders} - {None}
        order = ("appointment", "pathway", "pact", "voucher", "text")
        return tuple(r for r in order if r in found)


def parse(name: str, text: str, source: Path) -> LetterTemplate:
    where = source.name

    def fail(line_no: int, message: str) -> TemplateError:
        return TemplateError(f"Modello «{where}», riga {line_no}: {message}", "template")

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: dict[str, str] = {}
    body_start = None
    for i, raw in enumerate(lines, 1):
        if raw.startswith("#") or not raw.strip():
            continue
        if raw.strip() == "---":
            body_start = i
            break
        key, sep, value = raw.partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            raise fail(i, f"intestazione non valida «{raw.strip()}» (ammesse: "
                          f"{', '.join(HEADER_KEYS)}, poi una riga ---).")
        header[key] = value.strip()
    if body_start is None:
        raise fail(len(lines), "manca la riga --- che separa l'intestazione dal testo.")
    if not header.get("titolo"):
        raise fail(1, "manca il titolo (riga «titolo: ...»).")

    blocks: list[Block] = []
    current: list[str] = []
    start = 0

    def close() -> None:
        if not current:
            return
        first = current[0].strip()
        if first.startswith("[") and first.endswith("]"):
            kind = first[1:-1].strip().lower()
            if kind not in DIRECTIVES:
                raise fail(start, f"blocco sconosciuto {first} (ammessi: "
                                  f"{', '.join('[' + d + ']' for d in DIRECTIVES)}).")
            blocks.append(Block(kind, tuple(current[1:]), start))
        else:
            blocks.append(Block("paragrafo", tuple(current), start))
        current.clear()

    for i, raw in enumerate(lines[body_start:], body_start + 1):
        if raw.startswith("#"):
            continue
        if not raw.strip():
            close()
            continue
        if not current:
            start = i
        current.append(raw.rstrip())
    close()

    required: set[str] = set()
    optional: set[str] = set()
    numbered = [(0, header.get("oggetto", ""))] + [
        (b.line_no + n, line) for b in blocks for n, line in enumerate(b.lines)]
    for line_no, line in numbered:
        for braced in _BRACED.findall(line):
            match = PLACEHOLDER.fullmatch(braced)
            if match is None or match.group(1) not in fields.LABELS:
                raise fail(line_no or 1, f"segnaposto sconosciuto {braced} (l'elenco dei "
                                         "segnaposto è in LEGGIMI.md).")
            (optional if match.group(2) else required).add(match.group(1))
    delivery = header.get("consegna", "posta").lower()
    if delivery not in DELIVERY_CHANNELS:
        raise fail(1, f"consegna non valida «{delivery}» (ammesse: "
                      f"{', '.join(DELIVERY_CHANNELS)}).")
    return LetterTemplate(name, header["titolo"], header.get("oggetto", ""), tuple(blocks),
                          source, frozenset(required), frozenset(optional - required), delivery)


def load(path: Path, name: str | None = None) -> LetterTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"Modello «{path.name}»: il file non è in UTF-8 ({exc.reason}).",
                            "template") from exc
    return parse(name or path.stem, text, path)


# --------------------------------------------------------------------------- filling in


@dataclass(frozen=True)
class Filled:
    """A block with its placeholders replaced: reportlab paragraph markup, ready to draw."""

    kind: str
    items: tuple[str, ...] = ()  # paragraphs, lines, list items
    pairs: tuple[tuple[str, str], ...] = ()  # riquadro rows, firme boxes


@dataclass(frozen=True)
class FilledLetter:
    subject: str  # markup
    subject_text: str  # plain, for the archive
    recipient: tuple[str, ...]
    blocks: tuple[Filled, ...]


def _tidy(text: str) -> str:
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip()


def substitute(line: str, values: dict[str, str | None]) -> str:
    """One template line as paragraph markup: literal text escaped, **bold**, values escaped.

    Values keep their newlines (the caller decides what a newline means in its block).
    """
    found: list[str] = []

    def token(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None and not match.group(2):
            raise KeyError(match.group(1))  # checked before: never print a blank
        found.append(escape(value or ""))
        return f"\x00{len(found) - 1}\x00"

    marked = PLACEHOLDER.sub(token, line)
    marked = _BOLD.sub(r"<b>\1</b>", escape(marked))
    return _tidy(_TOKEN.sub(lambda m: found[int(m.group(1))], marked))


def plain(markup: str) -> str:
    text = re.sub(r"<[^>]+>", "", markup)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def fill(template: LetterTemplate, values: dict[str, str | None]) -> FilledLetter:
    subject = substitute(template.subject, values) if template.subject else ""
    recipient: tuple[str, ...] = ()
    out: list[Filled] = []
    for block in template.blocks:
        lines = [substitute(line, values) for line in block.lines]
        if block.kind == "paragrafo":
            text = " ".join(x for x in lines if x)
            paragraphs = [p.strip().replace("\n", "<br/>") for p in re.split(r"\n\s*\n", text)]
            out.extend(Filled("paragrafo", (p,)) for p in paragraphs if p)
        elif block.kind == "destinatario":
            recipient = tuple(x for line in lines for x in line.split("\n") if x.strip())
        elif block.kind == "riquadro":
            pairs = []
            for raw in block.lines:
                label, sep, rest = raw.partition(":")
                value = substitute(rest, values) if sep else ""
                if value:
                    pairs.append((substitute(label, values),
                                  value.replace("\n", "<br/>")))
            if pairs:
                out.append(Filled("riquadro", pairs=tuple(pairs)))
        elif block.kind == "elenco":
            items = [re.sub(r"^\s*(?:[-•*]|\d+[.)])\s+", "", x).strip()
                     for line in lines for x in line.split("\n")]
            items = [x for x in items if x]
            if items:
                out.append(Filled("elenco", tuple(items)))
        elif block.kind == "firme":
            pairs = []
            for raw in block.lines:
                head, _sep, name = raw.partition("|")
                pairs.append((substitute(head, values), substitute(name, values)))
            out.append(Filled("firme", pairs=tuple(pairs)))
        elif block.kind == "salto-pagina":
            out.append(Filled("salto-pagina"))
        else:  # titolo, firma, nota: lines kept as lines
            kept = tuple(x.replace("\n", "<br/>") for x in lines if x)
            if kept:
                out.append(Filled(block.kind, kept))
    return FilledLetter(subject, plain(subject), recipient, tuple(out))
