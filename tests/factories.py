import factory
import wagtail_factories
from allauth.account.models import EmailAddress

from lms.accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Users have a verified primary email unless `verified=False` is passed."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


def give_totp(user):
    """Give `user` an activated authenticator app, as the CMS admin requires."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)


# Pages: the one place tests make courses and modules (wagtail-factories) -------------------------


def ensure_site_tree():
    """The page tree the migrations make (locale, root, home page, site), made again if a
    transactional test before this one flushed the database."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    home = HomePage.objects.first()
    if home is not None:
        return home
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Free training for London", slug="home"))
    Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def course_index():
    """The course catalogue page (the migrations make it; made again after a flush)."""
    from courses.models import CourseIndexPage

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=ensure_site_tree())


class _PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved with a revision, published unless `publish=False` (then a draft), as the CMS
    leaves it. A slug already taken by a sibling gets a number, as the page editor does."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        publish = True

    live = factory.SelfAttribute("publish")

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        from wagtail.models import Page

        kwargs["slug"] = base = kwargs["slug"] or "page"
        number = 1
        while Page.objects.child_of(parent).filter(slug=kwargs["slug"]).exists():
            number += 1
            kwargs["slug"] = f"{base}-{number}"
        return super()._create_instance(model_class, parent, kwargs)

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        if not create:
            return
        revision = obj.save_revision()
        if obj.live:
            revision.publish()
        obj.refresh_from_db()


class CourseIndexPageFactory(_PublishedPageFactory):
    class Meta:
        model = "courses.CourseIndexPage"

    title = "Courses"


class CoursePageFactory(_PublishedPageFactory):
    """A published course in the catalogue. `modules=N` adds N published lesson modules."""

    class Meta:
        model = "courses.CoursePage"

    parent = factory.LazyFunction(course_index)
    title = "Test course"
    summary = "A short course for testing."
    programme = "suicide_prevention"
    estimated_minutes = 20
    learning_outcomes = "<ul><li>Ask directly</li></ul>"
    content_note = "<p>This course talks about suicide.</p>"
    pass_mark = 80

    @factory.post_generation
    def modules(obj, create, extracted, **kwargs):
        for number in range(1, (extracted or 0) + 1):
            ModulePageFactory(parent=obj, title=f"Module {number}")


class ModulePageFactory(_PublishedPageFactory):
    """A module of `parent` (a course); `body` is raw StreamField data (tests/courses/builders.py)."""

    class Meta:
        model = "courses.ModulePage"

    title = "Module"
    estimated_minutes = 5
    body = factory.LazyFunction(list)
