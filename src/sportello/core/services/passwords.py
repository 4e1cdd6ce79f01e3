"""Password hashing (argon2id) and the minimum rules for a password."""

from __future__ import annotations

from functools import cache

from sportello.core.errors import ValidationError

MIN_LENGTH = 8


@cache
def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()


def check_strength(password: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise ValidationError(
            f"La password deve avere almeno {MIN_LENGTH} caratteri.", "password"
        )
    if password.isdigit() or password.isalpha():
        raise ValidationError("La password deve contenere sia lettere sia cifre.", "password")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
