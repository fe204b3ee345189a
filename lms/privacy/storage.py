"""Where "download my data" archives are kept: private storage, never served from MEDIA_URL.

`STORAGES["exports"]` (a private folder under PRIVATE_MEDIA_ROOT locally, a private bucket in a
multi-node deployment); without it, the storage certificate PDFs use.
"""

from django.conf import settings
from django.core.files.storage import storages


def export_storage():
    """Callable, so migrations do not record the storage's settings."""
    return storages["exports" if "exports" in settings.STORAGES else "certificates"]
