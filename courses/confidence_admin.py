"""The evaluators' report of the confidence check, in the Wagtail admin: responses and mean answers
before and after, per statement, for one course and a borough, role and months; groups under 10
responses withheld, in the page, the chart and the export alike."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.charts import paired_bars_svg
from lms.accounts.choices import BOROUGH_CHOICES, Role
from lms.exports import export_response

from . import confidence
from .confidence import MIN_GROUP

REPORT_PERMISSION = "courses.view_confidenceresponse"
NOT_GIVEN = "none"


class ConfidenceFilterForm(forms.Form):
    course = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Course"), empty_label=None)
    borough = forms.ChoiceField(label=gettext_lazy("Borough"), required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), required=False)
    period_from = forms.DateField(
        label=gettext_lazy("From month"), required=False, input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    period_to = forms.DateField(
        label=gettext_lazy("To month"), required=False, input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = confidence.report_courses()
        everyone = [("", _("All"))]
        self.fields["borough"].choices = everyone + list(BOROUGH_CHOICES) + [(NOT_GIVEN, _("Not given"))]
        self.fields["role"].choices = everyone + list(Role.choices) + [(NOT_GIVEN, _("Not given"))]

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", _("The last month must not be before the first."))
        return data

    def filters(self) -> dict:
        data = self.cleaned_data

        def chosen(value):
            return None if value == "" else ("" if value == NOT_GIVEN else value)

        return {
            "course": data["course"],
            "borough": chosen(data.get("borough", "")),
            "role": chosen(data.get("role", "")),
            "period_from": data.get("period_from"),
            # Periods are stored as the first day of their month, so "up to the first of the last
            # month" includes that whole month.
            "period_to": data.get("period_to"),
        }


def _fmt(value):
    return "" if value is None else number_format(value, decimal_pos=2)


class ConfidenceReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Confidence before and after")
    header_icon = "help"
    template_name = "courses/admin/confidence_report.html"
    columns = [
        ("statement", gettext_lazy("Statement")),
        ("before_responses", gettext_lazy("Answers before")),
        ("before_mean", gettext_lazy("Mean before (1 to 5)")),
        ("after_responses", gettext_lazy("Answers after")),
        ("after_mean", gettext_lazy("Mean after (1 to 5)")),
        ("change", gettext_lazy("Change")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        courses = confidence.report_courses()
        if "course" not in data and courses.exists():
            data["course"] = courses.first().pk
        self.form = ConfidenceFilterForm(data)
        self.report = confidence.confidence_report(**self.form.filters()) if self.form.is_valid() else None
        if self.report is not None and request.GET.get("export") in ("csv", "xlsx"):
            return export_response(
                rows=self.rows(), columns=self.columns, filename="confidence-before-after",
                fmt=request.GET["export"],
            )
        return super().get(request, *args, **kwargs)

    def rows(self) -> list[dict]:
        """The table and the export: withheld cells read "fewer than 10", never a number."""
        withheld = _("fewer than %(n)s") % {"n": MIN_GROUP}
        rows = []
        for s in self.report.statements:
            rows.append({
                "statement": s.text,
                "before_responses": s.before_n if s.before_shown else withheld,
                "before_mean": _fmt(s.before_mean) if s.before_shown else "",
                "after_responses": s.after_n if s.after_shown else withheld,
                "after_mean": _fmt(s.after_mean) if s.after_shown else "",
                "change": "" if s.change is None else number_format(s.change, decimal_pos=2),
            })
        return rows

    def chart(self) -> str:
        rows = [
            {"label": s.text, "first": s.before_mean if s.before_shown else None,
             "second": s.after_mean if s.after_shown else None}
            for s in self.report.statements
        ]
        return paired_bars_svg(
            rows, scale_max=confidence.SCALE[-1][0], labels=(_("Before"), _("After")),
            title=_("Mean answer to each statement before and after the course"),
            description=_(
                "From 1 (strongly disagree) to 5 (strongly agree). Groups of fewer than %(n)s "
                "answers are not shown. The table below gives the same figures."
            ) % {"n": MIN_GROUP},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report, min_group=MIN_GROUP, columns=self.columns)
        if self.report is not None and self.report.check is not None:
            context.update(rows=self.rows(), chart=self.chart(), query=self.request.GET.urlencode())
        return context
