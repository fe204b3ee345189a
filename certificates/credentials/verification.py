"""The platform's own check of a credential someone pasted or uploaded on the verify page:
signature, issuer, status and validity dates, each outcome in words a visitor understands."""

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils import timezone
from jwcrypto import jws
from jwcrypto.common import JWException

from . import baking, build
from .keys import ALGORITHM, keyring
from .models import Credential
from .services import REISSUED
from .status import revoked_filter

COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")

GENUINE = "genuine"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"
REVOKED = "revoked"
ALTERED = "altered"
UNKNOWN_KEY = "unknown_key"
OTHER_ISSUER = "other_issuer"
UNREADABLE = "unreadable"


@dataclass
class Finding:
    outcome: str
    claims: dict = field(default_factory=dict)
    revoked_reason: str = ""  # the certificate's, when it was revoked
    replaced: bool = False  # a newer credential replaced it (reissue after a name change)
    withdrawn: bool = False  # the certificate was withdrawn

    @property
    def genuine(self) -> bool:
        """Issued by us and unchanged (it may still be expired or revoked)."""
        return self.outcome in {GENUINE, EXPIRED, NOT_YET_VALID, REVOKED}

    @property
    def course(self) -> str:
        return self.claims.get("credentialSubject", {}).get("achievement", {}).get("name", "")

    @property
    def learner_name(self) -> str:
        for item in self.claims.get("credentialSubject", {}).get("identifier", []):
            if item.get("identityType") == "name" and not item.get("hashed"):
                return item.get("identityHash", "")
        return ""

    def _moment(self, claim):
        value = self.claims.get(claim)
        return datetime.fromtimestamp(value, UTC) if isinstance(value, int | float) else None

    @property
    def valid_from(self):
        return self._moment("nbf")

    @property
    def valid_until(self):
        return self._moment("exp")


def extract_jwt(data: bytes) -> str | None:
    """The compact JWS in what was given: the JWT itself, our .json download (or any JSON with it
    under compactJwsStrings / credential / jwt), a baked PNG or a baked SVG."""
    if data.startswith(baking.PNG_SIGNATURE):
        try:
            return baking.unbake_png(data)
        except ValueError:
            return None
    try:
        text = data.decode("utf-8").strip().lstrip("\ufeff")
    except UnicodeDecodeError:
        return None
    if COMPACT_JWS.match(text):
        return text
    if "<svg" in text[:2000]:
        return baking.unbake_svg(text)
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if isinstance(document, dict):
        for key in ("compactJwsString", "compactJwsStrings", "credential", "jwt"):
            value = document.get(key)
            value = value[0] if isinstance(value, list) and value else value
            if isinstance(value, str) and COMPACT_JWS.match(value.strip()):
                return value.strip()
    return None


def _credential(jti) -> Credential | None:
    try:
        uid = uuid.UUID(str(jti).removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return Credential.objects.filter(uid=uid).select_related("certificate").first()


def verify(token: str | None, *, now=None) -> Finding:
    if not token or not COMPACT_JWS.match(token):
        return Finding(UNREADABLE)
    try:
        parsed = jws.JWS()
        parsed.deserialize(token)
        header = parsed.jose_header
    except (JWException, ValueError, TypeError):
        return Finding(UNREADABLE)
    if header.get("alg") != ALGORITHM:
        return Finding(UNKNOWN_KEY)
    key = keyring().get(header.get("kid", ""))
    if key is None:
        return Finding(UNKNOWN_KEY)
    try:
        parsed.verify(key, alg=ALGORITHM)
        claims = json.loads(parsed.payload)
    except (JWException, ValueError):
        return Finding(ALTERED)
    if not isinstance(claims, dict):
        return Finding(UNREADABLE)
    if claims.get("iss") != build.issuer_id() or "OpenBadgeCredential" not in claims.get("type", []):
        return Finding(OTHER_ISSUER, claims)
    credential = _credential(claims.get("jti"))
    if credential is None:
        return Finding(UNREADABLE, claims)
    if Credential.objects.filter(pk=credential.pk).filter(revoked_filter()).exists():
        certificate = credential.certificate
        return Finding(
            REVOKED, claims,
            revoked_reason=certificate.revoked_reason if certificate and certificate.is_revoked else "",
            replaced=credential.revoked_reason == REISSUED,
            withdrawn=certificate is None,
        )
    moment = (now or timezone.now()).timestamp()
    if claims.get("nbf", 0) > moment:
        return Finding(NOT_YET_VALID, claims)
    if "exp" in claims and claims["exp"] < moment:
        return Finding(EXPIRED, claims)
    return Finding(GENUINE, claims)
