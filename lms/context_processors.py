from django.conf import settings


def platform(request):
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
