"""`manage.py seed_demo`: load demo content. Idempotent: running it again changes nothing.

Each app contributes its own seeder, listed in settings.DEMO_SEEDERS in dependency order, so this
command (in the lowest content app) never imports a higher app directly.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo site: helplines, sample courses and the London schools register."

    def handle(self, *args, **options):
        for dotted in settings.DEMO_SEEDERS:
            seeder = import_string(dotted)
            with transaction.atomic():
                summary = seeder()
            self.stdout.write(f"{dotted}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
