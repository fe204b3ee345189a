from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import BOROUGH_CHOICES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who uses the platform. They sign in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        help_text=_("Your name as it should appear on your certificates."),
    )
    borough = models.CharField(
        _("borough"), max_length=16, choices=BOROUGH_CHOICES, blank=True, default=""
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True, default="")
    # One of settings.LANGUAGES (validated by the profile form, not by choices, so that offering a
    # new language needs no migration). Blank: the language the person last browsed in.
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=16,
        blank=True,
        default="",
        help_text=_("The language of your emails, reminders and certificates."),
    )
    is_staff = models.BooleanField(
        _("programme staff"),
        default=False,
        help_text=_("Can sign in to the CMS admin (two-factor authentication required)."),
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    # Wagtail's admin shows these names.
    @property
    def first_name(self):
        return self.get_short_name()

    @property
    def last_name(self):
        parts = self.full_name.split(" ", 1)
        return parts[1] if len(parts) > 1 else ""


class AccountErasure(models.Model):
    """An account due to be erased: closed by its holder (deactivated at once, erased after the
    cool-off unless they sign in) or warned after a long time without signing in (erased after the
    notice period unless they sign in). At most one per account; signing in removes it."""

    class Reason(models.TextChoices):
        CLOSED = "closed", _("Closed by the account holder")
        INACTIVE = "inactive", _("No sign-in for the retention period")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="pending_erasure")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    erase_after = models.DateTimeField(_("erase after"), db_index=True)

    class Meta:
        verbose_name = _("account due for erasure")
        verbose_name_plural = _("accounts due for erasure")

    def __str__(self):
        return f"{self.user_id}: {self.reason} until {self.erase_after:%Y-%m-%d}"


def export_account_erasures(user) -> list[dict]:
    """The person's pending erasure, if any (for the download-my-data file)."""
    return [
        {"reason": row.reason, "requested_at": row.requested_at.isoformat(),
         "erase_after": row.erase_after.isoformat()}
        for row in AccountErasure.objects.filter(user=user)
    ]


def erase_account_erasures(user) -> None:
    AccountErasure.objects.filter(user=user).delete()
