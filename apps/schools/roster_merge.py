"""What a roster import does to the pupils already known: match them, mark leavers, merge consent.

Pupils are never deleted: their consent history and photo tags must always be answerable. An
import matches the pupils in the export to those on the roster (first name and surname, then
class and year to tell same-named pupils apart), adds new ones and marks the missing ones as
left. Consent from the export is merged, never copied blindly: it may fill an unknown or
withdraw consent, but a withdrawal recorded in Safepost is never undone by an import, because
an MIS export can be older than the parent's phone call. Nothing here writes; ``actions``
applies the plan, and the preview shows it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from apps.schools.models import Channel, ConsentChange, ConsentValue, Pupil, School
from safepost.policy.roster import Pupil as RosterPupil
from safepost.policy.roster import Roster
from safepost.policy.text import fold

#: The channels an MIS export carries, and the roster field each is read from.
IMPORTED_CHANNELS = {Channel.SOCIAL: "photo_consent", Channel.WEBSITE: "website_consent"}


@dataclass(frozen=True)
class ConsentStep:
    """One channel of one pupil that the export has a different value for."""

    pupil: Pupil | None  # None: a pupil joining with this import
    roster_pupil: RosterPupil
    channel: str
    before: bool | None
    after: bool | None
    applied: bool
    reason: str = ""

    @property
    def name(self) -> str:
        return self.roster_pupil.display_name

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label

    @property
    def before_label(self) -> str:
        return ConsentValue.of(self.before).label

    @property
    def after_label(self) -> str:
        return ConsentValue.of(self.after).label


@dataclass
class ImportPlan:
    """What importing ``roster`` would do to the school's pupils."""

    matched: list[tuple[Pupil, RosterPupil]] = field(default_factory=list)
    joining: list[RosterPupil] = field(default_factory=list)
    leaving: list[Pupil] = field(default_factory=list)
    changes: list[ConsentStep] = field(default_factory=list)
    """Consent changes to pupils already on the roster."""
    kept: list[ConsentStep] = field(default_factory=list)
    """Rows whose consent the import will not change, with the reason."""
    new_consent: list[ConsentStep] = field(default_factory=list)
    """The export's consent values for joining pupils."""

    @property
    def rejoining(self) -> list[Pupil]:
        return [p for p, _ in self.matched if not p.is_active]


def _key(first: str, surname: str) -> tuple[str, str]:
    return fold(" ".join(first.split())), fold(" ".join(surname.split()))


def _year_key(year: str) -> tuple[int, str]:
    digits = re.search(r"\d+", year)
    return (int(digits.group()) if digits else -1, fold(year))


def _pair(olds: list[Pupil], news: list[RosterPupil]) -> list[tuple[Pupil, RosterPupil]]:
    """Pair same-named pupils: same class and year first, then class, then year, then in year order.

    The last pass keeps two same-named pupils apart when both moved up a year (and class).
    Pupils still on the roster are matched before those who left.
    """
    olds = sorted(olds, key=lambda p: (not p.is_active, p.pk))
    pairs: list[tuple[Pupil, RosterPupil]] = []
    free_old, free_new = list(olds), list(news)
    tests = [
        lambda o, n: fold(o.class_name) == fold(n.class_name) and fold(o.year) == fold(n.year),
        lambda o, n: bool(o.class_name) and fold(o.class_name) == fold(n.class_name),
        lambda o, n: bool(o.year) and fold(o.year) == fold(n.year),
    ]
    for same in tests:
        for new in list(free_new):
            old = next((o for o in free_old if same(o, new)), None)
            if old is not None:
                pairs.append((old, new))
                free_old.remove(old)
                free_new.remove(new)
    # Last: pupils still at the school who moved on a year (and class), in year order. A leaver is
    # never paired this way, so a new child with a leaver's name starts with a record of their own
    # (no inherited consent or face-matching references).
    still_here = sorted(
        (o for o in free_old if o.is_active), key=lambda p: (_year_key(p.year), fold(p.class_name))
    )
    by_year = sorted(free_new, key=lambda p: (_year_key(p.year), fold(p.class_name), p.line))
    for pupil in still_here:
        moved = next((n for n in by_year if _moved_up(pupil.year, n.year)), None)
        if moved is not None:
            pairs.append((pupil, moved))
            by_year.remove(moved)
    return pairs


def _school_year(year: str) -> int | None:
    """Reception as 0, Nursery as -1, "Year 4" / "Y4" / "4" as 4; ``None`` when it cannot be told."""
    folded = fold(year)
    if folded.startswith(("reception", "rec")) or folded in ("r", "yr r", "year r"):
        return 0
    if folded.startswith("nursery"):
        return -1
    digits = re.search(r"\d+", year)
    return int(digits.group()) if digits else None


def _moved_up(old: str, new: str) -> bool:
    """The same pupil a year on: the same year or the next (or years that cannot be compared)."""
    before, after = _school_year(old), _school_year(new)
    if before is None or after is None:
        return True
    return after - before in (0, 1)


def _last_changes(pupils: list[Pupil]) -> dict[tuple[int, str], ConsentChange]:
    latest: dict[tuple[int, str], ConsentChange] = {}
    ids = [p.pk for p in pupils]
    for change in ConsentChange.objects.filter(pupil__in=ids).order_by("created_at", "pk"):
        latest[(change.pupil_id, change.channel)] = change
    return latest


def _withdrawn_in_app_reason(change: ConsentChange) -> str:
    who = f" by {change.given_by}" if change.given_by else ""
    return (
        f"withdrawn in Safepost on {change.on:%-d %B %Y}{who}. An import never gives consent back; "
        "if the parent has consented again, record it on the pupil's consent page."
    )


def plan_import(school: School, roster: Roster) -> ImportPlan:
    """Match ``roster`` against the school's pupils and work out every consent change."""
    existing = list(Pupil.objects.filter(school=school))
    olds_by_key: dict[tuple[str, str], list[Pupil]] = defaultdict(list)
    for pupil in existing:
        olds_by_key[_key(pupil.first_name, pupil.surname)].append(pupil)
    news_by_key: dict[tuple[str, str], list[RosterPupil]] = defaultdict(list)
    for rp in roster.pupils:
        news_by_key[_key(rp.first_name, rp.surname)].append(rp)

    plan = ImportPlan()
    for key, news in news_by_key.items():
        pairs = _pair(olds_by_key.get(key, []), news)
        plan.matched.extend(pairs)
        paired = {id(n) for _, n in pairs}
        plan.joining.extend(n for n in news if id(n) not in paired)
    matched_ids = {p.pk for p, _ in plan.matched}
    plan.leaving = [p for p in existing if p.is_active and p.pk not in matched_ids]

    latest = _last_changes([p for p, _ in plan.matched])
    for pupil, rp in plan.matched:
        for channel, attr in IMPORTED_CHANNELS.items():
            after: bool | None = getattr(rp, attr)
            before = pupil.consent(channel)
            if after is None or after == before:
                continue  # an empty cell never erases what Safepost knows
            step = ConsentStep(pupil, rp, channel, before, after, applied=True)
            last = latest.get((pupil.pk, channel))
            if (
                after is True
                and before is False
                and last is not None
                and not last.from_import
                and last.value == ConsentValue.WITHDRAWN
            ):
                plan.kept.append(
                    ConsentStep(pupil, rp, channel, before, after, False, _withdrawn_in_app_reason(last))
                )
            else:
                plan.changes.append(step)
    for rp in plan.joining:
        for channel, attr in IMPORTED_CHANNELS.items():
            if getattr(rp, attr) is not None:
                plan.new_consent.append(ConsentStep(None, rp, channel, None, getattr(rp, attr), True))
    return plan
