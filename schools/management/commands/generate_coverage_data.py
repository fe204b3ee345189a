"""`manage.py generate_coverage_data`: a full-size data set for the coverage benchmarks.

Builds, with bulk inserts: the London register (shipped extract), one suicide-prevention and one
Youth MHFA course, N learners (default 150,000), memberships (default 40,000) and completed
enrollments with certificates (default 120,000; rows only, no PDFs), plus a public campaign. Learners
are `bench-*@example.invalid` with unusable passwords; `--clear` removes them (and their rows) first.
Random choices use a fixed seed, so two runs build the same data.
"""

import random
import time
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from certificates.codes import generate_code
from certificates.models import Certificate
from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, Enrollment
from lms.accounts.choices import LONDON_BOROUGHS
from lms.accounts.models import User
from schools.models import (
    Campaign,
    ExternalRecord,
    ExternalTraining,
    Institution,
    InstitutionStatus,
    Membership,
)
from schools.services import gias_import_file

EMAIL_DOMAIN = "example.invalid"
BATCH = 5000
CAMPAIGN_NAME = "Benchmark: every London institution and 100,000 Londoners"


class Command(BaseCommand):
    help = "Generate learners, memberships and certificates for the coverage benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=150_000)
        parser.add_argument("--memberships", type=int, default=40_000)
        parser.add_argument("--certificates", type=int, default=120_000)
        parser.add_argument(
            "--external", type=int, default=8_000, help="Confirmed records of training done elsewhere."
        )
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--clear", action="store_true", help="Remove earlier generated learners first.")

    def handle(self, *args, **opts):
        if opts["certificates"] > 2 * opts["learners"] or opts["memberships"] > opts["learners"]:
            raise CommandError("Need certificates <= 2 x learners and memberships <= learners.")
        rng = random.Random(opts["seed"])  # noqa: S311 - reproducible test data, not security
        started = time.perf_counter()
        bench = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        if bench.exists():
            if not opts["clear"]:
                raise CommandError(
                    "Generated learners already exist: run again with --clear to replace them."
                )
            self._clear(bench)
        with transaction.atomic():
            register = gias_import_file(
                path=settings.BASE_DIR / "data" / "gias" / "london_establishments_20240617.csv"
            )
            sp, ymhfa = self._courses()
            users = self._learners(opts["learners"], rng)
            members = self._memberships(users, opts["memberships"], rng)
            certificates = self._certificates(users, (sp, ymhfa), opts["certificates"], rng)
            campaign, _ = Campaign.objects.update_or_create(
                name=CAMPAIGN_NAME,
                defaults={
                    "programme": "",
                    "starts_on": date(2023, 9, 1),
                    "learner_target": 100_000,
                    "staff_needed": 1,
                    "certificate_valid_months": 36,
                    "is_public": True,
                },
            )
            # A separate generator, so the data above stays what earlier runs measured.
            external = self._external(campaign, opts["external"], random.Random(opts["seed"] + 1))  # noqa: S311
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather soon after a real bulk load.
            with connection.cursor() as cursor:
                for model in (User, Membership, Enrollment, Certificate, Institution, ExternalRecord):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        open_count = Institution.objects.filter(status=InstitutionStatus.OPEN).count()
        self.stdout.write(
            f"Register: {register.created} created, {register.unchanged} unchanged ({open_count:,} open). "
            f"Learners {len(users):,}, memberships {members:,}, certificates {certificates:,}, "
            f"records of training done elsewhere {external:,}; "
            f"campaign #{campaign.pk}. {time.perf_counter() - started:.1f} s."
        )

    def _clear(self, bench):
        ids = list(bench.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            Certificate.objects.filter(user_id__in=chunk).delete()
            ExternalRecord.objects.filter(user_id__in=chunk).delete()
            Enrollment.objects.filter(user_id__in=chunk).delete()
            Membership.objects.filter(user_id__in=chunk).delete()
            User.objects.filter(pk__in=chunk).delete()

    def _external(self, campaign, count, rng):
        """Half the memberships confirmed; `count` confirmed records of an external training the
        campaign recognises, for members, dated over the last four years (some expired)."""
        members = list(
            Membership.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").values_list("pk", "user_id")
        )
        confirmed = [pk for pk, _ in members if rng.random() < 0.5]
        Membership.objects.filter(pk__in=confirmed).update(confirmed_at=timezone.now())
        training, _ = ExternalTraining.objects.get_or_create(
            name="Benchmark: Youth MHFA in person", defaults={"provider": "Generated", "valid_months": 36}
        )
        training.campaigns.add(campaign)
        today = timezone.localdate()
        rows = [
            ExternalRecord(
                user_id=user_id,
                training=training,
                completed_on=today - timedelta(days=rng.randrange(4 * 365)),
                status=ExternalRecord.Status.CONFIRMED,
            )
            for _, user_id in rng.sample(members, k=min(count, len(members)))
        ]
        ExternalRecord.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def _courses(self):
        index = CourseIndexPage.objects.first()
        if index is None:
            index = HomePage.objects.get().add_child(
                instance=CourseIndexPage(title="Courses", slug="courses")
            )
        found = []
        for programme, title in (
            ("suicide_prevention", "Benchmark: suicide prevention"),
            ("youth_mhfa", "Benchmark: Youth MHFA"),
        ):
            course = CoursePage.objects.filter(title=title).first() or index.add_child(
                instance=CoursePage(
                    title=title,
                    slug=title.lower().replace(": ", "-").replace(" ", "-"),
                    summary="Generated for the coverage benchmarks.",
                    programme=programme,
                    estimated_minutes=20,
                    learning_outcomes="<ul><li>Generated</li></ul>",
                    content_note="<p>Generated course.</p>",
                    live=False,
                )
            )
            found.append(course)
        return found

    def _learners(self, count, rng):
        boroughs = [code for code, _ in LONDON_BOROUGHS]
        password = make_password(None)  # unusable
        now = timezone.now()
        rows = [
            User(
                email=f"bench-{n}@{EMAIL_DOMAIN}",
                full_name=f"Learner {n}",
                password=password,
                borough=rng.choice(boroughs) if rng.random() < 0.8 else "",
                date_joined=now,
            )
            for n in range(count)
        ]
        User.objects.bulk_create(rows, batch_size=BATCH)
        return list(
            User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def _memberships(self, users, count, rng):
        institutions = list(
            Institution.objects.filter(status=InstitutionStatus.OPEN).values_list("pk", flat=True)
        )
        # Memberships are skewed: most staff join a few hundred active institutions.
        active = rng.sample(institutions, k=max(1, len(institutions) * 2 // 3))
        rows = [
            Membership(
                user_id=user_id,
                institution_id=rng.choice(active),
                shares_completion=rng.random() < 0.7,
                role=Membership.Role.LEAD if rng.random() < 0.03 else Membership.Role.STAFF,
            )
            for user_id in rng.sample(users, k=count)
        ]
        Membership.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def _certificates(self, users, courses, count, rng):
        sp, ymhfa = courses
        sp_count = min(len(users), count * 5 // 6)
        pairs = [(user_id, sp) for user_id in rng.sample(users, k=sp_count)]
        pairs += [(user_id, ymhfa) for user_id in rng.sample(users, k=count - sp_count)]
        now = timezone.now()
        completed = [
            now - timedelta(days=rng.randint(0, 4 * 365), minutes=rng.randint(0, 1440)) for _ in pairs
        ]
        enrollments = Enrollment.objects.bulk_create(
            [
                Enrollment(
                    user_id=user_id, course=course, started_at=when - timedelta(hours=1), completed_at=when
                )
                for (user_id, course), when in zip(pairs, completed, strict=True)
            ],
            batch_size=BATCH,
        )
        rows = []
        for enrollment, when in zip(enrollments, completed, strict=True):
            revoked = rng.random() < 0.005
            rows.append(
                Certificate(
                    enrollment_id=enrollment.pk,
                    user_id=enrollment.user_id,
                    course=enrollment.course,
                    code=generate_code(),
                    learner_name=f"Learner {enrollment.user_id}",
                    course_title=enrollment.course.title,
                    completed_at=when,
                    issued_at=when,
                    revoked_at=now if revoked else None,
                    revoked_reason="Generated revocation" if revoked else "",
                )
            )
        Certificate.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)
