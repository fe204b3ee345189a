from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import register_comparison_class
from wagtail.fields import StreamField
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .compare import LabelledStreamFieldComparison
from .models import Helpline

register_comparison_class(StreamField, comparison_class=LabelledStreamFieldComparison)


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "how_to_contact", "when_open", "is_active"]
    list_filter = ["is_active", "is_emergency"]
    search_fields = ["name", "who_for"]


register_snippet(HelplineViewSet)
