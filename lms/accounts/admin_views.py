"""The Wagtail admin's user screens, adapted to a user who has an email and a full name."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

ADMIN_FIELDS = ["email", "full_name", "is_staff", "is_superuser", "groups"]


def _drop_split_name(form):
    for name in ("first_name", "last_name"):
        form.fields.pop(name, None)


class AdminUserCreationForm(UserCreationForm):
    full_name = forms.CharField(max_length=150, label=_("Full name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _drop_split_name(self)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ADMIN_FIELDS


class AdminUserEditForm(UserEditForm):
    full_name = forms.CharField(max_length=150, label=_("Full name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _drop_split_name(self)

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*ADMIN_FIELDS, "is_active"]


class StaffOrLearnerFilterSet(UserFilterSet):
    """Wagtail's user filters, plus staff (who may use the admin) versus learners."""

    account = django_filters.ChoiceFilter(
        label=_("Account"),
        field_name="is_staff",
        empty_label=_("Staff and learners"),
        choices=[("staff", _("Staff")), ("learner", _("Learners"))],
        method="filter_account",
    )

    def filter_account(self, queryset, name, value):
        if value == "staff":
            return queryset.filter(is_staff=True)
        if value == "learner":
            return queryset.filter(is_staff=False)
        return queryset


class UserViewSet(WagtailUserViewSet):
    filterset_class = StaffOrLearnerFilterSet

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
