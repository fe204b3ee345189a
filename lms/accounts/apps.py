from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module has two AppConfigs: this one is the accounts app's
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .emails import register_kinds
        from .privacy import register_entries

        register_kinds()
        register_entries()


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit the platform's email-and-full-name user."""

    user_viewset = "lms.accounts.admin_views.UserViewSet"
