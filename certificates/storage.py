"""Where certificate PDFs are kept: a private storage that is never served from MEDIA_URL.

Locally it is a folder outside MEDIA_ROOT (`PRIVATE_MEDIA_ROOT`); in a multi-node deployment point
`STORAGES["certificates"]` at a private S3-compatible bucket. PDFs reach people only through the
owner-only download view.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage rooted at settings.PRIVATE_MEDIA_ROOT (read on every use, so tests can
    point it at a temporary folder) with no public URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("directory_permissions_mode", 0o750)
        kwargs.setdefault("file_permissions_mode", 0o640)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Certificate files have no public URL; use the download view.")


_fallback = PrivateFileSystemStorage()


def certificate_storage():
    """The storage for certificate PDFs (callable, so migrations do not record its settings)."""
    if "certificates" in settings.STORAGES:
        return storages["certificates"]
    return _fallback
