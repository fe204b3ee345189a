"""Admin screens: certificate templates (snippets) and the certificate register with revocation."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .forms import RevokeForm
from .models import Certificate, CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "heading", "signatory_name", "updated_at"]
    search_fields = ["name", "heading"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("is_default")]),
        MultiFieldPanel(
            [
                FieldPanel("heading"),
                FieldPanel("intro"),
                FieldPanel("completion_text"),
                FieldPanel("body"),
            ],
            heading=_("Wording (printed around the learner's name and the course title)"),
            help_text=_(
                "Changes apply to certificates issued or reissued from now on, never to PDFs "
                "already issued."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_role"), FieldPanel("signature_image")],
            heading=_("Signatory"),
        ),
        MultiFieldPanel([FieldPanel("logo_image"), FieldPanel("accent_colour")], heading=_("Look")),
        InlinePanel(
            "course_links",
            heading=_("Courses using this template"),
            label=_("Course"),
            panels=[FieldPanel("course")],
            help_text=_("Courses not listed on any template use the default template."),
        ),
    ]


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.revoked_at:
            return gettext("Revoked %(date)s") % {"date": date_format(instance.revoked_at, "j M Y")}
        return pgettext("certificate status", "Valid")


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.revoked_at and self.request.user.has_perm("certificates.revoke_certificate"):
            buttons.append(
                ListingButton(
                    gettext("Revoke"),
                    url=reverse("certificate:revoke", args=[quote(instance.pk)]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class RevokeView(WagtailAdminTemplateMixin, FormView):
    form_class = RevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = _("Revoke certificate")
    header_icon = "cross"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("certificates.revoke_certificate"):
            raise PermissionDenied
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def form_valid(self, form):
        services.certificate_revoke(
            certificate=self.certificate, reason=form.cleaned_data["reason"], by=self.request.user
        )
        messages.success(
            self.request,
            gettext("Certificate %(code)s revoked.") % {"code": self.certificate.display_code},
        )
        return redirect("certificate:index")


class CertificateViewSet(ModelViewSet):
    """The certificate register: search, inspect and revoke. Certificates are never edited here:
    they are issued by the platform and corrected by the learner's reissue."""

    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["revoked_reason"]  # required by ModelViewSet; no add/edit views are routed
    search_backend_name = None
    search_fields = ["learner_name", "course_title", "code", "user__email"]
    list_filter = ["course", "revoked_at"]
    list_display = [
        "learner_name",
        "course_title",
        Column("display_code", label=_("Code")),
        DateColumn("completed_at", label=pgettext_lazy("certificate", "Completed")),
        StatusColumn("status", label=_("Status")),
    ]
    inspect_view_fields = [
        "learner_name",
        "course_title",
        "code",
        "user",
        "completed_at",
        "issued_at",
        "reissued_at",
        "emailed_at",
        "pdf_rendered_at",
        "template",
        "course_revision",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        keep = {"index", "index_results", "history", "history_results", "usage", "inspect"}
        patterns = [p for p in super().get_urlpatterns() if p.name in keep]
        return [*patterns, path("revoke/<int:pk>/", RevokeView.as_view(), name="revoke")]


register_snippet(CertificateTemplateViewSet)
certificate_viewset = CertificateViewSet("certificate")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
