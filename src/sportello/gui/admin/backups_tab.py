"""Copies of the database: the list, a copy now, a restore (then Sportello closes).

After a restore the open windows hold data of the replaced database, so Sportello closes
its main window and asks to be started again (the simplest state that cannot mislead).
On PostgreSQL the tab only says that backups are the server's job.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import backups
from sportello.core.services.backups import BackupInfo
from sportello.gui.kit.forms import MessageBar, muted_label
from sportello.gui.kit.inputs import format_datetime
from sportello.gui.kit.tables import Column, RowsModel, make_table, selected_row
from sportello.gui.tasks import Task, progress_dialog


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


class BackupsTab(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        self.intro = muted_label(self.tr(
            "Sportello fa una copia automatica alla chiusura quando qualcosa è cambiato e ne "
            "conserva una per giorno (7 giorni), settimana (4) e mese (12). Le copie manuali "
            "non vengono mai cancellate."))
        layout.addWidget(self.intro)
        self.model = RowsModel([
            Column(self.tr("Data"), lambda b: format_datetime(b.created_at)),
            Column(self.tr("Tipo"), lambda b: b.kind_label),
            Column(self.tr("Dimensione"), lambda b: size_text(b.size), align_right=True),
            Column(self.tr("Verificata"), lambda b: self.tr("sì") if b.verified else self.tr("no"),
                   colour=lambda b: None if b.verified else "#b3261e"),
            Column(self.tr("File"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
        ], self, id_of=lambda b: hash(b.path))
        self.table = make_table(self.model, "backupsTable", (130, 170, 80, 70), stretch=4)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Crea una copia ora"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("&Ripristina la copia selezionata…"))
        self.restore_button.setObjectName("backupRestore")
        self.restore_file_button = QPushButton(self.tr("Ripristina da un &file…"))
        self.restore_file_button.setObjectName("backupRestoreFile")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        for button in (self.backup_button, self.restore_button, self.restore_file_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = MessageBar("backupsMessage")
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        try:
            self.model.set_rows(backups.list_backups(self.ctx))
        except backups.NotSqlite as exc:  # PostgreSQL: the server's job, said once, calmly
            self.model.set_rows([])
            self.intro.setText(str(exc))
            for button in (self.backup_button, self.restore_button, self.restore_file_button):
                button.setEnabled(False)
        except SportelloError as exc:
            self.model.set_rows([])
            self.message.show_error(str(exc))

    # ------------------------------------------------------------------ backup

    def backup_now(self) -> Task:
        self.message.clear_message()
        ctx = self.ctx
        task = Task(lambda _progress: backups.create_backup(ctx), self)
        self.task = task
        dialog = progress_dialog(self, task, self.tr("Copia di sicurezza"),
                                 self.tr("Copia e verifica del database in corso…"))
        dialog.setCancelButton(None)

        def done(info: object) -> None:
            self.load()
            if isinstance(info, BackupInfo):
                self.message.show_info(self.tr("Copia verificata: {file} ({size}).").format(
                    file=info.path.name, size=size_text(info.size)))

        task.succeeded.connect(done)
        task.failed.connect(self.message.show_error)
        task.start()
        dialog.show()
        return task

    # ------------------------------------------------------------------ restore

    def restore_selected(self) -> bool:
        info: BackupInfo | None = selected_row(self.table)
        if info is None:
            self.message.show_error(self.tr("Selezionare nell'elenco la copia da ripristinare."))
            return False
        return self.restore(info.path, format_datetime(info.created_at))

    def restore_from_file(self) -> bool:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Copia da ripristinare"), "",
            self.tr("Database di Sportello (*.db *.sqlite);;Tutti i file (*)"))
        if not name:
            return False
        path = Path(name)
        try:
            backups.inspect_candidate(path)
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return False
        from datetime import datetime

        return self.restore(path, format_datetime(datetime.fromtimestamp(path.stat().st_mtime)))

    def confirm(self, path: Path, when: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Ripristina copia di sicurezza"),
                          self.tr("Sostituire TUTTO il database con la copia del {when}?").format(
                              when=when), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("restoreConfirm")
        box.setInformativeText(self.tr(
            "File: {file}\n\nQuanto è stato registrato dopo quel momento, da tutti gli "
            "operatori, non sarà più nel database (lo stato attuale viene salvato in una copia "
            "«prima di un ripristino»). Poi Sportello si chiude e va riaperto.").format(
            file=path))
        yes = box.addButton(self.tr("Ripristina la copia del {when}").format(when=when),
                            QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Annulla"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def restore(self, path: Path, when: str) -> bool:
        self.message.clear_message()
        main = self.parent_main_window()
        if not self.confirm(path, when):
            return False
        area = getattr(main, "workers_area", None)
        if area is not None and not area.close_files():
            return False
        try:
            result = backups.restore(self.ctx, path)
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return False
        QMessageBox.information(self, self.tr("Ripristino completato"), self.tr(
            "Ripristinata la copia {file}.\nLo stato precedente è salvato in {safety}.\n\n"
            "Sportello ora si chiude: riaprirlo per lavorare sui dati ripristinati.").format(
            file=result.restored_from.name, safety=result.safety.path))
        window = self.window()
        if window is not main:
            window.close()
        if main is not None:
            main.close()
        return True

    def parent_main_window(self) -> QMainWindow | None:
        widget = self.window().parentWidget()
        while widget is not None and not isinstance(widget, QMainWindow):
            widget = widget.parentWidget()
        return widget
