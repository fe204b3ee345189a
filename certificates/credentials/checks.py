from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.security)
def signing_keys_load(app_configs, **kwargs):
    """The credential signing keys load (a malformed key set is reported at start-up, not at the
    first download)."""
    from .keys import keyring

    try:
        keyring()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="credentials.E001")]
    return []
