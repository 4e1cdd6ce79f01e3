"""E-mail drafts (.eml) of letters, for the office's own mail client: no network here.

Sportello holds no SMTP credentials and sends nothing. For a letter going by e-mail or
PEC it writes one RFC 5322 message per letter: the letter's text in the body, its PDF
attached, ``X-Unsent: 1`` so that Outlook and Thunderbird open it as a draft to send. The
clerk sends it from the office's mailbox (the PEC mailbox for PEC) and marks it sent.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from sportello.core.letters.template import FilledLetter, plain


def letter_text(letter: FilledLetter, greeting_only: bool = False) -> str:
    """The letter as plain text: paragraphs, label/value rows, lists, signatory, notes."""
    out: list[str] = []
    for block in letter.blocks:
        if block.kind == "paragrafo":
            out.append(plain(block.items[0].replace("<br/>", "\n")))
        elif block.kind == "riquadro":
            out.append("\n".join(f"{plain(label)}: {plain(value.replace('<br/>', ', '))}"
                                 for label, value in block.pairs))
        elif block.kind == "elenco":
            out.append("\n".join(f"- {plain(x)}" for x in block.items))
        elif block.kind in ("titolo", "firma", "nota"):
            out.append("\n".join(plain(x.replace("<br/>", "\n")) for x in block.items))
        elif block.kind == "firme":
            out.append("\n".join(f"{plain(head)}: {plain(name)}" for head, name in block.pairs))
    return "\n\n".join(x.strip() for x in out if x.strip()) + "\n"


def draft(*, to: str, sender: str | None, subject: str, text: str, pdf: bytes | None = None,
          file_name: str = "lettera.pdf", pec: bool = False,
          when: dt.datetime | None = None) -> bytes:
    """One message ready to send, as the bytes of an .eml file (``pdf``: attached)."""
    msg = EmailMessage(policy=SMTP)
    if sender:
        msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime((when or dt.datetime.now()).astimezone())
    domain = sender.rpartition("@")[2] if sender and "@" in sender else "sportello.local"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["X-Unsent"] = "1"  # opened as a draft to send
    if pec:
        msg["X-Sportello-Canale"] = "PEC"
    msg.set_content(text)
    if pdf is not None:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=file_name)
    return msg.as_bytes()
