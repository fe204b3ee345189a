from django.shortcuts import render

from .selectors import helplines_for_display


def get_help(request):
    """The "Get help now" page: every active helpline, emergency services first."""
    return render(request, "cms/get_help.html", {"helplines": helplines_for_display()})
