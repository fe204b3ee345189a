"""Verification codes: 80 random bits from `secrets`, written in Crockford's base32.

The alphabet has no I, L, O or U, so a code can be read aloud or typed from paper without
ambiguity. Codes are stored as 16 upper-case characters and printed in four groups of four
(``7KQ2-M9XD-3HWP-R4TB``). Input is forgiving: case, spaces, hyphens and the look-alikes
O -> 0 and I/L -> 1 are all accepted.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 80
CODE_LENGTH = CODE_BITS // 5  # 16 characters
GROUP = 4

_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")
_VALID = re.compile(f"^[{ALPHABET}]{{{CODE_LENGTH}}}$")


def generate_code() -> str:
    """A new normalised code: 16 characters carrying 80 bits from the OS's secure generator."""
    value = secrets.randbits(CODE_BITS)
    chars = []
    for _ in range(CODE_LENGTH):
        value, index = divmod(value, 32)
        chars.append(ALPHABET[index])
    return "".join(reversed(chars))


def normalise_code(raw: str) -> str | None:
    """The stored form of what someone typed, or None if it cannot be a code."""
    if not raw or len(raw) > 64:
        return None
    candidate = _SEPARATORS.sub("", raw).upper().translate(_LOOKALIKES)
    return candidate if _VALID.match(candidate) else None


def format_code(code: str) -> str:
    """``7KQ2M9XD3HWPR4TB`` -> ``7KQ2-M9XD-3HWP-R4TB`` (how it is printed and shown)."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
