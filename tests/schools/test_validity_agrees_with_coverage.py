"""The "Valid until" date printed on a certificate is exactly the last day campaigns count it:
counted on that day, not on the next, including completions at the end of a month."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from certificates import validity
from schools.selectors.coverage import counting_certificates
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.factories import CampaignFactory, certify

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("months", [1, 12, 36])
@pytest.mark.parametrize("completed_on", [
    date(2026, 6, 15), date(2026, 1, 31), date(2026, 3, 31), date(2024, 2, 29), date(2026, 12, 31),
])
def test_valid_until_is_the_last_day_the_campaign_counts_the_certificate(months, completed_on):
    campaign = CampaignFactory(programme="youth_mhfa", certificate_valid_months=months,
                               starts_on=date(2020, 1, 1))
    course = CoursePageFactory(programme="youth_mhfa")
    when = timezone.make_aware(datetime.combine(completed_on, time(12, 0)))
    certificate = certify(UserFactory(), course, when=when)

    last = validity.valid_until(course=course, completed_on=completed_on)

    counted = counting_certificates(campaign=campaign, on=last).filter(pk=certificate.pk).exists()
    after = counting_certificates(campaign=campaign, on=last + timedelta(days=1))
    assert counted, f"not counted on its last valid day {last}"
    assert not after.filter(pk=certificate.pk).exists(), f"still counted the day after {last}"
