"""What the schools app holds about a person: their memberships of institutions (and what they
share with each), and register uploads made by programme staff.

Erasure first records one anonymous `CompletionFact` per certificate that counts toward campaigns
(course, completion date, the person's borough, the institutions they shared their completion
with, and a random identifier shared by that person's facts only), so campaign figures stay equal.
"""

import uuid

from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows
from lms.privacy.registry import PersonalData, register

from .models import CompletionFact, GiasImport, Membership


def _memberships(user):
    return export_rows(
        Membership.objects.filter(user=user).order_by("joined_at"),
        "role", "shares_completion", "joined_via", "joined_at", "lead_requested_at",
        institution_name="institution__name", institution_urn="institution__urn",
    )


def completion_facts_record(user) -> int:
    """One anonymous fact per certificate of `user` that is not revoked. Returns how many."""
    from certificates.models import Certificate

    person = uuid.uuid4()
    shared = list(
        Membership.objects.filter(user=user, shares_completion=True).values_list("institution_id", flat=True)
    )
    certificates = Certificate.objects.filter(user=user, revoked_at__isnull=True).values_list(
        "course_id", "completed_at"
    )
    facts = CompletionFact.objects.bulk_create(
        [
            CompletionFact(person=person, course_id=course, completed_at=completed_at, borough=user.borough)
            for course, completed_at in certificates
        ]
    )
    if shared and facts:
        Through = CompletionFact.institutions.through
        Through.objects.bulk_create(
            [Through(completionfact_id=fact.pk, institution_id=i) for fact in facts for i in shared]
        )
    return len(facts)


def _erase_memberships(user):
    from lms.privacy.services import erasure_in_progress

    erasure_in_progress(user).facts_kept += completion_facts_record(user)
    Membership.objects.filter(user=user).delete()


def _uploads(user):
    return export_rows(GiasImport.objects.filter(uploaded_by=user).order_by("pk"), "created_at", "status")


def _erase_uploads(user):
    from lms.privacy.services import reassign_to_pseudonym

    reassign_to_pseudonym(user, [(GiasImport, "uploaded_by")])


def register_entries():
    register(
        PersonalData(
            key="schools.memberships",
            label=_("Schools, colleges and universities you joined"),
            models=("schools.Membership",),
            export=_memberships,
            erase=_erase_memberships,
            purpose=_(
                "To let the institutions you work at see your training, if you agreed, and to count "
                "which institutions have trained staff."
            ),
            lawful_basis=_("Consent for sharing with the institution; public task for counting coverage"),
            retention=_(
                "As long as the account exists. Campaign figures keep an anonymous record of each "
                "completion (course, date, borough, institution), with nothing that identifies you."
            ),
        )
    )
    register(
        PersonalData(
            key="schools.register_uploads",
            label=_("Register uploads (programme staff)"),
            models=("schools.GiasImport",),
            export=_uploads,
            erase=_erase_uploads,
            purpose=_("To keep a record of who updated the institution register."),
            lawful_basis=_("Legitimate interests: accountability for the register"),
            retention=_("Kept; after erasure it names a pseudonym, not you."),
        )
    )
