"""Certificates and media on S3-compatible storage (CERTIFICATES_BUCKET, MEDIA_BUCKET), against
moto's standalone S3 server started once per test session on a free loopback port: the PDF is stored
in the private bucket, its owner is sent to a short-lived presigned address, anyone else gets a 404."""

import json
import socket
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from certificates import services
from tests.certificates.factories import EnrollmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")
pytest.importorskip("storages.backends.s3")

CERTIFICATES = "lms-certificates-test"
MEDIA = "lms-media-test"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _storage(bucket, endpoint, **options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": bucket, "endpoint_url": endpoint, "region_name": "eu-west-2", **options},
    }


@pytest.fixture
def s3(settings, s3_endpoint, monkeypatch):
    """The settings base.py makes from MEDIA_BUCKET/CERTIFICATES_BUCKET, with both buckets made."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2")
    for bucket in (CERTIFICATES, MEDIA):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    # Media are public: the deployer's bucket policy lets anyone read them (README).
    client.put_bucket_policy(Bucket=MEDIA, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{MEDIA}/*",
    }]}))
    settings.CERTIFICATES_BUCKET = CERTIFICATES
    settings.CERTIFICATE_DOWNLOAD_URL_SECONDS = 60
    settings.STORAGES = {
        **settings.STORAGES,
        "default": _storage(MEDIA, s3_endpoint, querystring_auth=False, file_overwrite=False),
        "certificates": _storage(
            CERTIFICATES, s3_endpoint, default_acl="private", querystring_auth=True,
            querystring_expire=60, custom_domain=None,
        ),
    }
    # The model field took its storage when the app loaded (as on a real node, where the settings
    # come from the environment at start-up): point it at the storage these settings make.
    from django.core.files.storage import storages

    from certificates.models import Certificate

    monkeypatch.setattr(Certificate._meta.get_field("pdf"), "storage", storages["certificates"])
    yield client
    for bucket in (CERTIFICATES, MEDIA):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def _keys(client, bucket):
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_the_owner_is_sent_to_a_short_lived_presigned_address_of_the_pdf_in_the_private_bucket(
    client, s3, s3_endpoint
):
    enrollment = EnrollmentFactory(user__full_name="Amani Okoro")
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    assert _keys(s3, CERTIFICATES) == [certificate.pdf.name]
    client.force_login(certificate.user)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    target = response["Location"]
    assert target.startswith(f"{s3_endpoint}/{CERTIFICATES}/{certificate.pdf.name}?")
    query = parse_qs(urlsplit(target).query)
    assert query["X-Amz-Expires"] == ["60"] and query["X-Amz-Signature"]
    with urllib.request.urlopen(target) as pdf:  # noqa: S310 (the loopback moto server)
        assert pdf.read().startswith(b"%PDF")
        assert pdf.headers["Content-Disposition"] == (
            f'attachment; filename="certificate-{certificate.display_code}.pdf"'
        )
    grants = s3.get_object_acl(Bucket=CERTIFICATES, Key=certificate.pdf.name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner account only


def test_someone_else_gets_no_address_for_the_pdf(client, s3):
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    client.force_login(UserFactory())

    response = client.get(certificate.get_download_url())

    assert response.status_code == 404
    assert "Location" not in response


def test_a_pdf_missing_from_the_bucket_is_rendered_again_before_the_owner_is_sent_there(client, s3):
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    s3.delete_object(Bucket=CERTIFICATES, Key=certificate.pdf.name)
    client.force_login(certificate.user)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 302
    with urllib.request.urlopen(response["Location"]) as pdf:  # noqa: S310
        assert pdf.read().startswith(b"%PDF")


def test_uploaded_media_are_stored_in_the_media_bucket_at_a_public_address(s3, s3_endpoint):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("documents/timetable.txt", ContentFile(b"Monday: module 1"))

    assert _keys(s3, MEDIA) == [name]
    url = default_storage.url(name)
    assert url == f"{s3_endpoint}/{MEDIA}/{name}"
    with urllib.request.urlopen(url) as body:  # noqa: S310
        assert body.read() == b"Monday: module 1"
