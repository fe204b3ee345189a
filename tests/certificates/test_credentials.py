"""Open Badges 3.0 credentials: issued JSON against the official schema, a verifier written from the
specification (tests/certificates/ob_verifier.py, PyJWT over HTTP), revocation, reissue, rotation,
the learner's downloads and the public credential check."""

import base64
import hashlib
import io
import json
import os
import stat
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft201909Validator, FormatChecker
from PIL import Image

from certificates import services
from certificates.credentials.keys import keyring
from certificates.credentials.models import Credential
from tests.certificates import ob_verifier
from tests.certificates.factories import EnrollmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).with_name("schemas")


def _rsa_jwk(kid: str) -> dict:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {**json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private)), "kid": kid}


@pytest.fixture(scope="session")
def key_a():
    return _rsa_jwk("test-key-a")


@pytest.fixture(scope="session")
def key_b():
    return _rsa_jwk("test-key-b")


@pytest.fixture(autouse=True)
def _signing_keys(settings, key_a):
    settings.CREDENTIALS_SIGNING_KEY = json.dumps({"keys": [key_a]})


@pytest.fixture
def certificate():
    enrollment = EnrollmentFactory(user__full_name="Amani Okoro", user__email="amani@example.org")
    return services.certificate_issue(enrollment_id=enrollment.id)


def download(client, certificate, fmt="json", *, name=True):
    client.force_login(certificate.user)
    params = {"format": fmt, **({"name": "on"} if name else {})}
    return client.get(reverse("certificates:credential_download", args=[certificate.display_code]), params)


def token_for(client, certificate, *, name=True) -> str:
    return ob_verifier.token_from_download(download(client, certificate, name=name))


def payload_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def reason(client, token) -> str | None:
    try:
        ob_verifier.verify(client, token)
    except ob_verifier.Rejected as rejected:
        return rejected.reason
    return None


def schema(name):
    return Draft201909Validator(json.loads((SCHEMAS / name).read_text()), format_checker=FormatChecker())


# The credential -------------------------------------------------------------------------------


def test_the_issued_credential_validates_against_the_official_open_badges_3_schema(client, certificate):
    response = download(client, certificate)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="credential-{certificate.display_code}.json"'
    )
    download_json = json.loads(response.content)
    assert list(schema("getopenbadgecredentialsresponse.json").iter_errors(download_json)) == []
    credential = payload_of(download_json["compactJwsString"][0])

    errors = [
        f"{list(e.path)}: {e.message}" for e in schema("achievementcredential.json").iter_errors(credential)
    ]
    assert errors == []
    issuer_profile = client.get("/credentials/issuer.json").json()
    assert list(schema("profile.json").iter_errors(issuer_profile)) == []


def test_the_credential_says_who_issued_what_to_whom_and_when(client, certificate):
    credential = payload_of(token_for(client, certificate))
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert credential["issuer"]["id"] == "http://127.0.0.1:8000/credentials/issuer"
    assert credential["issuer"]["name"] and credential["issuer"]["url"] == "http://127.0.0.1:8000/"
    assert credential["validFrom"] == certificate.completed_at.replace(microsecond=0).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert "validUntil" not in credential and "exp" not in credential
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["id"] == f"http://127.0.0.1:8000/credentials/achievements/{certificate.course_id}"
    assert achievement["name"] == certificate.course.title
    assert "pass its assessment" in achievement["criteria"]["narrative"]
    assert achievement["image"]["id"].endswith("/credentials/badge.png")
    email, name = credential["credentialSubject"]["identifier"]
    assert email["hashed"] is True and email["identityType"] == "emailAddress"
    expected = hashlib.sha256(("amani@example.org" + email["salt"]).encode()).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"
    assert name == {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": "Amani Okoro",
    }
    assert "amani@example.org" not in json.dumps(credential)


def test_a_certificate_with_a_validity_period_gives_valid_until_and_exp(client, certificate):
    certificate.valid_until = timezone.localdate() + timedelta(days=365)
    certificate.save()
    credential = payload_of(token_for(client, certificate))
    assert credential["validUntil"].startswith(str(certificate.valid_until))  # end of that day, UTC in winter
    assert credential["exp"] > credential["nbf"]
    assert ob_verifier.verify(client, token_for(client, certificate))["exp"] == credential["exp"]


def test_the_name_is_left_out_unless_the_learner_agrees(client, certificate):
    credential = payload_of(token_for(client, certificate, name=False))
    assert [item["identityType"] for item in credential["credentialSubject"]["identifier"]] == [
        "emailAddress"
    ]
    assert "Amani" not in json.dumps(credential)


def test_downloading_again_gives_the_same_credential(client, certificate):
    first = token_for(client, certificate)
    assert token_for(client, certificate) == first
    assert token_for(client, certificate, name=False) != first
    assert Credential.objects.filter(certificate=certificate).count() == 2


def test_only_the_owner_can_download_the_credential(client, certificate):
    url = reverse("certificates:credential_download", args=[certificate.display_code])
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert not Credential.objects.exists()


# A verifier from the specification ----------------------------------------------------------------


def test_an_outside_verifier_accepts_the_credential_with_the_published_keys(client, certificate, key_a):
    token = token_for(client, certificate)
    assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT", "kid": "test-key-a"}
    claims = ob_verifier.verify(client, token)
    assert claims["iss"] == claims["issuer"]["id"] and claims["jti"] == claims["id"]
    keys = client.get("/.well-known/jwks.json")
    assert keys["Content-Type"] == "application/jwk-set+json"
    assert all("d" not in key and "p" not in key for key in keys.json()["keys"])


def test_an_altered_credential_fails_on_its_signature(client, certificate):
    header, payload, signature = token_for(client, certificate).split(".")
    claims = payload_of(f"{header}.{payload}.{signature}")
    claims["credentialSubject"]["achievement"]["name"] = "Advanced clinical practice"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert reason(client, f"{header}.{forged}.{signature}") == "signature"


def test_a_credential_signed_with_another_key_fails(client, certificate):
    claims = payload_of(token_for(client, certificate))
    intruder = _rsa_jwk("test-key-a")
    key = jwt.PyJWK(intruder, algorithm="RS256")
    same_kid = jwt.encode(claims, key.key, algorithm="RS256", headers={"kid": "test-key-a"})
    assert reason(client, same_kid) == "signature"
    own_kid = jwt.encode(claims, key.key, algorithm="RS256", headers={"kid": "intruder"})
    assert reason(client, own_kid) == "unknown key"


def test_an_expired_credential_fails_as_expired(client, certificate):
    certificate.valid_until = timezone.localdate() - timedelta(days=2)
    certificate.save()
    token = token_for(client, certificate)
    assert reason(client, token) == "expired"
    page = client.post(reverse("certificates:verify_credential"), {"credential": token}).content.decode()
    assert "Genuine, but expired" in page


def test_revoking_the_certificate_over_http_revokes_its_credentials(client, certificate, admin_user):
    with_name, without_name = token_for(client, certificate), token_for(client, certificate, name=False)
    assert reason(client, with_name) is None
    client.force_login(admin_user)
    response = client.post(
        f"/admin/certificate/revoke/{certificate.pk}/", {"reason": "Completed on a shared account"}
    )
    assert response.status_code == 302
    assert reason(client, with_name) == "revoked" and reason(client, without_name) == "revoked"
    page = client.post(reverse("certificates:verify_credential"), {"credential": with_name}).content.decode()
    assert "Revoked:" in page and "Completed on a shared account" in page
    # and no new credential for a revoked certificate
    response = download(client, certificate)
    assert response.status_code == 302
    assert (
        Credential.objects.filter(revoked_at__isnull=True).count() == 2
    )  # rows untouched, list says revoked


def test_a_reissue_after_a_name_change_revokes_the_old_credential_and_issues_a_new_one(client, certificate):
    old = token_for(client, certificate)
    anonymous = token_for(client, certificate, name=False)
    owner = certificate.user
    owner.full_name = "Amani Okoro-Mensah"
    owner.save()
    client.force_login(owner)
    client.post(reverse("certificates:reissue", args=[certificate.display_code]))

    assert reason(client, old) == "revoked"
    assert reason(client, anonymous) is None  # shows no name: still true
    new = token_for(client, certificate)
    assert new != old
    names = [i["identityHash"] for i in ob_verifier.verify(client, new)["credentialSubject"]["identifier"]]
    assert "Amani Okoro-Mensah" in names
    page = client.post(reverse("certificates:verify_credential"), {"credential": old}).content.decode()
    assert "A newer credential replaced it" in page


def test_key_rotation_keeps_credentials_signed_with_the_old_key_verifiable(
    client, certificate, settings, key_a, key_b
):
    old = token_for(client, certificate)
    settings.CREDENTIALS_SIGNING_KEY = json.dumps(
        {"keys": [key_b, {k: key_a[k] for k in ("kty", "n", "e", "kid")}]}
    )
    new = token_for(client, certificate, name=False)
    assert jwt.get_unverified_header(new)["kid"] == "test-key-b"
    assert [k["kid"] for k in client.get("/.well-known/jwks.json").json()["keys"]] == [
        "test-key-b",
        "test-key-a",
    ]
    assert reason(client, old) is None and reason(client, new) is None
    # the status list is now signed with the new key, and still verifies for the old credential
    certificate.revoked_at, certificate.revoked_reason = timezone.now(), "Issued in error"
    certificate.save()
    assert reason(client, old) == "revoked"


def test_the_rotate_command_adds_a_signing_key_and_keeps_the_old_one(settings, tmp_path, key_a):
    key_file = tmp_path / "keys.json"
    key_file.write_text(json.dumps({"keys": [key_a]}))
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = str(key_file)
    out = io.StringIO()
    call_command("credential_keys", "rotate", "--file", str(key_file), stdout=out)
    kids = [key.get("kid") for key in keyring().keys]
    assert len(kids) == 2 and kids[1] == "test-key-a" and kids[0] in out.getvalue()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_a_local_key_is_made_on_first_use_outside_git(settings, tmp_path):
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = ""
    settings.CREDENTIALS_LOCAL_KEY_FILE = str(tmp_path / "local" / "keys.json")
    first = keyring().signing_key.get("kid")
    assert stat.S_IMODE(os.stat(tmp_path / "local" / "keys.json").st_mode) == 0o600
    assert keyring().signing_key.get("kid") == first
    assert ".credentials/" in (Path(__file__).parents[2] / ".gitignore").read_text()


def test_withdrawing_a_certificate_revokes_its_credential_and_drops_its_personal_data(client, certificate):
    token = token_for(client, certificate)
    certificate.delete()
    assert reason(client, token) == "revoked"
    row = Credential.objects.get()
    assert row.certificate is None and row.jwt == "" and row.learner_name == "" and row.identity_hash == ""


# Baked badges ----------------------------------------------------------------------------------


def test_the_png_badge_carries_the_credential_in_an_uncompressed_itxt_chunk(client, certificate):
    response = download(client, certificate, "png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    baked = image.text["openbadgecredential"]  # Pillow reads iTXt chunks into .text
    assert b"zTXt" not in response.content
    assert ob_verifier.verify(client, baked)["credentialSubject"]["achievement"]["name"]
    assert baked == token_for(client, certificate)


def test_the_svg_badge_carries_the_credential_in_openbadges_credential(client, certificate):
    response = download(client, certificate, "svg")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    first = root[0]
    assert first.tag == "{https://purl.imsglobal.org/ob/v3p0}credential"
    assert ob_verifier.verify(client, first.attrib["verify"])
    assert len(root.findall("{https://purl.imsglobal.org/ob/v3p0}credential")) == 1


# The learner's page ------------------------------------------------------------------------------


def test_the_certificate_page_offers_downloads_linkedin_and_explains_credentials(client, certificate):
    client.force_login(certificate.user)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "A digital credential is a copy of your certificate that carries its own proof" in page
    assert "Download credential (.json)" in page and "(PNG)" in page and "(SVG)" in page
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in page
    for part in (
        "name=Suicide+prevention%3A+an+introduction",
        f"issueYear={timezone.localtime(certificate.completed_at).year}",
        f"issueMonth={timezone.localtime(certificate.completed_at).month}",
        f"certId={certificate.display_code}",
        "certUrl=http%3A%2F%2F127.0.0.1%3A8000%2Fcertificates%2Fverify%2F",
        "organizationName=",
    ):
        assert part in page
    assert not Credential.objects.exists()  # nothing issued until the learner downloads


# The public check -------------------------------------------------------------------------------------


def test_the_verify_page_offers_the_credential_check(client):
    page = client.get(reverse("certificates:verify")).content.decode()
    assert 'enctype="multipart/form-data"' in page and "Paste the credential" in page


@pytest.mark.parametrize("how", ["paste", "json file", "png", "svg"])
def test_anyone_can_check_a_credential_pasted_or_uploaded(client, certificate, how):
    token = token_for(client, certificate)
    files = {
        "json file": ("credential.json", download(client, certificate).content),
        "png": ("badge.png", download(client, certificate, "png").content),
        "svg": ("badge.svg", download(client, certificate, "svg").content),
    }
    client.logout()
    if how == "paste":
        data = {"credential": token}
    else:
        name, content = files[how]
        upload = io.BytesIO(content)
        upload.name = name
        data = {"file": upload}
    response = client.post(reverse("certificates:verify_credential"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Genuine and valid" in page and "Amani Okoro" in page and certificate.course_title in page


def test_the_check_says_an_altered_credential_is_not_genuine(client, certificate):
    header, payload, signature = token_for(client, certificate).split(".")
    claims = payload_of(f"{header}.{payload}.{signature}")
    claims["credentialSubject"]["identifier"][1]["identityHash"] = "Someone Else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    page = client.post(
        reverse("certificates:verify_credential"), {"credential": f"{header}.{forged}.{signature}"}
    )
    assert "Not genuine" in page.content.decode() and "Someone Else" not in page.content.decode()


def test_the_check_says_a_credential_with_an_unknown_key_is_not_ours(client, certificate):
    claims = payload_of(token_for(client, certificate))
    token = jwt.encode(claims, jwt.PyJWK(_rsa_jwk("x"), algorithm="RS256").key, "RS256", headers={"kid": "x"})
    assert (
        "Not signed by us"
        in client.post(reverse("certificates:verify_credential"), {"credential": token}).content.decode()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"credential": "hello"}, "We could not find a credential"),
        ({"credential": '{"compactJwsString": ["a.b.c"]}'}, "We could not find a credential"),
        ({}, "Paste a credential or choose a file"),
    ],
)
def test_the_check_explains_bad_input(client, data, message):
    response = client.post(reverse("certificates:verify_credential"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("size_kb", [600, 4096])  # refused by the form; refused before reading
def test_the_check_refuses_a_large_upload(client, size_kb):
    upload = io.BytesIO(b"x" * (size_kb * 1024))
    upload.name = "huge.json"
    response = client.post(reverse("certificates:verify_credential"), {"file": upload})
    assert response.status_code == 400
    assert "This file is too large" in response.content.decode()


# Issuer and achievement addresses -------------------------------------------------------------------


def test_issuer_and_achievement_addresses_give_json_to_programs_and_a_page_to_people(client, certificate):
    course = certificate.course_id
    for path in ("/credentials/issuer", f"/credentials/achievements/{course}"):
        page = client.get(path)
        assert page["Content-Type"].startswith("text/html") and page.status_code == 200
        as_json = client.get(path, HTTP_ACCEPT="application/ld+json")
        assert (
            as_json["Content-Type"] == "application/json"
            and as_json.json()["id"] == f"http://127.0.0.1:8000{path}"
        )
        assert client.get(path + ".json").json() == as_json.json()
        assert "Accept" in page["Vary"]
    achievement = client.get(f"/credentials/achievements/{course}.json").json()
    official = json.loads((SCHEMAS / "achievementcredential.json").read_text())
    only_achievement = {
        "$schema": official["$schema"],
        "$ref": "#/$defs/Achievement",
        "$defs": official["$defs"],
    }
    validator = Draft201909Validator(only_achievement, format_checker=FormatChecker())
    assert list(validator.iter_errors(achievement)) == []
    assert client.get("/credentials/achievements/999999").status_code == 404
    assert client.get("/credentials/status/5").status_code == 404


def test_the_credential_check_is_rate_limited_like_the_code_check(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 1
    url = reverse("certificates:verify_credential")
    assert client.post(url, {"credential": "hello"}).status_code == 400
    response = client.post(url, {"credential": "hello"})
    assert response.status_code == 429 and response["Retry-After"] == "60"
