"""Make and rotate the credential signing keys.

    manage.py credential_keys new --output /etc/lms/credential-keys.json
    manage.py credential_keys rotate --file /etc/lms/credential-keys.json
    manage.py credential_keys show

`rotate` puts a new key first (it signs from then on) and keeps the old ones after it, so their
public halves stay in /.well-known/jwks.json and credentials signed with them still verify.
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...keys import key_set_json, keyring, new_key, parse_key_set


def _write_private(path: Path, text: str):
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


class Command(BaseCommand):
    help = "Make a new credential signing key set, rotate a key set's signing key, or list the keys."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["new", "rotate", "show"])
        parser.add_argument("--output", help="new: write the key set here (0600) instead of printing it")
        parser.add_argument("--file", help="rotate: the key set file to rotate in place")

    def handle(self, *args, action, output=None, file=None, **options):
        if action == "new":
            text = key_set_json([new_key()])
            if output:
                path = Path(output)
                if path.exists():
                    raise CommandError(f"{path} exists: use `rotate --file {path}` to add a key to it")
                _write_private(path, text)
                self.stdout.write(f"Wrote a new key set to {path}")
            else:
                self.stdout.write(text)
        elif action == "rotate":
            if not file:
                raise CommandError("rotate needs --file")
            path = Path(file)
            ring = parse_key_set(path.read_text(), source=str(path))
            key = new_key()
            _write_private(path, key_set_json([key, *ring.keys]))
            kid = key.get("kid")
            self.stdout.write(f"{kid} now signs; {len(ring.keys)} older key(s) kept for verifying")
        else:
            for index, key in enumerate(keyring().keys):
                role = "signing" if index == 0 else "retired (verifies only)"
                self.stdout.write(f"{key.get('kid')}\t{role}")
