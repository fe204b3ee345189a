from django.db.models.signals import pre_delete
from django.dispatch import receiver

from ..models import Certificate
from .services import credentials_withdraw


@receiver(pre_delete, sender=Certificate, dispatch_uid="credentials_withdraw_on_certificate_delete")
def withdraw_credentials(sender, instance, **kwargs):
    """Certificates are normally never deleted; if one is (an account erased), its credentials
    must not start verifying as valid: they are revoked and emptied first."""
    credentials_withdraw(certificate=instance)
