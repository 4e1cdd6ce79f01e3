"""Widgets and dialogs of the three path areas: Percorsi, Formazione and Sportello Unico.

The areas live in ``sportello.gui.areas``; what they share (labels of coded values, the
table model, form dialogs that show a service's refusal next to the field it names, the
worker picker) lives here. No rule lives here: every check is the services'.
"""
