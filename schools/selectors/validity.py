"""How long campaigns count a course's certificates (registered with `certificates.validity`)."""

from django.db.models import Min, Q
from django.utils import timezone

from ..models import Campaign


def certificate_valid_months(*, course) -> int | None:
    """The shortest `certificate_valid_months` of the campaigns running today that count `course`
    (by its programme, or by naming it), or None when no campaign counts it."""
    today = timezone.localdate()
    running = Campaign.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today), starts_on__lte=today)
    counting = running.filter(
        Q(programme="") | Q(programme=course.programme),
        Q(courses__isnull=True) | Q(courses=course),
    )
    return counting.aggregate(months=Min("certificate_valid_months"))["months"]
