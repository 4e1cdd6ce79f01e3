"""Printable letters: templates from ``resources/letters``, Italian formatting, PDF rendering.

- ``italian``: long dates, money, hours and percentages the Italian way;
- ``template``: the template files (header, paragraphs, blocks, placeholders);
- ``fields``: every placeholder a template may use, with the label a clerk reads;
- ``render``: A4 PDF with the office's letterhead, embedded DejaVu fonts and page numbers.

The rules (which letter needs what, protocol numbers, the archive) live in
``sportello.core.services.letters``.
"""
