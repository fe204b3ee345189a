"""VC-JWT (OB 3.0 § JSON Web Token Proof Format): RS256, `kid` in the header, signed with the
newest key of the key ring."""

import json

from jwcrypto import jws

from .keys import ALGORITHM, keyring


def sign(claims: dict) -> tuple[str, str]:
    """The compact JWS of `claims`, and the id of the key that signed it."""
    key = keyring().signing_key
    token = jws.JWS(json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode())
    token.add_signature(key, alg=ALGORITHM, protected={"alg": ALGORITHM, "typ": "JWT", "kid": key.get("kid")})
    return token.serialize(compact=True), key.get("kid")
