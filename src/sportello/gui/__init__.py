"""PySide6 user interface: thin, calls sportello.core services, holds no rules."""
