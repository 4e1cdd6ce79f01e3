"""Dialogs of the worker files: a save conflict, similar people, which file to keep in a merge."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.codes import FileStatus
from sportello.core.services.workers import SimilarPerson, WorkerRow
from sportello.gui.kit.inputs import format_date
from sportello.gui.worker_file.labels import label
from sportello.gui.worker_file.tabs import fill_table, read_only_table


class ConflictDialog(QDialog):
    """Someone saved the file meanwhile: both versions side by side, nothing overwritten.

    ``exec()`` returns ``KEEP`` (go on editing: the clerk's values stay in the form),
    ``RELOAD`` (discard them and show the saved version) or ``REAPPLY`` (show the saved
    version with the clerk's own changes put back on top, to review and save again).
    """

    KEEP = 0
    RELOAD = 10
    REAPPLY = 11

    def __init__(self, rows: Sequence[tuple[str, str, str]], their_version: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Il fascicolo è stato modificato da un altro operatore"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Qualcun altro ha salvato questa scheda dopo che l'avete aperta (ora è alla"
            " versione {version}). Le vostre modifiche <b>non</b> sono state salvate e sono"
            " ancora nel modulo."
        ).format(version=their_version))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = read_only_table([self.tr("Campo"), self.tr("Il vostro valore"),
                                      self.tr("Valore salvato")])
        self.table.setObjectName("conflictTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        fill_table(self.table, [list(row) for row in rows])
        self.table.setMinimumHeight(min(60 + 28 * len(rows), 320))
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("Ricarica (scarta le mie modifiche)"))
        self.reapply_button = QPushButton(
            self.tr("Riporta le mie modifiche sulla versione salvata"))
        self.keep_button = QPushButton(self.tr("Continua a modificare"))
        self.keep_button.setDefault(True)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        self.reapply_button.clicked.connect(lambda: self.done(self.REAPPLY))
        self.keep_button.clicked.connect(lambda: self.done(self.KEEP))
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(3)]
                for r in range(self.table.rowCount())]


class SimilarPeopleDialog(QDialog):
    """Files of people like the one being created: open one of them, or create anyway."""

    OPEN = 10
    CREATE = 11

    def __init__(self, candidates: Sequence[SimilarPerson], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarPeopleDialog")
        self.setWindowTitle(self.tr("Persone simili già presenti"))
        self.setMinimumWidth(720)
        self._candidates = list(candidates)
        self.chosen_id: int | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Ci sono già fascicoli di persone con nome e data di nascita simili. Controllare"
            " che non sia la stessa persona (un codice fiscale scritto male) prima di creare"
            " un nuovo fascicolo."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = read_only_table([self.tr("Cognome e nome"), self.tr("Codice fiscale"),
                                      self.tr("Data di nascita"), self.tr("Motivo")])
        self.table.setObjectName("similarTable")
        fill_table(self.table, [
            [f"{c.surname} {c.name}", c.codice_fiscale, format_date(c.birth_date), c.reason]
            for c in self._candidates
        ])
        self.table.doubleClicked.connect(lambda _index: self._open())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("Apri il fascicolo selezionato"))
        self.create_button = QPushButton(self.tr("Crea comunque"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annulla"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.create_button.clicked.connect(lambda: self.done(self.CREATE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self._candidates:
            self.table.selectRow(0)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _open(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen_id = self._candidates[rows[0].row()].id
        self.done(self.OPEN)


class MergeDialog(QDialog):
    """Two files of the same person: which one stays. The other's history moves to it."""

    def __init__(self, first: WorkerRow, second: WorkerRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Unisci fascicoli"))
        self.setMinimumWidth(560)
        self._rows = (first, second)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Quale fascicolo mantenere? Diario, patti, percorsi, appuntamenti, voucher e"
            " lettere dell'altro passano a quello mantenuto, i suoi campi vuoti vengono"
            " completati con i dati dell'altro, e l'altro fascicolo viene eliminato."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for index, row in enumerate(self._rows):
            text = self.tr("{surname} {name} — {cf} — nato/a il {birth} — {status}").format(
                surname=row.surname, name=row.name, cf=row.codice_fiscale,
                birth=format_date(row.birth_date) or "—", status=label(FileStatus, row.status))
            button = QRadioButton(text)
            button.setObjectName(f"keep{index}")
            self.group.addButton(button, index)
            self.choices.append(button)
            layout.addWidget(button)
        self.choices[0].setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continua…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def choose(self, index: int) -> None:
        self.choices[index].setChecked(True)

    @property
    def keep(self) -> WorkerRow:
        return self._rows[max(self.group.checkedId(), 0)]

    @property
    def drop(self) -> WorkerRow:
        return self._rows[1 - max(self.group.checkedId(), 0)]
