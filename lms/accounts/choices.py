"""Choices for the learner's profile. The borough list is the 33 London local authorities
(ONS codes; see data/geo/london_local_authorities.csv, Open Government Licence v3.0)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

OUTSIDE_LONDON = "outside"

LONDON_BOROUGHS = [
    ("E09000001", "City of London"),
    ("E09000002", "Barking and Dagenham"),
    ("E09000003", "Barnet"),
    ("E09000004", "Bexley"),
    ("E09000005", "Brent"),
    ("E09000006", "Bromley"),
    ("E09000007", "Camden"),
    ("E09000008", "Croydon"),
    ("E09000009", "Ealing"),
    ("E09000010", "Enfield"),
    ("E09000011", "Greenwich"),
    ("E09000012", "Hackney"),
    ("E09000013", "Hammersmith and Fulham"),
    ("E09000014", "Haringey"),
    ("E09000015", "Harrow"),
    ("E09000016", "Havering"),
    ("E09000017", "Hillingdon"),
    ("E09000018", "Hounslow"),
    ("E09000019", "Islington"),
    ("E09000020", "Kensington and Chelsea"),
    ("E09000021", "Kingston upon Thames"),
    ("E09000022", "Lambeth"),
    ("E09000023", "Lewisham"),
    ("E09000024", "Merton"),
    ("E09000025", "Newham"),
    ("E09000026", "Redbridge"),
    ("E09000027", "Richmond upon Thames"),
    ("E09000028", "Southwark"),
    ("E09000029", "Sutton"),
    ("E09000030", "Tower Hamlets"),
    ("E09000031", "Waltham Forest"),
    ("E09000032", "Wandsworth"),
    ("E09000033", "Westminster"),
]

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
