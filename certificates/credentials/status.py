"""W3C Bitstring Status List v1.0, purpose "revocation": one bit per credential, the credential's
row id giving its list and place. A set bit means revoked. Lists are served signed (VC-JWT) and
built afresh on each request, so a revocation shows at once."""

import base64
import gzip
from datetime import timedelta

from django.db.models import Max, Q
from django.utils import timezone

from . import build
from .models import Credential
from .signing import sign

LIST_SIZE = 131_072  # bits: the specification's minimum (16 KB), which hides who is in a list


def position(credential_id: int) -> tuple[int, int]:
    return divmod(credential_id, LIST_SIZE)


def revoked_filter() -> Q:
    """Credentials that count as revoked: revoked themselves (reissue), their certificate revoked,
    or the certificate withdrawn (gone)."""
    return (
        Q(revoked_at__isnull=False) | Q(certificate__isnull=True) | Q(certificate__revoked_at__isnull=False)
    )


def list_exists(number: int) -> bool:
    highest = Credential.objects.aggregate(highest=Max("pk"))["highest"]
    return number >= 0 and highest is not None and number <= position(highest)[0]


def encoded_list(number: int) -> str:
    """The list's bits, GZIP-compressed and base64url-encoded without padding, multibase "u"."""
    bits = bytearray(LIST_SIZE // 8)
    start = number * LIST_SIZE
    revoked = (
        Credential.objects.filter(pk__gte=start, pk__lt=start + LIST_SIZE)
        .filter(revoked_filter())
        .values_list("pk", flat=True)
    )
    for pk in revoked:
        index = pk - start
        bits[index // 8] |= 0x80 >> (index % 8)  # index 0 is the left-most bit
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_list_jwt(number: int) -> str:
    now = timezone.now()
    list_url = build.absolute("credentials:status_list", number=number)
    document = {
        "@context": [build.VC_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": build.issuer_id(),
        "validFrom": build.iso(now),
        "validUntil": build.iso(now + timedelta(days=1)),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": build.STATUS_PURPOSE,
            "encodedList": encoded_list(number),
        },
    }
    claims = {**document, "iss": document["issuer"], "jti": list_url, "sub": f"{list_url}#list",
              "nbf": int(now.timestamp()), "exp": int((now + timedelta(days=1)).timestamp())}
    return sign(claims)[0]
