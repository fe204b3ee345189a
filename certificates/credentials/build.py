"""The JSON of the issuer Profile, the course Achievements and the OpenBadgeCredentials (Open
Badges 3.0 on the W3C Verifiable Credentials Data Model 2.0). Pure functions of stored rows, so a
credential's JSON is the same every time it is built."""

import hashlib
import re
from datetime import UTC, datetime, time

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from lms.i18n import html_lang

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
STATUS_PURPOSE = "revocation"


def absolute(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def issuer_id() -> str:
    return absolute("credentials:issuer")


def achievement_id(course_id: int) -> str:
    return absolute("credentials:achievement", course_id=course_id)


def issuer_profile() -> dict:
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "image": {"id": absolute("credentials:badge_image"), "type": "Image", "caption": settings.SITE_NAME},
    }


def criteria_narrative(course) -> str:
    """What earning the achievement takes, in words, from the course's own settings."""
    steps = f"Complete every module of the course “{course.title}”"
    if course.pass_mark:
        steps += f" and pass its assessment with at least {course.pass_mark}% of the answers correct"
    # one outcome per list item or paragraph, joined as a sentence list
    items = re.split(r"</(?:li|p)>", course.learning_outcomes or "")
    outcomes = "; ".join(text for text in (" ".join(strip_tags(item).split()) for item in items) if text)
    return steps + "." + (f" Learners who complete it can: {outcomes}" if outcomes else "")


def achievement(course) -> dict:
    return {
        "id": achievement_id(course.pk),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": course.title,
        "description": course.summary or course.title,
        "criteria": {"narrative": criteria_narrative(course)},
        "image": {"id": absolute("credentials:badge_image"), "type": "Image", "caption": course.title},
        "inLanguage": html_lang(course.locale.language_code if course.locale_id else settings.LANGUAGE_CODE),
        "creator": {"id": issuer_id(), "type": ["Profile"]},
    }


def identity_hash(email: str, salt: str) -> str:
    """OB 3.0 IdentityHash: "sha256$" and the hex SHA-256 of the identifier followed by the salt."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def valid_until_moment(certificate) -> datetime | None:
    """The end of the certificate's last valid day, in the site's time zone."""
    if certificate.valid_until is None:
        return None
    return timezone.make_aware(datetime.combine(certificate.valid_until, time(23, 59, 59)))


def status_entry(credential) -> dict:
    from . import status

    list_number, index = status.position(credential.pk)
    list_url = absolute("credentials:status_list", number=list_number)
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": STATUS_PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def credential_document(*, credential, certificate) -> dict:
    """The OpenBadgeCredential (unsigned) for a credential row of `certificate`."""
    identifiers = [{
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": credential.identity_hash,
        "salt": credential.identity_salt,
    }]
    if credential.with_name:
        identifiers.append({
            "type": "IdentityObject", "identityType": "name", "hashed": False,
            "identityHash": credential.learner_name,
        })
    document = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential.urn,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile(),
        "validFrom": iso(certificate.completed_at),
        "credentialSubject": {
            "id": f"urn:uuid:{credential.subject_uid}",
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "achievement": achievement(certificate.course),
        },
        "credentialStatus": status_entry(credential),
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        "evidence": [{
            "id": settings.SITE_URL + certificate.get_verify_url(),
            "type": ["Evidence"],
            "name": f"Certificate {certificate.display_code}",
        }],
    }
    until = valid_until_moment(certificate)
    if until is not None:
        document["validUntil"] = iso(until)
    return document


def jwt_claims(document: dict) -> dict:
    """The JWT payload (OB 3.0 § JSON Web Token Proof Format): the credential and its claims."""
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "sub": document["credentialSubject"]["id"],
        "nbf": int(datetime.fromisoformat(document["validFrom"]).timestamp()),
    }
    if "validUntil" in document:
        claims["exp"] = int(datetime.fromisoformat(document["validUntil"]).timestamp())
    return claims
