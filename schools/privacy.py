"""What the schools app holds about a person: their memberships of institutions (and what they
share with each), and register uploads made by programme staff.

Erasure first records one anonymous `CompletionFact` per certificate that counts toward campaigns
(course, completion date, the person's borough, each institution they were a member of with
whether they shared with it and whether the membership was confirmed, and a random identifier
shared by that person's facts only), so campaign figures stay equal.
"""

import operator
import uuid
from functools import reduce

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows
from lms.privacy.registry import ACCOUNT_LIFETIME, PersonalData, register_all

from .consent import erase_lead_exports, erase_sharing_consents, export_lead_exports, export_sharing_consents
from .models import (
    CompletionFact,
    CompletionFactInstitution,
    CoverageSummary,
    ExternalRecord,
    GiasImport,
    Membership,
    RegisterImport,
    StaffInvitation,
)


def _memberships(user):
    return export_rows(
        Membership.objects.filter(user=user).order_by("joined_at"),
        "role", "shares_completion", "joined_via", "joined_at", "lead_requested_at",
        institution_name="institution__name", institution_urn="institution__urn",
    )


def completion_facts_record(user) -> int:
    """One anonymous fact per certificate of `user` that is not revoked and per confirmed record of
    training done elsewhere, with each institution they were a member of (whether they shared with
    it, whether the membership was confirmed). Returns how many facts."""
    from certificates.models import Certificate

    person = uuid.uuid4()
    memberships = Membership.objects.filter(user=user).values_list(
        "institution_id", "shares_completion", "confirmed_at"
    )
    memberships = list(memberships)
    certificates = Certificate.objects.filter(user=user, revoked_at__isnull=True).values_list(
        "course_id", "completed_at"
    )
    records = ExternalRecord.objects.filter(user=user, status=ExternalRecord.Status.CONFIRMED).values_list(
        "training_id", "completed_on"
    )
    facts = CompletionFact.objects.bulk_create(
        [
            CompletionFact(person=person, course_id=course, completed_at=completed_at, borough=user.borough)
            for course, completed_at in certificates
        ]
        + [
            CompletionFact(person=person, training_id=training, completed_on=day, borough=user.borough)
            for training, day in records
        ]
    )
    CompletionFactInstitution.objects.bulk_create(
        [
            CompletionFactInstitution(
                fact=fact, institution_id=institution, shared=shared, confirmed=confirmed_at is not None
            )
            for fact in facts
            for institution, shared, confirmed_at in memberships
        ]
    )
    return len(facts)


def _erase_memberships(user):
    from lms.privacy.services import erasure_in_progress

    erasure_in_progress(user).facts_kept += completion_facts_record(user)
    Membership.objects.filter(user=user).delete()


UPLOADS = (GiasImport, RegisterImport)


def _uploads(user):
    return [
        {"register": str(model._meta.verbose_name), **row}
        for model in UPLOADS
        for row in export_rows(model.objects.filter(uploaded_by=user).order_by("pk"), "created_at", "status")
    ]


def _erase_uploads(user):
    from lms.privacy.services import reassign_to_pseudonym

    reassign_to_pseudonym(user, [(model, "uploaded_by") for model in UPLOADS])


def _addresses(user) -> list[str]:
    """Every address the person holds (their account's and any other they added), lower-cased."""
    from allauth.account.models import EmailAddress

    others = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return sorted({user.email.lower(), *(email.lower() for email in others)})


def _records_of(user):
    """The person's records of training done elsewhere, and register rows still waiting for their
    address (which hold their name and email)."""
    return ExternalRecord.objects.filter(
        Q(user=user) | (Q(user__isnull=True) & _sent_to(user))
    )


def _sent_to(user) -> Q:
    """Rows whose `email` is one of the person's addresses (any case)."""
    return reduce(operator.or_, (Q(email__iexact=address) for address in _addresses(user)))


def _external_records(user):
    return export_rows(
        _records_of(user).order_by("completed_on", "pk"),
        "completed_on", "provider", "status", "source", "decided_at", "decline_reason", "email",
        "attendee_name", "created_at",
        training_name="training__name", institution_name="institution__name",
    )


def _erase_external_records(user):
    """Delete the person's records and their evidence files (confirmed ones already left anonymous
    facts: see `_erase_memberships`, which runs first); decisions they made as a reviewer keep a
    pseudonym."""
    from certificates.storage import certificate_storage
    from lms.privacy.services import delete_files_on_commit, reassign_to_pseudonym

    records = _records_of(user)
    delete_files_on_commit(certificate_storage(), list(records.values_list("evidence", flat=True)))
    records.delete()
    reassign_to_pseudonym(user, [(ExternalRecord, "decided_by")])


def _invitations(user):
    received = export_rows(
        StaffInvitation.objects.filter(_sent_to(user)).order_by("pk"),
        "email", "created_at", "last_sent_at", "sends", institution_name="institution__name",
    )
    sent = export_rows(
        StaffInvitation.objects.filter(invited_by=user).order_by("pk"),
        "created_at", "sends", institution_name="institution__name",
    )
    return [{"invitation": "received", **row} for row in received] + [
        {"invitation": "sent", **row} for row in sent
    ]


def _erase_invitations(user):
    StaffInvitation.objects.filter(_sent_to(user)).delete()
    StaffInvitation.objects.filter(invited_by=user).update(invited_by=None)


def _summaries(user):
    return export_rows(
        CoverageSummary.objects.filter(created_by=user).order_by("pk"),
        "code", "created_at", "campaign_name", institution_name="institution__name",
    )


def _erase_summaries(user):
    CoverageSummary.objects.filter(created_by=user).update(created_by=None)


def register_entries():
    # Registered before memberships: erasure runs entries in reverse, so memberships' erase records
    # the anonymous facts (of certificates and confirmed records) before the records are deleted.
    register_all(
        PersonalData(
            "schools.external_records", _("Training you did elsewhere"),
            ("schools.ExternalRecord",), _external_records, _erase_external_records,
            purpose=_(
                "To count training you did with another provider toward campaign figures, once "
                "programme staff have checked it, and to show it in My learning."
            ),
            lawful_basis=_("Public task: counting who is trained; consent for sharing with an institution"),
            retention=_(
                "As long as the account exists (register rows until you claim them). Campaign figures "
                "keep an anonymous record of each confirmed one, with nothing that identifies you."
            ),
        ),
        PersonalData(
            "schools.memberships", _("Schools, colleges and universities you joined"),
            ("schools.Membership",), _memberships, _erase_memberships,
            purpose=_(
                "To let the institutions you work at see your training, if you agreed, and to count "
                "which institutions have trained staff."
            ),
            lawful_basis=_("Consent for sharing with the institution; public task for counting coverage"),
            retention=_(
                "As long as the account exists. Campaign figures keep an anonymous record of each "
                "completion (course, date, borough, institution), with nothing that identifies you."
            ),
        ),
        PersonalData(
            "schools.register_uploads", _("Register uploads (programme staff)"),
            ("schools.GiasImport", "schools.RegisterImport"), _uploads, _erase_uploads,
            purpose=_("To keep a record of who updated the institution register."),
            lawful_basis=_("Legitimate interests: accountability for the register"),
            retention=_("Kept; after erasure it names a pseudonym, not you."),
        ),
        PersonalData(
            "schools.sharing_consents", _("What you agreed to share with institutions"),
            ("schools.SharingConsent",), export_sharing_consents, erase_sharing_consents,
            purpose=_("To show when and with which words you agreed, or stopped agreeing, to share."),
            lawful_basis=_("Legal obligation: to be able to show a consent was given"),
            retention=ACCOUNT_LIFETIME,
        ),
        PersonalData(
            "schools.lead_exports", _("Staff lists you downloaded as a lead"),
            ("schools.LeadExport",), export_lead_exports, erase_lead_exports,
            purpose=_("To keep a record of who downloaded an institution's list of staff, and when."),
            lawful_basis=_("Legitimate interests: accountability for personal data shared with leads"),
            retention=_("Kept; after erasure it no longer says who downloaded it."),
        ),
        PersonalData(
            "schools.staff_invitations", _("Invitations to join an institution"),
            ("schools.StaffInvitation",), _invitations, _erase_invitations,
            purpose=_("To invite staff to join their institution on this site, and to send reminders."),
            lawful_basis=_("Legitimate interests: helping institutions get their staff trained"),
            retention=_(
                "Invitations to your address as long as they are open; those you sent keep no link to "
                "you after erasure."
            ),
        ),
        PersonalData(
            "schools.coverage_summaries", _("Coverage summaries you made as a lead"),
            ("schools.CoverageSummary",), _summaries, _erase_summaries,
            purpose=_("To let anyone holding a summary's code check it was made on this site."),
            lawful_basis=_("Legitimate interests: summaries that can be verified"),
            retention=_("Kept; after erasure it no longer says who made it."),
        ),
    )
