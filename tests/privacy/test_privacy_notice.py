"""The privacy notice states every app's declared categories (label, purpose, lawful basis,
retention) and the retention periods the retention task uses; the controller stays a marked
placeholder for programme staff."""

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db
NOTICE = "/accounts/privacy/"

ENTRIES = [
    SimpleNamespace(key="accounts.profile", label="Your name and email address",
                    purpose="To sign you in and print your certificates",
                    lawful_basis="Public task", retention="Until you delete your account"),
    SimpleNamespace(key="schools.memberships", label="Where you work & who you share with",
                    purpose="To show leads who has trained", lawful_basis="Consent",
                    retention="Until you leave or delete your account"),
]


def test_each_declared_category_is_listed_with_its_retention(client, monkeypatch):
    monkeypatch.setattr("lms.accounts.privacy_notice.privacy_entries", lambda: ENTRIES)
    page = client.get(NOTICE).content.decode()
    for entry in ENTRIES:
        for text in (entry.purpose, entry.lawful_basis, entry.retention):
            assert text in page
    assert "Your name and email address" in page
    assert "Where you work &amp; who you share with" in page  # escaped, as any text


def test_retention_periods_come_from_the_settings_the_task_uses(client, settings):
    settings.ACCOUNT_ERASURE_COOL_OFF_DAYS = 21
    settings.RETENTION_UNVERIFIED_DAYS = 45
    settings.RETENTION_INACTIVE_YEARS = 5
    settings.RETENTION_NOTICE_DAYS = 60
    page = client.get(NOTICE).content.decode()
    assert "everything is erased 21 days later unless you sign in" in page
    assert "Deleted 45 days after it was made." in page
    assert "Kept for 5 years after the last sign-in" in page and "erase it 60 days later" in page


def test_rights_and_who_is_responsible_for_the_data(client, settings):
    settings.PRIVACY_CONTROLLER = "Example Programme <Ltd>"
    settings.PRIVACY_CONTACT = "privacy@example.org, 1 Example Street, London"
    page = client.get(NOTICE).content.decode()
    assert "The data controller is: <strong>Example Programme &lt;Ltd&gt;</strong>" in page
    assert "<strong>privacy@example.org, 1 Example Street, London</strong>" in page
    assert "PLACEHOLDER" not in page
    assert "Information Commissioner" in page and "within one month" in page
