"""The signing keys: the first key of the key set signs; the others are retired keys whose public
halves stay in the published JWKS, so credentials signed with them still verify after a rotation.

Configured with CREDENTIALS_SIGNING_KEY (the key set itself) or CREDENTIALS_SIGNING_KEY_FILE (a
file outside the repository holding it). Either holds a JWK Set (JSON, `{"keys": [...]}`, newest
first), a single JWK, or a single PEM private key. Without either, local settings generate a key
set on first use in CREDENTIALS_LOCAL_KEY_FILE (git-ignored); production refuses to start.
"""

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from jwcrypto import jwk

ALGORITHM = "RS256"
KEY_SIZE = 2048


@dataclass(frozen=True)
class KeyRing:
    keys: tuple  # jwk.JWK, newest (the signing key) first

    @property
    def signing_key(self) -> jwk.JWK:
        return self.keys[0]

    def get(self, kid: str):
        return next((key for key in self.keys if key.get("kid") == kid), None)

    def public_jwks(self) -> dict:
        return {"keys": [_public(key) for key in self.keys]}


def _public(key: jwk.JWK) -> dict:
    public = key.export_public(as_dict=True)
    public.update(kid=key.get("kid"), use="sig", alg=ALGORITHM)
    return public


def new_key() -> jwk.JWK:
    key = jwk.JWK.generate(kty="RSA", size=KEY_SIZE)
    return jwk.JWK(**{**key.export_private(as_dict=True), "kid": key.thumbprint()})


def key_set_json(keys) -> str:
    """A key set as written to a key file (private keys: keep it out of the repository)."""
    return json.dumps({"keys": [key.export_private(as_dict=True) for key in keys]}, indent=2)


def _usable(item: dict) -> jwk.JWK:
    """A key from a key set, with a kid (its RFC 7638 thumbprint when it has none) and without
    `key_ops`/`use` restrictions (some tools export private keys as "sign" only, which would stop
    the same key verifying and be published to verifiers as useless)."""
    item = {name: value for name, value in item.items() if name not in ("key_ops", "use", "alg")}
    return jwk.JWK(**{**item, "kid": item.get("kid") or jwk.JWK(**item).thumbprint()})


def parse_key_set(text: str, *, source: str) -> KeyRing:
    text = (text or "").strip()
    try:
        if text.startswith("-----BEGIN"):
            key = jwk.JWK.from_pem(text.encode())
            raw = [{**key.export_private(as_dict=True), "kid": key.thumbprint()}]
        else:
            data = json.loads(text)
            raw = data["keys"] if isinstance(data, dict) and "keys" in data else [data]
        keys = tuple(_usable(item) for item in raw)
    except Exception as exc:  # any malformed key: one line naming where it came from
        problem = exc.__class__.__name__
        raise ImproperlyConfigured(f"{source} does not hold a valid key set: {problem}") from None
    if not keys:
        raise ImproperlyConfigured(f"{source} holds no keys")
    if not keys[0].has_private or keys[0].get("kty") != "RSA":
        raise ImproperlyConfigured(f"{source}: its first key must be an RSA private key (it signs)")
    if len({key.get("kid") for key in keys}) != len(keys):
        raise ImproperlyConfigured(f"{source}: two keys share a kid")
    return KeyRing(keys=keys)


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=8)
def _load(inline: str, key_file: str, local_file: str, _stamp) -> KeyRing:
    if inline.strip():
        return parse_key_set(inline, source="CREDENTIALS_SIGNING_KEY")
    if key_file:
        try:
            text = Path(key_file).read_text()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"CREDENTIALS_SIGNING_KEY_FILE cannot be read ({key_file}): {exc.strerror}"
            ) from None
        return parse_key_set(text, source="CREDENTIALS_SIGNING_KEY_FILE")
    if not local_file:
        raise ImproperlyConfigured("CREDENTIALS_SIGNING_KEY_FILE is not set: see .env.example")
    path = Path(local_file)
    if not path.exists():  # local use only: a key of this machine's own, made on first use
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key_set_json([new_key()]))
    return parse_key_set(path.read_text(), source=str(path))


def keyring() -> KeyRing:
    inline = getattr(settings, "CREDENTIALS_SIGNING_KEY", "") or ""
    key_file = getattr(settings, "CREDENTIALS_SIGNING_KEY_FILE", "") or ""
    local_file = str(getattr(settings, "CREDENTIALS_LOCAL_KEY_FILE", "") or "")
    stamp = _mtime(key_file or local_file) if not inline.strip() else None
    return _load(inline, key_file, local_file, stamp)
