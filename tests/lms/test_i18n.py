"""The interface in every language: addresses, <html lang dir>, the switcher, the learner's language."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from lms import i18n
from lms.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


# Addresses --------------------------------------------------------------------------------------


def test_english_pages_keep_their_unprefixed_addresses(client):
    for path in ("/", "/get-help/", "/search/", "/accounts/login/", "/accounts/signup/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_tag(response) == '<html lang="en-GB" dir="ltr">', path


@pytest.mark.parametrize(
    ("code", "lang", "direction"),
    [("pl", "pl", "ltr"), ("ro", "ro", "ltr"), ("es", "es", "ltr"), ("bn", "bn", "ltr"),
     ("ar", "ar", "rtl"), ("ur", "ur", "rtl")],
)
def test_each_language_has_its_own_prefix_lang_and_direction(client, code, lang, direction):
    for path in ("/", "/get-help/", "/accounts/login/"):
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, path
        assert html_tag(response) == f'<html lang="{lang}" dir="{direction}">'
        assert response["Content-Language"] == code


def test_an_unknown_language_prefix_is_not_found(client):
    assert client.get("/xx/get-help/").status_code == 404
    assert client.get("/en-gb/get-help/").status_code == 404  # English has no prefix


def test_admin_health_and_downloads_stay_unprefixed(client):
    assert client.get("/healthz").status_code in (200, 503)
    assert client.get("/admin/").status_code == 302
    assert client.get("/pl/admin/").status_code == 404
    assert client.get("/pl/healthz", follow=True).status_code == 404
    with translation.override("pl"):
        assert reverse("wagtailadmin_home") == "/admin/"
        assert reverse("certificates:download", kwargs={"code": "ABCD"}) == "/certificates/ABCD.pdf"
        assert reverse("get_help") == "/pl/get-help/"


def test_links_on_a_page_keep_its_language(client):
    html = client.get("/pl/get-help/").content.decode()
    assert 'href="/pl/courses/"' in html
    assert 'href="/pl/search/"' in html
    assert 'href="/pl/accounts/login/?next=' in html
    assert 'href="/pl/"' in html  # the site name goes to the home page in Polish
    assert 'href="/courses/"' not in html.split('class="language-switcher"')[0] + html.split("</nav>", 1)[1]


# The certificate verify address ------------------------------------------------------------------


@pytest.fixture
def certificate():
    from certificates import services
    from tests.certificates.factories import EnrollmentFactory

    enrollment = EnrollmentFactory(user__full_name="Amani Okoro")
    return services.certificate_issue(enrollment_id=enrollment.id)


def test_the_verify_address_is_the_same_in_every_language(certificate):
    addresses = set()
    for code in i18n.offered_languages():
        with translation.override(code):
            addresses.add(certificate.get_verify_url())
    assert addresses == {f"/certificates/verify/{certificate.display_code}/"}


def test_the_verify_page_is_in_the_visitors_language(client, certificate):
    url = certificate.get_verify_url()
    assert html_tag(client.get(url)) == '<html lang="en-GB" dir="ltr">'
    client.cookies.clear()  # a new visit, by someone whose browser asks for Polish
    browser_polish = client.get(url, headers={"accept-language": "pl,en;q=0.5"})
    assert html_tag(browser_polish) == '<html lang="pl" dir="ltr">'
    assert html_tag(client.get(f"{url}?lang=ur")) == '<html lang="ur" dir="rtl">'
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"  # the language of the visit
    response = client.get(url)
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert certificate.learner_name in response.content.decode()
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_a_bad_lang_parameter_is_ignored(client, certificate):
    response = client.get(f"{certificate.get_verify_url()}?lang=<script>")
    assert response.status_code == 200
    assert html_tag(response) == '<html lang="en-GB" dir="ltr">'
    assert "<script>" not in response.content.decode().split("</head>")[0]


def test_old_verify_links_still_work_and_prefixed_ones_do_not_exist(client, certificate):
    code = certificate.display_code
    assert client.get(f"/certificates/verify/{code}/").status_code == 200
    assert client.get(f"/certificates/verify/?code={code}", follow=True).status_code == 200
    assert client.get(f"/pl/certificates/verify/{code}/").status_code == 404


# The language switcher ---------------------------------------------------------------------------


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a ([^>]*)>([^<]*)</a>", nav)


def links_by_lang(html):
    return {re.search(r'hreflang="([^"]+)"', attrs).group(1): attrs for attrs, _name in switcher(html)}


def test_the_switcher_names_every_language_in_itself_and_links_to_this_page_in_it(client):
    links = switcher(client.get("/pl/get-help/").content.decode())
    assert [name for _attrs, name in links] == [name for _code, name in settings.LANGUAGES]
    assert [name for _attrs, name in links][:3] == ["English", "Polski", "Română"]
    by_lang = {re.search(r'hreflang="([^"]+)"', attrs).group(1): attrs for attrs, _name in links}
    assert 'href="/get-help/?lang=en-gb"' in by_lang["en-GB"] and 'lang="en-GB"' in by_lang["en-GB"]
    assert 'href="/ur/get-help/?lang=ur"' in by_lang["ur"] and 'dir="rtl"' in by_lang["ur"]
    assert 'aria-current="true"' in by_lang["pl"]
    assert sum('aria-current' in attrs for attrs, _name in links) == 1


def test_the_switcher_keeps_the_search_and_names_alternates_for_search_engines(client):
    html = client.get("/search/?q=listening").content.decode()
    links = links_by_lang(html)
    assert 'href="/bn/search/?q=listening&amp;lang=bn"' in links["bn"]
    assert '<link rel="alternate" hreflang="ar" href="http://testserver/ar/search/?q=listening">' in html


def test_on_the_verify_page_the_switcher_keeps_the_address_and_asks_for_the_language(client, certificate):
    url = certificate.get_verify_url()
    links = links_by_lang(client.get(url).content.decode())
    assert f'href="{url}?lang=pl"' in links["pl"]


def test_the_language_of_a_visit_is_remembered_for_the_neutral_pages(client, certificate):
    response = client.get("/ro/get-help/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ro"
    assert html_tag(client.get(certificate.get_verify_url())) == '<html lang="ro" dir="ltr">'


# A signed-in learner's language ------------------------------------------------------------------


def test_switching_language_during_a_visit_saves_it_for_the_learners_emails(client):
    learner = UserFactory(preferred_language="")
    client.force_login(learner)
    client.get("/get-help/")  # the first page of the visit chooses nothing
    learner.refresh_from_db()
    assert learner.preferred_language == ""
    client.get("/ur/get-help/")  # a link in Urdu is not a choice
    learner.refresh_from_db()
    assert learner.preferred_language == ""
    client.get("/ur/get-help/?lang=ur")  # the switcher
    learner.refresh_from_db()
    assert learner.preferred_language == "ur"
    assert i18n.language_for(learner) == "ur"


def test_arriving_from_an_old_english_link_does_not_undo_a_learners_choice(client):
    learner = UserFactory(preferred_language="pl")
    client.force_login(learner)
    client.get("/pl/get-help/")
    client.get("/get-help/")  # an old link, or a redirect to an English address, mid-visit
    learner.refresh_from_db()
    assert learner.preferred_language == "pl"


def test_a_signed_in_learner_reads_neutral_pages_in_their_saved_language(client, certificate):
    owner = certificate.user
    User.objects.filter(pk=owner.pk).update(preferred_language="bn")
    client.force_login(owner)
    response = client.get(certificate.get_absolute_url())
    assert html_tag(response) == '<html lang="bn" dir="ltr">'


def test_the_profile_page_changes_the_language_and_carries_on_in_it(client):
    learner = UserFactory(full_name="Zofia Wiśniewska", preferred_language="")
    client.force_login(learner)
    html = client.get("/accounts/profile/").content.decode()
    assert '<option value="ar" lang="ar" dir="rtl">العربية</option>' in html
    response = client.post(
        "/accounts/profile/",
        {"full_name": "Zofia Wiśniewska", "preferred_language": "pl", "borough": "", "role": ""},
    )
    assert response.status_code == 302 and response["Location"] == "/pl/accounts/profile/"
    learner.refresh_from_db()
    assert learner.preferred_language == "pl"


def test_the_profile_page_refuses_a_language_that_is_not_offered(client):
    learner = UserFactory(full_name="Zofia Wiśniewska", preferred_language="pl")
    client.force_login(learner)
    response = client.post(
        "/accounts/profile/", {"full_name": "Zofia Wiśniewska", "preferred_language": "xx"}
    )
    assert response.status_code == 200  # the form again, with the error
    learner.refresh_from_db()
    assert learner.preferred_language == "pl"


def test_signing_in_carries_on_in_the_learners_saved_language(client):
    learner = UserFactory(email="nadia@example.org", preferred_language="ar")
    learner.set_password("Blue-kettle-sings-42")
    learner.save()
    response = client.post(
        "/accounts/login/", {"login": "nadia@example.org", "password": "Blue-kettle-sings-42"}
    )
    assert response.status_code == 302 and response["Location"] == "/ar/"


def test_signing_up_in_a_language_saves_it(client):
    response = client.post(
        "/pl/accounts/signup/",
        {
            "full_name": "Ola Nowak",
            "email": "ola@example.org",
            "password1": "Blue-kettle-sings-42",
            "password2": "Blue-kettle-sings-42",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="ola@example.org").preferred_language == "pl"


# Helpers for emails, reminders and certificates --------------------------------------------------


def test_language_for_falls_back_to_english_for_none_or_a_language_no_longer_offered(settings):
    assert i18n.language_for(UserFactory.build(preferred_language="")) == "en-gb"
    assert i18n.language_for(UserFactory.build(preferred_language="ur")) == "ur"
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polski")]
    assert i18n.language_for(UserFactory.build(preferred_language="ur")) == "en-gb"
    assert i18n.language_for(None) == "en-gb"


def test_override_for_renders_in_the_learners_language():
    import datetime

    learner = UserFactory.build(preferred_language="pl")
    day = datetime.date(2026, 12, 1)
    with i18n.override_for(learner):
        assert translation.get_language() == "pl"
        assert date_format(day, "DATE_FORMAT") == "1 grudnia 2026"
        assert reverse("get_help") == "/pl/get-help/"
    assert translation.get_language() in ("en-gb", None)
    assert date_format(day, "DATE_FORMAT") == "1 December 2026"


def test_direction_and_html_tags():
    assert [i18n.text_direction(c) for c in ("en-gb", "pl", "ar", "ur", "fa", "he")] == [
        "ltr", "ltr", "rtl", "rtl", "rtl", "rtl",
    ]
    assert i18n.html_lang("en-gb") == "en-GB" and i18n.html_lang("ur") == "ur"
    assert set(settings.LANGUAGES_BIDI) >= {"ar", "ur", "fa", "he"}


# The page cache ----------------------------------------------------------------------------------


def test_each_language_is_cached_on_its_own(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    english = client.get("/get-help/")
    polish = client.get("/pl/get-help/")
    assert html_tag(client.get("/get-help/")) == '<html lang="en-GB" dir="ltr">'
    assert html_tag(client.get("/pl/get-help/")) == '<html lang="pl" dir="ltr">'
    assert english.content != polish.content
