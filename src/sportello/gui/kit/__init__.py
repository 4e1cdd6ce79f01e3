"""The widget kit: Qt, the standard library and plain values, nothing of the domain.

``inputs`` reads and shows what the clerk types (dates, times, numbers, money), ``tables``
holds the row model and the read-only table, ``forms`` the form dialogs, message lines and
combos, ``flow_layout`` and ``screen_fit`` two layout helpers. The kit imports no service,
no model and no SQLAlchemy (an import-linter contract in pyproject.toml): whatever needs
the domain lives in ``sportello.gui.shared`` or in the feature that uses it.
"""
