"""One list of London's boroughs: the learner's profile choices and the registry's Borough rows."""

import pytest

from lms.accounts.choices import BOROUGH_CHOICES, OUTSIDE_LONDON
from lms.london import local_authorities
from schools.models import Borough

pytestmark = pytest.mark.django_db


def test_every_borough_a_learner_can_give_is_a_registry_borough_with_the_same_name():
    rows = {b.ons_code: (b.name, b.dfe_code, b.is_inner) for b in Borough.objects.all()}
    assert rows == {la.ons_code: (la.name, la.dfe_code, la.is_inner) for la in local_authorities()}
    choices = dict(BOROUGH_CHOICES)
    assert choices.pop(OUTSIDE_LONDON) == "Outside London"
    assert choices == {code: name for code, (name, _dfe, _inner) in rows.items()}
    assert len(choices) == 33 and rows["E09000001"][0] == "City of London"
