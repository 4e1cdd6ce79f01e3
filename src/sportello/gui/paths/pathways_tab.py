"""The "Percorsi" tab: every worker's pathways, filtered and paged, and what to do with one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import pathways, worker_file
from sportello.core.services.pathways import OPEN_STATUSES, PathwayFilter, PathwayRow
from sportello.gui import changes, ops
from sportello.gui.kit.flow_layout import FlowLayout
from sportello.gui.kit.forms import MessageBar, fill_combo, label, show_dialog
from sportello.gui.kit.inputs import format_date, plural
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row
from sportello.gui.paths.pathway_dialogs import (
    CloseFileDialog,
    ClosePathwayDialog,
    NewPathwayDialog,
)
from sportello.gui.shared.labels import PATHWAY_KINDS, PATHWAY_OUTCOMES, PATHWAY_STATUSES
from sportello.gui.shared.navigation import open_worker_file

STATUS_COLOURS = {
    "attivo": "#1e7b34",
    "sospeso": "#b45309",
    "proposto": "#1d4ed8",
    "interrotto": "#b42318",
}


class PathwaysTab(QWidget):
    changed = Signal()  # a pathway or a file was opened, suspended or closed

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(changes.PATHWAYS, source=self))
        self.ctx = ctx
        self._filters_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("pathwaySearch")
        self.search_edit.setPlaceholderText(self.tr("Cerca lavoratore (nome, codice fiscale…)"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("pathwayKindFilter")
        fill_combo(self.kind_combo, PATHWAY_KINDS, first=self.tr("Tutti i percorsi"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("pathwayStatusFilter")
        self.status_combo.addItem(self.tr("Tutti gli stati"), None)
        self.status_combo.addItem(self.tr("Aperti (proposti, attivi, sospesi)"), OPEN_STATUSES)
        for value in PATHWAY_STATUSES:
            self.status_combo.addItem(label(PATHWAY_STATUSES, value), value)
        self.vertenza_combo = QComboBox()
        self.vertenza_combo.setObjectName("pathwayVertenzaFilter")
        self.vertenza_combo.addItem(self.tr("Tutte le vertenze"), None)
        self.vertenza_combo.setMinimumContentsLength(10)
        self.vertenza_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # narrow when need be (long labels), the search box last
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("Cerca lavoratore"))
        for combo in (self.kind_combo, self.status_combo):
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.kind_combo, 1)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.vertenza_combo, 1)
        layout.addLayout(filters)

        self.count_label = QLabel()
        self.count_label.setObjectName("pathwayCount")
        self.count_label.setWordWrap(True)  # the count per status wraps on a small screen
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)

        self.model = RowsModel(
            [
                Column(self.tr("Lavoratore"), lambda r: r.worker_name),
                Column(self.tr("Codice fiscale"), lambda r: r.codice_fiscale),
                Column(
                    self.tr("Percorso"),
                    lambda r: label(PATHWAY_KINDS, r.kind),
                    tooltip=lambda r: label(PATHWAY_KINDS, r.kind),
                ),
                Column(
                    self.tr("Stato"),
                    lambda r: label(PATHWAY_STATUSES, r.status),
                    colour=lambda r: STATUS_COLOURS.get(r.status),
                ),
                Column(self.tr("Avvio"), lambda r: format_date(r.start_on)),
                Column(self.tr("Fine"), lambda r: format_date(r.end_on)),
                Column(self.tr("Esito"), lambda r: label(PATHWAY_OUTCOMES, r.outcome)),
                Column(
                    self.tr("Vertenza"), lambda r: r.vertenza or "", tooltip=lambda r: r.vertenza
                ),
            ],
            self,
        )
        self.table = make_table(self.model, "pathwayTable", (160, 152, 145, 75, 80, 80, 95))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selection())
        self.table.doubleClicked.connect(lambda _i: self.open_file())
        layout.addWidget(self.table, 1)

        bar = QFrame()
        bar.setObjectName("pathwayActions")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(bar)
        column.setContentsMargins(8, 6, 8, 6)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("pathwaySelection")
        self.selection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.selection_label.setWordWrap(True)
        column.addWidget(self.selection_label)
        buttons = FlowLayout()  # wraps on a narrow window instead of widening it
        self.new_button = QPushButton(self.tr("Nuovo percorso…"))
        self.new_button.setObjectName("pathwayNew")
        self.new_button.clicked.connect(self.new_pathway)
        self.suspend_button = QPushButton(self.tr("Sospendi"))
        self.suspend_button.setObjectName("pathwaySuspend")
        self.suspend_button.clicked.connect(lambda: self.set_suspended(True))
        self.resume_button = QPushButton(self.tr("Riprendi"))
        self.resume_button.setObjectName("pathwayResume")
        self.resume_button.clicked.connect(lambda: self.set_suspended(False))
        self.close_button = QPushButton(self.tr("Chiudi percorso…"))
        self.close_button.setObjectName("pathwayClose")
        self.close_button.clicked.connect(self.close_selected)
        self.close_file_button = QPushButton(self.tr("Chiudi fascicolo…"))
        self.close_file_button.setObjectName("fileClose")
        self.close_file_button.setToolTip(
            self.tr("Chiude il fascicolo del lavoratore e tutti i suoi percorsi aperti")
        )
        self.close_file_button.clicked.connect(self.close_file)
        self.open_button = QPushButton(self.tr("Apri fascicolo"))
        self.open_button.setObjectName("pathwayOpenFile")
        self.open_button.clicked.connect(self.open_file)
        for button in (self.new_button, self.suspend_button, self.resume_button, self.close_button):
            buttons.addWidget(button)
        buttons.addSpacing(24)
        buttons.addWidget(self.close_file_button)
        buttons.addWidget(self.open_button)
        column.addLayout(buttons)
        layout.addWidget(bar)
        self.message = MessageBar("pathwayMessage")
        layout.addWidget(self.message)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.kind_combo, self.status_combo, self.vertenza_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self._show_selection()

    # ------------------------------------------------------------------ reading

    def load_filters(self) -> None:
        self._show_filters(worker_file.vertenze(self.ctx))

    def _show_filters(self, vertenze: list[tuple[int, str]]) -> None:
        self._filters_loaded = True
        self.vertenza_combo.blockSignals(True)
        current = self.vertenza_combo.currentData()
        while self.vertenza_combo.count() > 1:
            self.vertenza_combo.removeItem(1)
        for vertenza_id, title in vertenze:
            self.vertenza_combo.addItem(title, vertenza_id)
        index = self.vertenza_combo.findData(current)
        self.vertenza_combo.setCurrentIndex(max(0, index))
        self.vertenza_combo.blockSignals(False)

    def current_filter(self) -> PathwayFilter:
        return PathwayFilter(
            kind=self.kind_combo.currentData(),
            status=self.status_combo.currentData(),
            vertenza_id=self.vertenza_combo.currentData(),
            text=self.search_edit.text(),
        )

    def reload(self, select: int | None = None) -> None:
        if not self._filters_loaded:
            self.load_filters()
        self._search_timer.stop()
        ops.forget((self, "reload"))  # a background read asked before this one is stale
        flt = self.current_filter()
        self._show_list(self._read_list(self.ctx, flt, self.model.page_size), flt, select)

    def reload_in_background(self) -> None:
        """As ``reload`` (the vertenze of the filter too), read on the read lane (gui.ops)."""
        self._search_timer.stop()
        ctx, size, flt = self.ctx, self.model.page_size, self.current_filter()

        def job() -> tuple[list[tuple[int, str]], tuple[list[PathwayRow], dict[str, int]]]:
            return worker_file.vertenze(ctx), self._read_list(ctx, flt, size)

        def show(data: tuple[list[tuple[int, str]], tuple[list[PathwayRow], dict[str, int]]]
                 ) -> None:
            vertenze, listed = data
            self._show_filters(vertenze)
            if self.current_filter() != flt:
                self.reload()  # the filter changed meanwhile (a vertenza gone): read again
                return
            self._show_list(listed, flt, None)

        ops.read(self, job, done=show, key=(self, "reload"))

    @staticmethod
    def _read_list(ctx: Context, flt: PathwayFilter, size: int
                   ) -> tuple[list[PathwayRow], dict[str, int]]:
        return (pathways.list_pathways(ctx, flt, offset=0, limit=size),
                pathways.count_by_status(ctx, flt))

    def _show_list(self, listed: tuple[list[PathwayRow], dict[str, int]], flt: PathwayFilter,
                   select: int | None) -> None:
        first, counts = listed
        keep = select if select is not None else getattr(self.selected(), "id", None)
        ctx = self.ctx
        self.model.set_pager(
            lambda offset, limit: pathways.list_pathways(ctx, flt, offset=offset, limit=limit),
            first=first)
        total = sum(counts.values())
        parts = " · ".join(
            f"{label(PATHWAY_STATUSES, status).lower()} {n}" for status, n in counts.items() if n
        )
        head = plural(total, self.tr("1 percorso"), self.tr("{n} percorsi"))
        self.count_label.setText(f"{head} — {parts}" if parts else self.tr("Nessun percorso."))
        if keep is not None:
            select_id(self.table, keep)
        self._show_selection()

    def selected(self) -> PathwayRow | None:
        return selected_row(self.table)

    def _show_selection(self) -> None:
        row = self.selected()
        is_open = row is not None and row.is_open
        self.suspend_button.setEnabled(is_open and row.status != "sospeso")
        self.resume_button.setEnabled(is_open and row.status in ("sospeso", "proposto"))
        self.resume_button.setText(
            self.tr("Attiva")
            if row is not None and row.status == "proposto"
            else self.tr("Riprendi")
        )
        self.close_button.setEnabled(is_open)
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.selection_label.setText(
                self.tr(
                    "Selezionare un percorso per sospenderlo, riprenderlo o chiuderlo con il suo "
                    "esito."
                )
            )
            return
        parts = [
            row.worker_name,
            label(PATHWAY_KINDS, row.kind),
            label(PATHWAY_STATUSES, row.status).lower(),
        ]
        if row.start_on:
            parts.append(self.tr("dal {date}").format(date=format_date(row.start_on)))
        if row.end_on:
            parts.append(self.tr("al {date}").format(date=format_date(row.end_on)))
        if row.outcome:
            parts.append(
                self.tr("esito: {outcome}").format(
                    outcome=label(PATHWAY_OUTCOMES, row.outcome).lower()
                )
            )
        if row.file_status == "chiuso":
            parts.append(self.tr("fascicolo chiuso"))
        self.selection_label.setText(" · ".join(parts))

    # ------------------------------------------------------------------ actions

    def _done(self, text: str, select: int | None = None) -> None:
        self.reload(select=select)
        self.message.show_info(text)
        self.changed.emit()

    def new_pathway(self) -> NewPathwayDialog:
        row = self.selected()
        worker = (row.worker_id, f"{row.worker_name} — {row.codice_fiscale}") if row else None
        dialog = NewPathwayDialog(self.ctx, worker, self)
        show_dialog(
            dialog,
            lambda info: self._done(
                self.tr("Percorso avviato: {kind}.").format(kind=label(PATHWAY_KINDS, info.kind)),
                select=info.id,
            ),
        )
        return dialog

    def set_suspended(self, suspended: bool) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("Percorso sospeso.") if suspended else self.tr("Percorso attivo.")
        ops.write(self, lambda: pathways.set_suspended(self.ctx, row.id, suspended),
                  done=lambda _info: self._done(text, select=row.id),
                  failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.suspend_button, self.resume_button))

    def close_selected(self) -> ClosePathwayDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ClosePathwayDialog(self.ctx, row, self)
        show_dialog(
            dialog,
            lambda info: self._done(
                self.tr("Percorso chiuso con esito «{outcome}».").format(
                    outcome=label(PATHWAY_OUTCOMES, info.outcome)
                ),
                select=info.id,
            ),
        )
        return dialog

    def close_file(self) -> CloseFileDialog:
        row = self.selected()
        worker = None
        if row is not None and row.file_status != "chiuso":
            worker = (row.worker_id, f"{row.worker_name} — {row.codice_fiscale}")
        dialog = CloseFileDialog(self.ctx, worker, self)

        def saved(closed: object) -> None:
            count = len(closed)  # type: ignore[arg-type]
            self._done(
                plural(
                    count,
                    self.tr("Fascicolo chiuso: chiuso anche 1 percorso aperto."),
                    self.tr("Fascicolo chiuso: chiusi anche {n} percorsi aperti."),
                )
                if count
                else self.tr("Fascicolo chiuso (nessun percorso aperto)."),
                select=row.id if row else None,
            )

        show_dialog(dialog, saved)
        return dialog

    def open_file(self) -> None:
        row = self.selected()
        if row is not None and not open_worker_file(self.ctx, row.worker_id, self):
            self.message.show_info(self.tr("La scheda del fascicolo non è disponibile."))
