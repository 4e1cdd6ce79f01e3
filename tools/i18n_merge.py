"""Fill translations into a Qt .ts file from a TSV of context, source, translation.

    python tools/i18n_merge.py resources/i18n/sportello_en.ts translations.tsv

Only messages that exist in the .ts (run tools/i18n.sh first) and are still unfinished
are filled. Plural messages take "singular|plural" in the translation column.
Then run tools/i18n.sh again to compile the .qm files.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def merge(ts_path: Path, tsv_path: Path) -> tuple[int, int]:
    wanted: dict[tuple[str, str], str] = {}
    with tsv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3:
                wanted[(row[0], row[1].replace("\\n", "\n"))] = row[2].replace("\\n", "\n")
    tree = ET.parse(ts_path)
    filled = missing = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = wanted.get((name, source))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            if translation.get("type") != "unfinished":
                continue
            if message.get("numerus") == "yes":
                forms = text.split("|")
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            del translation.attrib["type"]
            filled += 1
    missing = len(wanted) - filled
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled, missing


if __name__ == "__main__":
    done, left = merge(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{done} traduzioni inserite; {left} righe del TSV senza messaggio aperto corrispondente")
