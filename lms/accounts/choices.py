"""Choices for the learner's profile. The borough list is the 33 London local authorities, by ONS
code, from `lms.london` (the same list `schools.Borough` is loaded from)."""

from django.db import models

from lms.london import local_authorities

OUTSIDE_LONDON = "outside"

LONDON_BOROUGHS = [(la.ons_code, la.name) for la in local_authorities()]

BOROUGH_CHOICES = sorted(LONDON_BOROUGHS, key=lambda item: item[1]) + [
    (OUTSIDE_LONDON, "Outside London"),
]


class Role(models.TextChoices):
    PUBLIC = "public", "Member of the public"
    SCHOOL_STAFF = "school_staff", "School or college staff"
    UNIVERSITY_STAFF = "university_staff", "University staff"
    STUDENT = "student", "Student aged 16 or over"
    HEALTH_CARE = "health_care", "Health or care worker"
    OTHER = "other", "Other"
