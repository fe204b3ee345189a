"""Choices for the learner's profile. The borough list is the 33 London local authorities, by ONS
code, from `lms.london` (the same list `schools.Borough` is loaded from)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.london import local_authorities

OUTSIDE_LONDON = "outside"

LONDON_BOROUGHS = [(la.ons_code, la.name) for la in local_authorities()]

BOROUGH_CHOICES = sorted(LONDON_BOROUGHS, key=lambda item: item[1]) + [
    (OUTSIDE_LONDON, _("Outside London")),
]


class Role(models.TextChoices):
    PUBLIC = "public", _("Member of the public")
    SCHOOL_STAFF = "school_staff", _("School or college staff")
    UNIVERSITY_STAFF = "university_staff", _("University staff")
    STUDENT = "student", _("Student aged 16 or over")
    HEALTH_CARE = "health_care", _("Health or care worker")
    OTHER = "other", _("Other")
