"""Load a large, synthetic progress data set for benchmarks: `manage.py generate_progress_data`.

Defaults: 4 published benchmark courses of 12 modules, 25,000 learners enrolled in all four
(100,000 enrollments), each with 10 modules done (1,000,000 module-progress rows) and 2 left.
Rows are streamed with PostgreSQL COPY in batches (bulk_create elsewhere). Learners get unusable passwords and
`@example.invalid` addresses. Never run it on a production database.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, Enrollment, ModulePage, ModuleProgress

BATCH = 100_000


class Command(BaseCommand):
    help = "Generate benchmark learners, enrollments and module progress (not for production)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=25_000)
        parser.add_argument("--courses", type=int, default=4)
        parser.add_argument("--modules", type=int, default=12)
        parser.add_argument("--done", type=int, default=10, help="modules done per enrollment")

    def handle(self, *, learners, courses, modules, done, **options):
        if done > modules:
            raise CommandError("--done cannot exceed --modules")
        pages = [self._course(n, modules) for n in range(1, courses + 1)]
        module_ids = [
            list(ModulePage.objects.child_of(course).order_by("path").values_list("pk", flat=True))
            for course in pages
        ]
        with transaction.atomic():
            user_ids = self._learners(learners)
            now = timezone.now()
            enrollment_rows = (
                (user_id, course.pk, now - timedelta(days=30))
                for user_id in user_ids for course in pages
            )
            self._copy(Enrollment, ["user_id", "course_id", "started_at"], enrollment_rows)
            enrollments = Enrollment.objects.filter(user_id__in=user_ids).values_list("pk", "course_id")
            by_course = {course.pk: ids[:done] for course, ids in zip(pages, module_ids, strict=True)}
            progress_rows = (
                (enrollment_id, module_id, now - timedelta(days=1))
                for enrollment_id, course_id in enrollments.iterator(chunk_size=20_000)
                for module_id in by_course[course_id]
            )
            self._copy(ModuleProgress, ["enrollment_id", "module_id", "completed_at"], progress_rows)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE accounts_user, courses_enrollment, courses_moduleprogress")
        self.stdout.write(
            f"{len(user_ids)} learners, {Enrollment.objects.count()} enrollments, "
            f"{ModuleProgress.objects.count()} module-progress rows"
        )

    def _course(self, number, modules):
        index = CourseIndexPage.objects.first()
        if index is None:
            index = HomePage.objects.get().add_child(
                instance=CourseIndexPage(title="Courses", slug="courses")
            )
        slug = f"benchmark-course-{number}"
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            course = index.add_child(instance=CoursePage(
                title=f"Benchmark course {number}", slug=slug, summary="Synthetic benchmark course.",
                programme="suicide_prevention", estimated_minutes=20,
                learning_outcomes="<ul><li>Benchmark</li></ul>",
                content_note="<p>Synthetic content for benchmarks.</p>",
            ))
            for n in range(1, modules + 1):
                course.add_child(instance=ModulePage(
                    title=f"Module {n}", slug=f"module-{n}", estimated_minutes=5,
                    body=[{"type": "paragraph", "value": "<p>Synthetic module text.</p>"}],
                ))
        return course

    def _learners(self, count):
        User = get_user_model()
        unusable = make_password(None)
        start = User.objects.filter(email__startswith="bench-progress-").count()
        users = [
            User(email=f"bench-progress-{n}@example.invalid", full_name=f"Learner {n}", password=unusable)
            for n in range(start, start + count)
        ]
        User.objects.bulk_create(users, batch_size=5_000)
        return list(
            User.objects.filter(email__startswith="bench-progress-")
            .order_by("-pk").values_list("pk", flat=True)[:count]
        )

    def _copy(self, model, columns, rows):
        """Insert `rows` in batches: COPY on PostgreSQL, bulk_create elsewhere."""
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                self._flush(model, columns, batch)
                batch = []
        if batch:
            self._flush(model, columns, batch)

    def _flush(self, model, columns, batch):
        if connection.vendor != "postgresql":
            model.objects.bulk_create(
                [model(**dict(zip(columns, row, strict=True))) for row in batch], batch_size=5_000
            )
            return
        buffer = io.StringIO()
        for row in batch:
            buffer.write("\t".join(v.isoformat() if hasattr(v, "isoformat") else str(v) for v in row))
            buffer.write("\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN", buffer
            )
