"""An Open Badges 3.0 VC-JWT verifier written from the specifications, for the tests. It uses
PyJWT (not the platform's jwcrypto code) and fetches everything over HTTP through the Django test
client, as an outside verifier would fetch it from the site:

- OB 3.0 § JSON Web Token Proof Format and Implementation Guide § "External proof": the JOSE header
  names `alg` and `kid`; the issuer's keys are at https://{authority of issuer.id}/.well-known/jwks.json;
  `iss` equals `issuer.id`, `jti` the credential id, `nbf`/`exp` give validFrom/validUntil.
- W3C Bitstring Status List v1.0: fetch `statusListCredential`, check it is signed by the same
  issuer, base64url-decode (after the multibase "u") and GZIP-decompress `encodedList`; the bit at
  `statusListIndex` (index 0 the left-most bit) set means the purpose applies (revoked).
"""

import base64
import gzip
import json
from urllib.parse import urlsplit

import jwt

ACCEPTED_ALGORITHMS = ["RS256"]


class Rejected(Exception):  # noqa: N818 (a verdict, not a fault)
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _get(client, url: str, accept: str):
    parts = urlsplit(url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""), HTTP_ACCEPT=accept)
    if response.status_code != 200:
        raise Rejected(f"fetch failed: {url} {response.status_code}")
    return response


def _decode(client, token: str, *, expected_issuer: str | None = None) -> dict:
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.DecodeError:
        raise Rejected("malformed") from None
    if header.get("alg") not in ACCEPTED_ALGORITHMS:
        raise Rejected("algorithm")
    if not header.get("kid"):
        raise Rejected("no kid")
    issuer = unverified.get("iss")
    if not issuer or (expected_issuer and issuer != expected_issuer):
        raise Rejected("issuer")
    issuer_object = unverified.get("issuer")
    issuer_id = issuer_object.get("id") if isinstance(issuer_object, dict) else issuer_object
    if issuer_id != issuer:
        raise Rejected("issuer")
    authority = urlsplit(issuer)
    jwks_url = f"{authority.scheme}://{authority.netloc}/.well-known/jwks.json"
    jwks = _get(client, jwks_url, "application/jwk-set+json").json()
    matching = [key for key in jwks.get("keys", []) if key.get("kid") == header["kid"]]
    if len(matching) != 1:
        raise Rejected("unknown key")
    if "d" in matching[0]:
        raise Rejected("private key published")
    key = jwt.PyJWK(matching[0], algorithm="RS256")
    try:
        return jwt.decode(
            token,
            key=key,
            algorithms=ACCEPTED_ALGORITHMS,
            issuer=issuer,
            options={"require": ["iss", "nbf", "jti"], "verify_aud": False},
        )
    except jwt.InvalidSignatureError:
        raise Rejected("signature") from None
    except jwt.ExpiredSignatureError:
        raise Rejected("expired") from None
    except jwt.ImmatureSignatureError:
        raise Rejected("not yet valid") from None
    except jwt.InvalidTokenError as error:
        raise Rejected(f"invalid: {error}") from None


def bit_is_set(encoded_list: str, index: int) -> bool:
    if not encoded_list.startswith("u"):
        raise Rejected("status list encoding")
    raw = encoded_list[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    if len(bits) * 8 < 131_072:
        raise Rejected("status list too short")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def verify(client, token: str) -> dict:
    """The verified credential claims, or Rejected(reason)."""
    claims = _decode(client, token)
    if "OpenBadgeCredential" not in claims.get("type", []) or "VerifiableCredential" not in claims["type"]:
        raise Rejected("type")
    if claims["jti"] != claims.get("id"):
        raise Rejected("jti")
    status = claims.get("credentialStatus")
    if status is not None:
        if status.get("type") != "BitstringStatusListEntry":
            raise Rejected("status type")
        list_token = _get(client, status["statusListCredential"], "application/vc+jwt").content.decode()
        status_list = _decode(client, list_token, expected_issuer=claims["iss"])
        subject = status_list["credentialSubject"]
        if (
            "BitstringStatusListCredential" not in status_list["type"]
            or status_list["id"] != status["statusListCredential"]
        ):
            raise Rejected("status list type")
        if subject["statusPurpose"] != status["statusPurpose"]:
            raise Rejected("status purpose")
        if bit_is_set(subject["encodedList"], int(status["statusListIndex"])):
            raise Rejected("revoked")
    return claims


def token_from_download(response) -> str:
    return json.loads(response.content)["compactJwsString"][0]
