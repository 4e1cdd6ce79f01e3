"""Widgets of the Import/Export area: the import wizard, the history, the export dialog."""
