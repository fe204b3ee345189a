"""Keep the header's lead link (`schools.navigation`) in step with memberships and sign-ins."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Membership
from .navigation import lead_dashboard_forget, lead_dashboard_url


@receiver([post_save, post_delete], sender=Membership, dispatch_uid="schools_lead_nav_forget")
def _membership_changed(sender, instance, **kwargs):
    lead_dashboard_forget(user_id=instance.user_id)


@receiver(user_logged_in, dispatch_uid="schools_lead_nav_warm")
def _signed_in(sender, request, user, **kwargs):
    lead_dashboard_forget(user_id=user.pk)
    lead_dashboard_url(user)
