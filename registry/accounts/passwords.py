"""Password hashing (argon2id) and the strength rule."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

MIN_LENGTH = 12
#: zxcvbn score (0–4) a password must reach: 3 = "safely unguessable" for online attacks.
MIN_SCORE = 3

_hasher = PasswordHasher()
# Verified against when an e-mail is unknown, so a failed login takes the same time either way.
_DUMMY_HASH = _hasher.hash("an unused password for timing")


def hash_password(password: str) -> str:
    """argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password against a stored hash (or the dummy, to keep timing even)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def is_too_weak(password: str, user_inputs: list[str]) -> bool:
    """True for common or easily guessed passwords (dictionary words, keyboard runs, own name)."""
    # zxcvbn's cost grows with length; past 72 characters a password is not common anyway.
    return zxcvbn(password[:72], user_inputs=[value for value in user_inputs if value])["score"] < MIN_SCORE
