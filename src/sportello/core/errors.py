"""Errors that carry a message meant for the clerk (Italian)."""


class SportelloError(Exception):
    """A refusal with a message a clerk can read; nothing was written."""


class NotFound(SportelloError):
    pass


class PermissionDenied(SportelloError):
    pass


class ValidationError(SportelloError):
    """Bad input; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(SportelloError):
    """Someone else saved a newer version of the same record."""
