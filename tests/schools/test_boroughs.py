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


# The values learners' profiles hold: ONS codes, as stored since the profile first offered a
# borough (written out here, not read from lms.london, so a change of key or file is caught).
SAVED_BEFORE = [f"E09{number:06d}" for number in range(1, 34)] + [OUTSIDE_LONDON]


def test_every_borough_a_learner_saved_before_is_still_valid_and_names_the_same_registry_borough():
    from lms.accounts.models import User

    field = User._meta.get_field("borough")
    names = dict(Borough.objects.values_list("ons_code", "name"))
    for value in SAVED_BEFORE:
        field.clean(value, User(borough=value))  # raises for a value no longer on the list
        learner = User(borough=value)
        assert learner.get_borough_display() == names.get(value, "Outside London")
    assert sorted(names) == SAVED_BEFORE[:-1]


@pytest.mark.parametrize(
    "saved, shown", [("E09000001", "City of London"), (OUTSIDE_LONDON, "Outside London")]
)
def test_a_learner_finds_the_borough_they_saved_selected_on_their_profile(client, saved, shown):
    from tests.factories import UserFactory

    client.force_login(UserFactory(borough=saved))
    html = client.get("/accounts/profile/").content.decode()
    assert f'<option value="{saved}" selected>{shown}</option>' in html
