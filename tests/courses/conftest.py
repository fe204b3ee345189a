"""Staff who work in the page editor: a trainer (writes, submits for review) and a reviewer
(approves or asks for changes), each with the authenticator app the admin requires."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory, give_totp


def cms_user(group_name, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    give_totp(user)
    return user


@pytest.fixture
def trainer(db):
    return cms_user("Trainers", full_name="Tina Trainer")


@pytest.fixture
def reviewer(db):
    return cms_user("Reviewers", full_name="Rita Reviewer")
