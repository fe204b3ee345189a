"""Programme staff add and edit people in the CMS with the custom User's fields (email and full name,
no username or first/last name), on both screens."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.django_db
def test_the_add_and_edit_screens_ask_for_email_and_full_name(admin_client):
    learner = UserFactory()
    add_url = reverse("wagtailusers_users:add")
    for url in (add_url, reverse("wagtailusers_users:edit", args=[learner.pk])):
        html = admin_client.get(url).content.decode()
        assert 'name="email"' in html and 'name="full_name"' in html, url
        assert 'name="username"' not in html and 'name="first_name"' not in html, url
    assert 'name="password1"' in admin_client.get(add_url).content.decode()
