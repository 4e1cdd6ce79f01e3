"""Widgets and dialogs of the three path areas: Percorsi, Formazione and Sportello Unico.

The areas live in ``sportello.gui.areas``; the table model and the form dialogs that show a
service's refusal next to the field it names are the kit's (``sportello.gui.kit``), the
labels of coded values and the worker picker are shared with the file window
(``sportello.gui.shared``). No rule lives here: every check is the services'.
"""
