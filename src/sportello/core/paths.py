"""Where shipped files (migrations, resources) and user data live.

Shipped files are found the same way in a checkout, an installed wheel and a
PyInstaller bundle: the wheel carries ``migrations/`` and ``resources/`` inside the
package (see pyproject's force-include), a frozen bundle unpacks them under
``sys._MEIPASS/sportello``, and a checkout has them at the repository root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sportello.core.errors import SportelloError

APP_NAME = "Sportello"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # .../sportello


@cache
def shipped_dir(name: str) -> Path:
    """Folder of shipped files called ``name`` ("migrations" or "resources")."""
    candidates = [_PACKAGE_DIR / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "sportello" / name)
    candidates.append(_PACKAGE_DIR.parent.parent / name)  # checkout: src/sportello -> repo root
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Cartella '{name}' non trovata (cercata in: {candidates})")


def resource(*parts: str) -> Path:
    return shipped_dir("resources").joinpath(*parts)


def user_data_dir() -> Path:
    """The user's data folder, created readable by its owner only."""
    override = os.environ.get("SPORTELLO_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def output_folder(folder: Path | str) -> Path:
    """``folder`` created if needed, for files the program writes on request.

    A folder that cannot be made (a file in the way, no permission, a missing drive) is
    refused with ``SportelloError`` naming it, before anything else is done.
    """
    path = Path(folder).expanduser()
    if path.exists() and not path.is_dir():
        raise SportelloError(f"{path} esiste già ed è un file, non una cartella: indicare una "
                             "cartella.")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SportelloError(f"Impossibile creare la cartella {path} "
                             f"({exc.strerror or exc}).") from None
    if not os.access(path, os.W_OK):
        raise SportelloError(f"Non si può scrivere nella cartella {path} (permessi).")
    return path


def output_file(out: Path | str) -> Path:
    """``out`` checked before any work is done for it: not a folder, in a folder that
    exists or can be made (``SportelloError`` otherwise)."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise SportelloError(f"{path} è una cartella: indicare il nome del file da scrivere.")
    output_folder(path.parent)
    return path


@contextmanager
def replaced_atomically(out: Path) -> Iterator[Path]:
    """A temporary name beside ``out`` to write to; renamed over ``out`` when the block ends
    without error. A crash or a kill leaves ``out`` as it was, never half written."""
    out = output_file(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_atomically(out: Path | str, data: bytes) -> Path:
    """``out.write_bytes(data)`` that never leaves a half-written file."""
    with replaced_atomically(Path(out)) as tmp:
        tmp.write_bytes(data)
    return Path(out)
