"""Render every kind of email the platform sends to files, to look at in a real mail client.

    python manage.py render_emails [--out emails-preview] [--language pl]

Each kind becomes `<kind>.eml` (open it in a mail program: both parts and the headers), plus
`<kind>.html` and `<kind>.txt`. Sample data only: nothing is saved and nothing is sent."""

from email.utils import formatdate
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.management.base import BaseCommand

from lms.notifications import registry
from lms.notifications.rendering import email_render


class Command(BaseCommand):
    help = "Render every kind of platform email to files (sample data; nothing is sent)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="emails-preview", help="folder to write to")
        parser.add_argument("--language", default="", help="a language code from LANGUAGES")

    def handle(self, *args, out, language, **options):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        kinds = [kind for kind in registry.all_kinds() if kind.sample]
        for kind in kinds:
            user, context = kind.sample()
            if language:
                user.preferred_language = language
            rendered = email_render(kind=kind.key, user=user, context=context)
            message = EmailMultiAlternatives(
                subject=rendered.subject, body=rendered.text, from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email], headers={**rendered.headers, "Date": formatdate(localtime=True)},
            )
            message.attach_alternative(rendered.html, "text/html")
            (folder / f"{kind.key}.eml").write_bytes(message.message().as_bytes())
            (folder / f"{kind.key}.html").write_text(rendered.html, encoding="utf-8")
            (folder / f"{kind.key}.txt").write_text(rendered.text, encoding="utf-8")
        self.stdout.write(f"Rendered {len(kinds)} kinds of email to {folder}/")
