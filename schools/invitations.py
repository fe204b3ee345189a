"""Writes for a lead's email invitations: inviting addresses, reminding those who have not started,
and replacing the institution's invitation link (the old one then says it was replaced)."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from lms.i18n import supported_language
from lms.notifications.tasks import SEND_TO_ADDRESS_TASK
from lms.queueing import enqueue_on_commit

from .emails import STAFF_INVITATION
from .models import Institution, Membership, RetiredInvitationCode, StaffInvitation
from .models.registry import new_invitation_code

MAX_ADDRESSES = 200  # per paste or upload: a staff room, not a mailing list
MAX_UPLOAD_BYTES = 512 * 1024
# A person who has not started is reminded at most this often, however often the lead asks.
REMINDER_INTERVAL = timedelta(days=7)
ENTRY_SEPARATORS = re.compile(r"[\n,;]+")
SEPARATORS = re.compile(r"[\s<>\"'()\[\]]+")


@dataclass
class ParsedAddresses:
    valid: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    too_many: bool = False


def addresses_parse(*, text: str = "", upload_text: str = "") -> ParsedAddresses:
    """The addresses in pasted text (entries on lines or separated by commas or semicolons, each an
    address or "Name <address>") and in an uploaded CSV (every cell holding an "@"), lower-cased,
    each once, in the order given. An entry with no "@" at all is reported as not an address."""
    entries = [entry for entry in ENTRY_SEPARATORS.split(text or "") if entry.strip()]
    if upload_text:
        for row in csv.reader(io.StringIO(upload_text)):
            entries += [cell for cell in row if "@" in cell]
    result, seen = ParsedAddresses(), set()
    for entry in entries:
        candidates = [part for part in SEPARATORS.split(entry) if "@" in part] or [entry.strip()]
        for candidate in candidates:
            address = candidate.strip().strip(".").lower()
            if address in seen:
                continue
            seen.add(address)
            try:
                validate_email(address)
            except ValidationError:
                result.invalid.append(candidate[:100])
                continue
            if len(result.valid) >= MAX_ADDRESSES:
                result.too_many = True
                continue
            result.valid.append(address)
    return result


@dataclass
class InviteResult:
    invited: list[str] = field(default_factory=list)
    already_invited: list[str] = field(default_factory=list)
    already_members: list[str] = field(default_factory=list)


def _email_context(*, institution: Institution, lead, reminder: bool) -> dict:
    return {
        "institution_name": institution.name,
        "lead_name": lead.full_name or lead.email,
        "url": settings.SITE_URL
        + reverse("schools:invitation", kwargs={"code": institution.invitation_code}),
        "code": institution.invitation_code,
        "reminder": reminder,
    }


def _accounts_by_email(addresses) -> dict:
    users = get_user_model().objects.annotate(address=Lower("email")).filter(address__in=list(addresses))
    return {user.address: user for user in users}


def staff_invite(*, institution: Institution, lead, addresses: list[str], language: str = "") -> InviteResult:
    """Invite each address once: an email in the person's own language when they have an account,
    else in `language` (the lead's), else English. Addresses of members and of people already
    invited are reported, not emailed again (a double click or a second tab sends nothing twice)."""
    result = InviteResult()
    accounts = _accounts_by_email(addresses)
    members = set(
        Membership.objects.filter(institution=institution, user__in=list(accounts.values()))
        .annotate(address=Lower("user__email"))
        .values_list("address", flat=True)
    )
    context = _email_context(institution=institution, lead=lead, reminder=False)
    fallback = supported_language(language) or settings.LANGUAGE_CODE
    for address in addresses:
        if address in members:
            result.already_members.append(address)
            continue
        account = accounts.get(address)
        own = supported_language(getattr(account, "preferred_language", "")) if account else None
        try:
            with transaction.atomic():
                invitation, created = StaffInvitation.objects.get_or_create(
                    institution=institution,
                    email=address,
                    defaults={"invited_by": lead, "language": own or fallback},
                )
        except IntegrityError:  # the same address invited at the same moment from another tab
            created = False
        if not created:
            result.already_invited.append(address)
            continue
        _queue(invitation=invitation, send_number=1, context=context)
        result.invited.append(address)
    return result


def _queue(*, invitation: StaffInvitation, send_number: int, context: dict) -> None:
    enqueue_on_commit(
        SEND_TO_ADDRESS_TASK,
        STAFF_INVITATION,
        invitation.email,
        f"invitation:{invitation.pk}:{send_number}",
        context,
        invitation.language,
    )


@dataclass
class ReminderResult:
    sent: int = 0
    too_soon: int = 0


def staff_invitation_remind(*, institution: Institution, lead, invitation_ids, now=None) -> ReminderResult:
    """Remind the invited people among `invitation_ids` (those who have not started, as the
    dashboard lists them) at most once per REMINDER_INTERVAL each. The claim is one conditional
    update per person, so two clicks or two tabs at once send one reminder."""
    now = now or timezone.now()
    result = ReminderResult()
    context = _email_context(institution=institution, lead=lead, reminder=True)
    invitations = StaffInvitation.objects.filter(institution=institution, pk__in=list(invitation_ids))
    for invitation in invitations:
        claimed = StaffInvitation.objects.filter(
            pk=invitation.pk, last_sent_at__lte=now - REMINDER_INTERVAL
        ).update(last_sent_at=now, sends=F("sends") + 1)
        if not claimed:
            result.too_soon += 1
            continue
        invitation.refresh_from_db(fields=["sends"])
        _queue(invitation=invitation, send_number=invitation.sends, context=context)
        result.sent += 1
    return result


def institution_replace_invitation(*, institution: Institution) -> Institution:
    """Give the institution a new invitation link and code. The old code is kept as replaced, so
    its link tells whoever follows it to ask their lead for the new one (and joins nothing)."""
    with transaction.atomic():
        RetiredInvitationCode.objects.get_or_create(
            code=institution.invitation_code, defaults={"institution": institution}
        )
        institution.invitation_code = new_invitation_code()
        institution.save(update_fields=["invitation_code"])
    return institution


def institution_set_staff_total(*, institution: Institution, staff_total: int | None) -> Institution:
    institution.staff_total = staff_total
    institution.save(update_fields=["staff_total"])
    return institution
