"""`manage.py import_gias FILE`: import London rows of the DfE register (edubasealldata*.csv)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from schools.gias import GiasFileError
from schools.services import gias_import_file


class Command(BaseCommand):
    help = (
        "Import the DfE 'Get Information About Schools' register (Windows-1252 CSV). Keeps London "
        "rows, upserts by URN in one transaction and prints a summary. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to edubasealldata*.csv or a London extract")

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            summary = gias_import_file(path=options["file"])
        except GiasFileError as exc:
            raise CommandError(f"Nothing was imported: {exc}") from exc
        except DatabaseError as exc:  # the changes are applied in one transaction: all rolled back
            raise CommandError(f"Nothing was imported: the database refused the changes ({exc}).") from exc
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - started:.1f} s."))
