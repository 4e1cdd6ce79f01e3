"""Field rules: one function per kind of value, used by the forms, the services and the
import alike, so that a value accepted in one place is accepted everywhere.

Each rule takes what was typed or read and returns the clean value, or raises
``RuleError`` with an Italian message that does not name the field (the caller adds
the field's label or the sheet's row and column). No ORM, no Qt here.
"""
