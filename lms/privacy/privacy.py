"""What this app holds about a person: their "download my data" requests, and (for programme staff)
the erasures they carried out for others."""

from django.utils.translation import gettext_lazy as _

from .exporting import export_rows
from .registry import RIGHTS_UNDER_UK_GDPR, PersonalData, register_all


def _requests(user):
    from .models import DataExport, Erasure

    return export_rows(
        DataExport.objects.filter(user=user).order_by("requested_at"), "status", "requested_at", "ready_at",
        "expires_at",
    ) + export_rows(Erasure.objects.filter(actor=user).order_by("erased_at"), "erased_at", "reason")


def _erase_requests(user):
    from .models import DataExport, Erasure
    from .services import delete_files_on_commit, reassign_to_pseudonym
    from .storage import export_storage

    exports = DataExport.objects.filter(user=user)
    delete_files_on_commit(export_storage(), [e.file.name for e in exports])
    exports.delete()
    reassign_to_pseudonym(user, [(Erasure, "actor")])


def register_entries():
    register_all(
        PersonalData(
            "privacy.requests", _("Requests about your data"),
            ("privacy.DataExport", "privacy.Erasure"), _requests, _erase_requests,
            purpose=_("To prepare the copies of your data you ask for."), lawful_basis=RIGHTS_UNDER_UK_GDPR,
            retention=_("Each copy is deleted 7 days after it is ready."),
        ),
        PersonalData(
            "privacy.data_requests", _("Your requests for a copy or the erasure of your data"),
            ("privacy.DataRequest", "privacy.DataRequestAction"), _data_requests, _erase_data_requests,
            purpose=_("To carry out and prove that we carried out what you asked about your data."),
            lawful_basis=RIGHTS_UNDER_UK_GDPR,
            retention=_(
                "Kept as a record that the request was carried out, with nothing that names you once "
                "your data is erased."
            ),
        ),
    )


def _data_requests(user):
    from .requests import export_data_request_actions, export_data_requests

    return export_data_requests(user) + export_data_request_actions(user)


def _erase_data_requests(user):
    from .requests import erase_data_request_actions, erase_data_requests

    erase_data_requests(user)
    erase_data_request_actions(user)

