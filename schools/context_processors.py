from django.utils.functional import SimpleLazyObject


def lead_navigation(request):
    """`LEAD_DASHBOARD_URL` for the site header: evaluated only where the header shows it."""
    from .navigation import lead_dashboard_url

    user = getattr(request, "user", None)
    return {"LEAD_DASHBOARD_URL": SimpleLazyObject(lambda: lead_dashboard_url(user))}
