"""The public campaign's figures, already made safe to publish. Every public template and chart reads
only from `campaign_public_figures`, so no page can show what another page hides.

Rules (statistical disclosure control, as official statistics apply it):
- Primary suppression: a count of people or institutions below 5 is shown as "fewer than 5", never
  exactly, and neither is anything derived from it: its percentage, the shade of its borough on the
  map, the height of a point on a chart, a tooltip or an accessible label.
- Secondary suppression: where a total is shown with its parts (London's institutions covered and the
  boroughs'; London's learners and the boroughs' learners), the total minus every part shown must not
  give back a small count. While what the parts leave unexplained is 1 to 4, the smallest part still
  shown is withheld too ("not shown"), with its percentage and shade.
- Platform and external training are each shown as a part of the together figure (`part_of`): a
  part is withheld while what it leaves of the total is 1 to 4.
- Registry sizes (how many institutions a borough has) are public register data, not people, and are
  shown exactly. London-wide figures on different dates of the trend are shown when each is 5 or more;
  the change between two dates of all London does not point at anyone.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from ..models import Campaign, CoverageSnapshot
from .coverage import campaign_for_public, campaign_summary, coverage_by_borough

SMALL_COUNT = 5
TREND_POINTS = 26
# Public figures are at most this old. A periodic task (schools.tasks.refresh_public_figures) works
# them out again a little more often than that, in the background: counting a whole campaign takes
# seconds at London scale, and no visitor should wait for it.
PUBLIC_FIGURES_MAX_AGE = timedelta(minutes=5)
PUBLIC_FIGURES_REFRESH_EVERY = timedelta(minutes=4)

SHOWN, SMALL, WITHHELD = "shown", "small", "withheld"


@dataclass(frozen=True)
class PublicCount:
    """A count as it may be published. `value` is None unless the count is shown; printing it gives
    the figure, "fewer than 5" or "not shown", in the active language."""

    value: int | None
    state: str = SHOWN

    @classmethod
    def of(cls, number: int) -> "PublicCount":
        return cls(number, SHOWN) if number >= SMALL_COUNT else cls(None, SMALL)

    @property
    def shown(self) -> bool:
        return self.state == SHOWN

    @property
    def withheld(self) -> bool:
        return self.state == WITHHELD

    def __str__(self) -> str:
        if self.state == SMALL:
            return gettext("fewer than 5")
        if self.state == WITHHELD:
            return gettext("not shown")
        return number_format(self.value, force_grouping=True)


@dataclass(frozen=True)
class PublicBorough:
    name: str
    ons_code: str
    institutions: int  # register size: not a count of people
    covered: PublicCount
    percent: float | None  # of institutions covered; None whenever `covered` is not shown
    learners: PublicCount


@dataclass(frozen=True)
class PublicTrendPoint:
    taken_on: date
    learners: PublicCount
    institutions: PublicCount


@dataclass(frozen=True)
class PublicFigures:
    campaign_id: int
    name: str
    learners: PublicCount
    learner_target: int | None
    learner_percent: float | None
    has_institution_target: bool
    staff_needed: int
    institutions_total: int
    institutions_covered: PublicCount
    institution_percent: float | None
    # The learners and institutions covered by training on this site and by training done elsewhere
    # (a person or institution may be in both; together is `learners` / `institutions_covered`).
    learners_platform: PublicCount = PublicCount(None, SMALL)
    learners_external: PublicCount = PublicCount(None, SMALL)
    institutions_covered_platform: PublicCount = PublicCount(None, SMALL)
    institutions_covered_external: PublicCount = PublicCount(None, SMALL)
    boroughs: tuple[PublicBorough, ...] = ()
    trend: tuple[PublicTrendPoint, ...] = ()
    updated_at: datetime = field(default_factory=timezone.now)

    @property
    def any_withheld(self) -> bool:
        """Whether a borough figure is hidden only so that a small count cannot be worked out."""
        return any(b.covered.withheld or b.learners.withheld for b in self.boroughs)


def withhold_complements(total: int, parts: list[int]) -> list[PublicCount]:
    """Suppress `parts` of a published `total` so that the total minus the parts shown is never a
    small count: below 5 a part is "fewer than 5"; then, while what the shown parts leave unexplained
    is 1 to 4, the smallest part still shown is withheld too. (Nothing unexplained only says the
    hidden parts are all 0, which points at no one; a hidden total cannot be subtracted from.)"""
    counts = [PublicCount.of(n) for n in parts]
    if total < SMALL_COUNT:
        return counts
    while True:
        shown = [i for i, c in enumerate(counts) if c.shown]
        unexplained = total - sum(parts[i] for i in shown)
        if not 0 < unexplained < SMALL_COUNT or not shown:
            return counts
        smallest = min(shown, key=lambda i: parts[i])
        counts[smallest] = PublicCount(None, WITHHELD)


def part_of(total: int, part: int) -> PublicCount:
    """A part of a published `total` (e.g. the learners trained on this site, of all learners):
    "fewer than 5" below 5, and withheld while the total minus it is a small count (1 to 4), which
    would otherwise give away how few were trained only the other way."""
    count = PublicCount.of(part)
    if count.shown and total >= SMALL_COUNT and 0 < total - part < SMALL_COUNT:
        return PublicCount(None, WITHHELD)
    return count


def _percent(count: PublicCount, whole: int | None) -> float | None:
    if not count.shown or not whole:
        return None
    return round(100 * count.value / whole, 1)


def campaign_public_figures(*, campaign: Campaign, on: date | None = None) -> PublicFigures:
    """Everything public pages show about `campaign`: headline, per borough, trend. Six queries."""
    summary = campaign_summary(campaign=campaign, on=on)
    rows = coverage_by_borough(campaign=campaign, on=on)
    learners = PublicCount.of(summary["learners_completed"])
    covered = PublicCount.of(summary["institutions_covered"])
    borough_covered = withhold_complements(summary["institutions_covered"], [r["covered"] for r in rows])
    borough_learners = withhold_complements(summary["learners_completed"], [r["learners"] for r in rows])
    boroughs = tuple(
        PublicBorough(
            name=row["borough"],
            ons_code=row["ons_code"],
            institutions=row["total"],
            covered=row_covered,
            percent=_percent(row_covered, row["total"]),
            learners=row_learners,
        )
        for row, row_covered, row_learners in zip(rows, borough_covered, borough_learners, strict=True)
    )
    return PublicFigures(
        campaign_id=campaign.pk,
        name=campaign.name,
        learners=learners,
        learner_target=campaign.learner_target,
        learner_percent=_percent(learners, campaign.learner_target),
        has_institution_target=bool(campaign.institution_kinds),
        staff_needed=campaign.staff_needed,
        institutions_total=summary["institutions_total"],
        institutions_covered=covered,
        institution_percent=_percent(covered, summary["institutions_total"]),
        learners_platform=part_of(summary["learners_completed"], summary["learners_platform"]),
        learners_external=part_of(summary["learners_completed"], summary["learners_external"]),
        institutions_covered_platform=part_of(
            summary["institutions_covered"], summary["institutions_covered_platform"]
        ),
        institutions_covered_external=part_of(
            summary["institutions_covered"], summary["institutions_covered_external"]
        ),
        boroughs=boroughs,
        trend=_trend(campaign),
    )


def _trend(campaign: Campaign) -> tuple[PublicTrendPoint, ...]:
    """The latest nightly London-wide snapshots, oldest first. One query."""
    snapshots = (
        CoverageSnapshot.objects.filter(campaign=campaign, borough__isnull=True)
        .order_by("-taken_on")
        .values_list("taken_on", "learners_completed", "institutions_covered")[:TREND_POINTS]
    )
    return tuple(
        PublicTrendPoint(day, learners=PublicCount.of(learners), institutions=PublicCount.of(covered))
        for day, learners, covered in reversed(list(snapshots))
    )


def _figures_key(campaign_id: int) -> str:
    return f"schools:public-figures:v3:{campaign_id}"


def public_figures() -> PublicFigures | None:
    """The public campaign's figures as every public page shows them (None without a public campaign),
    so the headline, table, map and trend always agree. Read from the cache, where the periodic task
    keeps them; worked out here only when none are kept or they are older than
    PUBLIC_FIGURES_MAX_AGE (no worker, a cleared cache)."""
    campaign = campaign_for_public()
    if campaign is None:
        return None
    figures = cache.get(_figures_key(campaign.pk))
    if figures is None or timezone.now() - figures.updated_at > PUBLIC_FIGURES_MAX_AGE:
        figures = public_figures_refresh(campaign=campaign)
    return figures


def public_figures_refresh(*, campaign: Campaign | None = None) -> PublicFigures | None:
    """Work out the public campaign's figures again and keep them for `public_figures`."""
    campaign = campaign or campaign_for_public()
    if campaign is None:
        return None
    figures = campaign_public_figures(campaign=campaign)
    cache.set(_figures_key(campaign.pk), figures, int(2 * PUBLIC_FIGURES_MAX_AGE.total_seconds()))
    return figures
