"""Screenshots of the user guide (resources/guide/img/*.png) from the real windows.

    PYTHONPATH=src python tools/guide_screenshots.py [--keep DIR]

Builds a demo database (``sportello demo --workers 300``) in a temporary folder, opens the
real windows offscreen at 1366x768 as the administrator of the demo (admin/sportello2026),
and saves each ``QWidget.grab()`` scaled to 900 pixels wide, in 256 colours, so that the
guide stays small. Run it again after changing a window the guide shows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "guide" / "img"
WIDTH = 900
SIZE = (1366, 768)


def make_demo(folder: Path) -> str:
    db = folder / "guida.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), SPORTELLO_HOME=str(folder / "home"))
    subprocess.run([sys.executable, "-m", "sportello.cli", "--db", str(db), "demo",
                    "--workers", "300"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return f"sqlite:///{db}"


def region_sheet(path: Path) -> Path:
    """A list as the Region sends it: a title above the header, a wrong codice fiscale and
    a missing surname."""
    import datetime as dt

    from openpyxl import Workbook

    from sportello.core import codice_fiscale

    people = [("Bosco", "Marta", "F", dt.date(1979, 3, 14), "A479", "Asti"),
              ("Galli", "Piero", "M", dt.date(1968, 11, 2), "A479", "Asti"),
              ("Ferrero", "Anna", "F", dt.date(1985, 6, 30), "L219", "Torino"),
              ("Actis", "Luigi", "M", dt.date(1972, 1, 9), "A479", "Asti"),
              ("Penna", "Carla", "F", dt.date(1990, 9, 21), "A479", "Asti")]
    wb = Workbook()
    ws = wb.active
    ws.title = "Lavoratori"
    ws.append(["Regione - elenco dei lavoratori in CIGS - Magazzini Astigiani"])
    ws.append([])
    ws.append(["Codice fiscale", "Cognome", "Nome", "Data di nascita", "Comune di residenza",
               "Cellulare"])
    for i, (surname, name, sex, born, place, comune) in enumerate(people):
        code = codice_fiscale.encode(surname, name, sex, born, place)
        if i == 2:
            code = code[:-1] + ("A" if code[-1] != "A" else "B")  # a wrong check letter
        ws.append([code, "" if i == 4 else surname, name, born.strftime("%d/%m/%Y"), comune,
                   f"347 12345{i:02d}"])
    wb.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the demo database (kept)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sportello-guida-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SPORTELLO_HOME"] = str(folder / "home")
    url = make_demo(folder)

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("SportelloGuida")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "qsettings"))

    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import operators
    from sportello.gui import i18n
    from sportello.gui.main_window import MainWindow

    i18n.install("it")
    ctx = bootstrap(url, migrate=False)
    ctx = ctx.acting_as(operators.authenticate(ctx, "admin", "sportello2026"))

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(widget: QWidget, name: str) -> None:
        settle()
        image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}.png"
        image.save(str(path), "PNG", 0)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} kB")

    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    settle(1.0)
    while window.deadlines.loading:
        settle(0.1)
    areas = {type(area).__name__: row for row, area in enumerate(window.areas)}

    def area(name: str) -> Any:
        window.show_area(areas[name])
        settle(0.8)
        return window.areas[areas[name]]

    # journey 1: the Region's list
    area("ExchangeArea")
    shot(window, "1-import-export")
    from sportello.gui.exchange.import_wizard import ImportWizard

    wizard = ImportWizard(ctx, window)
    wizard.resize(900, 640)
    wizard.show()
    wizard.file_page.load(region_sheet(folder / "elenco regione.xlsx"))
    while wizard.busy() or not wizard.file_page.isComplete():
        settle(0.1)
    for _page in range(3):  # sheet and header, columns, vertenza
        wizard.next()
        settle(0.3)
    wizard.vertenza_page.new_radio.setChecked(True)
    wizard.vertenza_page.code_edit.setText("MAG-AT")
    wizard.vertenza_page.title_edit.setText("Magazzini Astigiani")
    wizard.next()  # the preview, analysed off the GUI thread
    settle(0.5)
    while wizard.busy():
        settle(0.1)
    shot(wizard, "1-import-anteprima")
    wizard.close()

    # journey 2: call the cohort in, then the agenda
    from sportello.gui.letters import CallInDialog

    call_in = CallInDialog(ctx, window)
    call_in.resize(820, 520)
    call_in.show()
    shot(call_in, "2-convoca")
    call_in.close()
    agenda = area("AgendaArea")
    agenda.set_mode("week")
    shot(window, "2-agenda")

    # journey 3: a person at the counter
    workers = area("WorkersArea")
    workers.search_box.setText("ross")
    settle(1.0)
    shot(window, "3-ricerca")
    worker_id = workers.table.model().worker_id(0)
    from sportello.gui.worker_file.window import WorkerFileWindow

    file_window = WorkerFileWindow(ctx, worker_id)
    file_window.resize(1100, 620)
    file_window.show()
    shot(file_window, "3-fascicolo")
    for tab, name in ((file_window.diary, "3-diario"), (file_window.pacts, "3-patto"),
                      (file_window.pathways, "3-percorsi")):
        file_window.tabs.setCurrentWidget(tab)
        shot(file_window, name)
    file_window.close()

    # journey 4: training
    training = area("TrainingArea")
    tabs = training.tabs
    for tab, name in ((training.catalog_tab, "4-catalogo"),
                      (training.vouchers_tab, "4-voucher"),
                      (training.register_tab, "4-registro")):
        tabs.setCurrentWidget(tab)
        if name == "4-registro":
            settle(0.5)
            for index in range(tab.course_combo.count()):  # a course with people in it
                tab.course_combo.setCurrentIndex(index)
                settle(0.3)
                if tab.table.rowCount() > 0:
                    break
        shot(window, name)

    # journey 5: self-employment
    area("BusinessArea")
    shot(window, "5-sportello-unico")

    # journey 6: not built yet (the area says so)
    area("MonitoringArea")
    shot(window, "6-monitoraggio")

    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
