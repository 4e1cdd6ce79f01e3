"""Write resources/ateco/ateco-2025.csv from the `ateco` package (ISTAT data).

    python tools/make_ateco_list.py

The shipped list is what the Sportello Unico checks a new business's ATECO code against;
its provenance (ISTAT source file, checksum, package version) goes in the README beside it.
"""

from __future__ import annotations

import csv
import json
from importlib.metadata import version
from pathlib import Path

import ateco
from ateco import _load

OUT = Path(__file__).resolve().parent.parent / "resources" / "ateco"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    # The package has no public "all codes" call; its loader gives the raw nodes.
    nodes = [ateco.lookup(code, edition="2025") for code in sorted(_load.load_nodes("2025"))]
    with (OUT / "ateco-2025.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["codice", "livello", "titolo", "padre"])
        for node in nodes:
            writer.writerow([node.code, node.level, node.title, node.parent or ""])
    prov = ateco.provenance()
    source = next(s for s in prov["sources"] if s.get("edition") == "2025")
    (OUT / "source.json").write_text(json.dumps({
        "edition": "ATECO 2025", "valid_from": "2025-01-01", "rows": len(nodes),
        "generated_from": f"ateco {version('ateco')} (PyPI)", "istat_source": source["url"],
        "istat_sha256": source["sha256"], "attribution": prov["attribution"],
        "license_note": prov["license_note"],
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(nodes)} codici scritti in {OUT}")


if __name__ == "__main__":
    main()
