"""The policy file: a school's social media policy as settings.

A policy is a TOML file. Every section and key is declared once, here, as a
typed dataclass field with its documentation; the strict loader and the format
reference (``safepost policy-format``, ``docs/policy-format.md``) are both made
from these declarations. Unknown keys, wrong types, bad times and unknown rule
codes are reported as :class:`PolicyError` naming the file, the key path and
what is allowed, with a "did you mean" where one is close.
"""

from __future__ import annotations

import dataclasses
import difflib
import ipaddress
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, Literal, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from safepost.policy.week import DAYS as DAYS  # re-exported: the policy file's day names
from safepost.policy.week import Day

Role = Literal[
    "headteacher",
    "senior-leader",
    "class-teacher",
    "office",
    "computing-lead",
    "governor",
    "safeguarding-lead",
]
ROLES: tuple[str, ...] = get_args(Role)
ExceptionKind = Literal["school-event", "urgent-news"]
EXCEPTION_KINDS: tuple[str, ...] = get_args(ExceptionKind)
Action = Literal["block", "warn", "allow"]

PRESETS_DIR = Path(__file__).parent / "presets"
_MAX_NETWORKS = 100
_WEBSITE = re.compile(r"https?://((?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,63})(?::\d{1,5})?(?:/\S{0,500})?")


def doc(text: str, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A dataclass field with documentation for the format reference."""
    if isinstance(default, (list, dict)):
        value = default
        return field(default_factory=lambda: type(value)(value), metadata={"doc": text}, **kw)
    return field(default=default, metadata={"doc": text}, **kw)


@dataclass(frozen=True)
class School:
    """Who the policy belongs to."""

    name: str = doc("The school's name as parents know it.")
    handle: str = doc("The main account's handle, e.g. `@StCathsofSiena`.", "")
    timezone: str = doc("IANA time zone for the posting window.", "Europe/London")
    source: str = doc("Where the policy came from (document, date).", "")
    website: str = doc(
        "The school website's address, e.g. `https://www.stcatherines.sch.uk`: where key information "
        "links to (COU-01) and where the list of official accounts is (SUT-17).",
        "",
    )

    @property
    def website_host(self) -> str | None:
        """The website's host (``stcatherines.sch.uk``), or ``None`` when there is no valid address."""
        return website_host(self.website)


@dataclass(frozen=True)
class Contacts:
    """The school's own contact details: these are never personal data."""

    phones: list[str] = doc("The office and other school phone numbers.", [])
    emails: list[str] = doc("The school's own e-mail addresses.", [])
    email_domains: list[str] = doc(
        "Domains whose addresses are the school's, e.g. `stcatherines.sch.uk`.", []
    )


@dataclass(frozen=True)
class WindowException:
    """An allowed reason to post outside the window."""

    roles: list[Role] = doc("Roles who may use this exception.", [])
    examples: str = doc("What counts, in the policy's words.", "")


@dataclass(frozen=True)
class PostingWindow:
    """When posts may go out (CAT-03, NNF-04, RAC-03)."""

    days: list[Day] = doc("Days on which posts may go out.", ["mon", "tue", "wed", "thu", "fri"])
    start: time = doc("Earliest local time, `HH:MM`.", time(8, 0))
    end: time = doc("Latest local time, `HH:MM` (a post at exactly this time is allowed).", time(18, 0))
    exceptions: dict[ExceptionKind, WindowException] = doc(
        "Reasons to post outside the window, each with the roles who may use it.", {}
    )


@dataclass(frozen=True)
class Pupils:
    """What may be said about pupils."""

    names: Literal["first-names-only", "none", "not-with-photos", "allowed"] = doc(
        "Pupil names: first names only (CAT-07, RAC-11), none at all (NNF-07), "
        "not beside photos of pupils (SUT-07), or allowed.",
        "first-names-only",
    )
    individual_content: Action = doc(
        "Content about one identifiable child (CAT-13, NNF-09, RAC-06, SUT-14).", "block"
    )
    trip_whereabouts: Action = doc(
        "Where pupils are or will be at a time a stranger could act on (NNF-11).", "block"
    )


@dataclass(frozen=True)
class Writing:
    """How posts are written."""

    max_length: int = doc("Longest post in characters (SUT-01: 240).", 280)
    mentions: Literal["avoid", "allow"] = doc("@mentions of other accounts (CAT-12).", "allow")
    text_speak: Action = doc("Text language such as lol, gr8, l8r (SUT-05).", "allow")
    spelling: Action = doc("Misspelt words, in British English (SUT-05).", "allow")
    grammar: Action = doc("Grammar slips in Standard English, such as 'the children was' (SUT-05).", "allow")
    key_info_links: Action = doc(
        "Key information (dates, deadlines, letters, policies, closures) without a link to the school's "
        "website, `school.website` (COU-01).",
        "allow",
    )
    tone: Action = doc(
        "The school's own post negative about people or airing a complaint in public (NNF-05, COU-09).",
        "allow",
    )
    quotations: Action = doc(
        "Long quotations of someone else's words without a credit (RAC-12, SUT-16).", "allow"
    )
    hashtags: Literal["end-only", "anywhere"] = doc("Where hashtags may go (SUT-06).", "anywhere")
    offensive: Action = doc("Offensive, profane or discriminatory language (RAC-12, SUT-16).", "block")
    personal_data: Action = doc(
        "Phone numbers, personal e-mail, addresses, dates of birth (SUT-16).", "block"
    )


@dataclass(frozen=True)
class Interaction:
    """How the account deals with its audience."""

    replies: Literal["none", "receive-only", "open"] = doc(
        "`none`: the account does not reply and replies are limited where the platform allows "
        "(NNF-06, SUT-12); `receive-only`: replies may come in but the school does not answer "
        "(CAT-06); `open`: parents may ask and be answered (COU-02).",
        "receive-only",
    )
    visibility: Literal["public", "followers-only"] = doc(
        "Public account (CAT-02, NNF-03) or protected, followers only (COU-04).", "public"
    )
    quote_posts: Literal["allow", "disable"] = doc("Whether others may quote the school's posts.", "allow")
    mentions_of_school: Literal["welcome", "review"] = doc(
        "Mentions of the school by others: surfaced as welcome (CAT-04) or queued for review.", "welcome"
    )


@dataclass(frozen=True)
class Following:
    """Whom the account follows and who follows it."""

    follows: Literal["educational-only", "case-by-case", "any"] = doc(
        "Accounts the school follows: educationally linked only (CAT-05, NNF-10, SUT-11) or "
        "decided case by case (RAC-07).",
        "educational-only",
    )
    follow_approver: list[Role] = doc("Roles who approve a follow.", ["headteacher", "senior-leader"])
    follower_review: Literal["continuous", "weekly", "termly", "none"] = doc(
        "How often recent followers are reviewed (CAT-11, NNF-03, SUT-09).", "continuous"
    )
    follower_reviewers: list[Role] = doc("Roles who review followers.", ["headteacher", "senior-leader"])
    staff_personal_followers: Literal["allow", "remove"] = doc(
        "Staff personal accounts following the school (RAC-09).", "allow"
    )


@dataclass(frozen=True)
class Credentials:
    """Looking after the platform sign-in."""

    rotation: Literal["termly", "regularly", "on-permission", "none"] = doc(
        "How often credentials are rotated (CAT-09, NNF-02, SUT-13, COU-07).", "termly"
    )
    rotated_by: list[Role] = doc("Roles who rotate them.", ["headteacher", "senior-leader"])
    needs_permission_of: list[Role] = doc(
        "Roles whose permission a rotation needs (COU-07); empty for none.", []
    )
    term_starts: list[str] = doc(
        'The first day of each term, as `"MM-DD"`: with `rotation = "termly"` the reminder to change '
        "the sign-in comes on these days.",
        ["09-01", "01-05", "04-20"],
    )


@dataclass(frozen=True)
class Accounts:
    """Accounts, posting rights and approval."""

    class_accounts: bool = doc("Class accounts besides the main account (RAC-01).", False)
    reshare_class_posts: bool = doc("The main account reshares class-account posts (RAC-02).", False)
    publishers: list[Role] = doc(
        "Roles with posting rights (CAT-01, NNF-01, SUT-03, COU-06).",
        ["headteacher", "senior-leader", "class-teacher"],
    )
    approval_required_for: list[Role] = doc("Roles whose posts need approval before publishing.", [])
    approvers: list[Literal["account-holder", "headteacher", "senior-leader"]] = doc(
        "Who approves: the account holder (RAC-10) or senior leaders.", ["account-holder", "senior-leader"]
    )
    agreement_required: bool = doc(
        "Staff must sign the social media agreement before posting (SUT-15).", False
    )
    notifications_to: list[Role] = doc("Roles whose inbox gets notifications (COU-05).", ["headteacher"])


@dataclass(frozen=True)
class Devices:
    """Where Safepost may be used from: school networks and school devices (CAT-01)."""

    school_devices: Literal["off", "sign-in", "publishing"] = doc(
        "`off`: from anywhere; `sign-in`: the roles below use Safepost only from a school network or a "
        "remembered school device; `publishing`: they may read anywhere but write, approve and send "
        "posts only from one (CAT-01).",
        "off",
    )
    networks: list[str] = doc(
        'The school\'s public network address ranges, e.g. `["203.0.113.0/24"]` (ask your IT support).', []
    )
    roles: list[Role] = doc(
        "Roles held to school networks and devices.",
        ["headteacher", "senior-leader", "class-teacher", "office", "computing-lead"],
    )
    trip_roles: list[Role] = doc(
        "Roles who may remember their own phone as a school device, for trips (RAC-04).",
        ["headteacher", "senior-leader"],
    )


@dataclass(frozen=True)
class Photos:
    """Photos of pupils."""

    faces: Literal["allowed", "blocked"] = doc("Children's faces may be shown (NNF-08: blocked).", "allowed")
    consent_required: bool = doc("Pupils need photo consent (RAC-05, SUT-08, COU-08).", True)
    without_consent: Literal["blur", "block"] = doc("What happens to a pupil without consent.", "block")
    single_child: Action = doc("A photo whose subject is a single child (CAT-08).", "allow")
    copyright: Action = doc(
        "A picture that is not the school's own: a stock or news agency, or another owner, named in the "
        "file, or a picture the school marked as not its own (RAC-12, SUT-16).",
        "warn",
    )
    delete_originals_after_publish: bool = doc(
        "Uploaded originals (with their location and camera details) are deleted once the post is "
        "published, leaving only the cleaned copy that went out (RAC-04). `false` keeps them.",
        True,
    )
    keep_renditions_days: int = doc(
        "Days to keep the published copy of each photo after publishing (then it is deleted and leaves "
        "the school's feed); 0 keeps it; at most 3650.",
        0,
    )
    unsuitable_images: Action = doc("Unsuitable images (RAC-12).", "block")


@dataclass(frozen=True)
class Moderation:
    """What happens to inappropriate content that arrives (CAT-10, RAC-12, SUT-10, COU-11)."""

    actions: list[Literal["delete", "hide", "block", "mute", "report"]] = doc(
        "Actions taken on inappropriate content.", ["delete", "block", "report"]
    )
    keep_evidence: bool = doc("Copy and save content before deleting it (COU-11).", True)
    handlers: list[Role] = doc("Roles who handle it.", ["headteacher", "senior-leader"])
    serious_incidents: Literal["report-to-authority", "record-only"] = doc(
        "Serious incidents go to the appropriate authority.", "report-to-authority"
    )


@dataclass(frozen=True)
class Review:
    """The policy's own review and sign-off (RAC-13, COU-13)."""

    ratified: str = doc("When the policy was ratified (YYYY-MM-DD or YYYY-MM).", "")
    next_review: str = doc("When it is next due for review.", "")
    signed_by: list[str] = doc("Who signed it (roles or names).", [])


@dataclass(frozen=True)
class RuleSetting:
    """Overrides for one rule, under `[rules.CODE]` or `[rules.name]`."""

    enabled: bool = doc("Turn the rule off with `false`.", True)
    severity: Literal["block", "warn", "info"] | None = doc("Override the severity.", None)
    words: list[str] = doc("Extra words the rule treats as its list allows (rule-specific).", [])


@dataclass(frozen=True)
class Policy:
    """A whole policy file."""

    school: School = doc("Who the policy belongs to.")
    name: str = doc("A short identifier, e.g. `st-catherine`.", "")
    contacts: Contacts = doc("The school's own contact details.", Contacts())
    posting_window: PostingWindow = doc("When posts may go out.", PostingWindow())
    pupils: Pupils = doc("What may be said about pupils.", Pupils())
    writing: Writing = doc("How posts are written.", Writing())
    interaction: Interaction = doc("Replies, visibility, quoting.", Interaction())
    following: Following = doc("Follows and followers.", Following())
    credentials: Credentials = doc("Credential rotation.", Credentials())
    accounts: Accounts = doc("Accounts, posting rights, approval.", Accounts())
    photos: Photos = doc("Photos of pupils.", Photos())
    devices: Devices = doc("School networks and devices.", Devices())
    moderation: Moderation = doc("Dealing with inappropriate content.", Moderation())
    review: Review = doc("Review and sign-off.", Review())
    rules: dict[str, RuleSetting] = doc("Per-rule overrides by code or name.", {})
    path: str = field(default="", metadata={"internal": True})

    @property
    def tz(self) -> ZoneInfo:
        """The school's time zone."""
        return ZoneInfo(self.school.timezone)


class PolicyError(Exception):
    """A policy file is not valid. Says which file, which key, and what is allowed."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s) in the policy:\n{lines}")


def _did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _allowed(options: typing.Iterable[str]) -> str:
    return ", ".join(f'"{o}"' for o in options)


class _Loader:
    def __init__(self, rule_keys: dict[str, str]) -> None:
        self.problems: list[str] = []
        self.rule_keys = rule_keys  # code or name -> code

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def value(self, tp: Any, raw: Any, path: str) -> Any:
        origin = get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            options = [a for a in get_args(tp) if a is not type(None)]
            if raw is None:
                return None
            return self.value(options[0], raw, path)
        if origin is Literal:
            choices = [str(c) for c in get_args(tp)]
            if not isinstance(raw, str) or raw not in choices:
                shown = f'"{raw}"' if isinstance(raw, str) else repr(raw)
                hint = _did_you_mean(raw, choices) if isinstance(raw, str) else ""
                self.fail(path, f"{shown} is not allowed{hint}; use one of {_allowed(choices)}")
                return None
            return raw
        if origin is list:
            (item_tp,) = get_args(tp)
            if not isinstance(raw, list):
                self.fail(path, f"expected a list, got {type(raw).__name__}")
                return []
            return [self.value(item_tp, item, f"{path}[{i}]") for i, item in enumerate(raw)]
        if origin is dict:
            key_tp, val_tp = get_args(tp)
            if not isinstance(raw, dict):
                self.fail(path, f"expected a table, got {type(raw).__name__}")
                return {}
            out = {}
            for k, v in raw.items():
                if path == "rules":
                    code = self.rule_keys.get(k)
                    if code is None:
                        hint = _did_you_mean(k, self.rule_keys)
                        self.fail(
                            f"rules.{k}",
                            f'unknown rule "{k}"{hint}; `safepost rules` lists the codes and names',
                        )
                        continue
                    out[code] = self.value(val_tp, v, f"rules.{k}")
                else:
                    key = self.value(key_tp, k, f"{path}.{k}")
                    if key is not None:
                        out[key] = self.value(val_tp, v, f"{path}.{k}")
            return out
        if dataclasses.is_dataclass(tp):
            return self.section(tp, raw, path)
        if tp is time:
            if isinstance(raw, time):
                return raw
            if isinstance(raw, str) and (hhmm := re.fullmatch(r"(\d{1,2}):(\d{2})", raw)) is not None:
                try:
                    return time(int(hhmm.group(1)), int(hhmm.group(2)))
                except ValueError:
                    pass
            shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:40] + "…"
            self.fail(path, f'{shown} is not a time; write it as "HH:MM", e.g. "08:00"')
            return None
        if tp is bool:
            if not isinstance(raw, bool):
                self.fail(path, f"expected true or false, got {_shown(raw)}")
            return raw
        if tp is int:
            if isinstance(raw, bool) or not isinstance(raw, int):
                self.fail(path, f"expected a whole number, got {_shown(raw)}")
            elif raw < 0:
                self.fail(path, f"must not be negative, got {_shown(raw)}")
            elif raw > MAX_NUMBER:
                self.fail(path, f"must be at most {MAX_NUMBER:,}, got {_shown(raw)}")
            return raw
        if tp is str:
            if not isinstance(raw, str):
                self.fail(path, f"expected text in quotes, got {_shown(raw)}")
            return raw
        raise TypeError(f"unsupported type {tp!r} at {path}")  # a schema bug, not user input

    def section(self, cls: Any, raw: Any, path: str) -> Any:
        where = path or "the file"
        if not isinstance(raw, dict):
            self.fail(where, f"expected a table, got {type(raw).__name__}")
            return None
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
        kwargs = {}
        for key, value in raw.items():
            sub = f"{path}.{key}" if path else key
            if key not in fields:
                hint = _did_you_mean(key, fields)
                self.fail(sub, f"unknown key{hint}; allowed here: {_allowed(fields)}")
                continue
            kwargs[key] = self.value(hints[key], value, sub)
        for name, f in fields.items():
            if (
                name not in raw
                and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            ):
                self.fail(f"{path}.{name}" if path else name, "is required")
        if self.problems:
            return None
        return cls(**kwargs)


def _shown(raw: Any) -> str:
    """A value as the file wrote it, cut short: a 4,000-digit number is not repeated back."""
    try:
        text = repr(raw)
    except ValueError:  # an integer too long to print
        return "a number too long to show"
    return text if len(text) <= 60 else text[:60] + "…"


def zone_problem(zone: str) -> str | None:
    """Why ``zone`` is not a usable time zone, or ``None`` when it is one."""
    shown = f'"{zone}"' if len(zone) <= 60 else f'"{zone[:60]}…"'
    problem = f'{shown} is not a known time zone; use an IANA name such as "Europe/London"'
    if len(zone) > 64:
        return problem
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a folder of zones
        return problem
    return None


def _check_meaning(policy: Policy, loader: _Loader) -> None:
    if (problem := zone_problem(policy.school.timezone)) is not None:
        loader.fail("school.timezone", problem)
    window = policy.posting_window
    if window.start >= window.end:
        loader.fail("posting_window", f"start {window.start:%H:%M} must be before end {window.end:%H:%M}")
    if not window.days:
        loader.fail("posting_window.days", "at least one day is needed")
    if policy.school.website and not website_host(policy.school.website):
        loader.fail(
            "school.website",
            f'"{policy.school.website}" is not a website address; write it in full, such as '
            '"https://www.stcatherines.sch.uk"',
        )
    for i, network in enumerate(policy.devices.networks[:_MAX_NETWORKS]):
        if school_network(network) is None:
            loader.fail(
                f"devices.networks[{i}]",
                f'"{network[:60]}" is not a network address range; write it as "203.0.113.0/24" or one '
                'address such as "203.0.113.7"',
            )
    if len(policy.devices.networks) > _MAX_NETWORKS:
        loader.fail("devices.networks", f"at most {_MAX_NETWORKS} ranges")
    if policy.devices.school_devices != "off" and not policy.devices.networks:
        loader.fail(
            "devices.school_devices",
            "add the school's network address ranges to devices.networks first, or nobody could sign in",
        )
    if not 1 <= policy.writing.max_length <= 5000:
        loader.fail("writing.max_length", "must be between 1 and 5000 characters")
    if policy.photos.keep_renditions_days > MAX_KEEP_DAYS:
        loader.fail(
            "photos.keep_renditions_days",
            f"must be at most {MAX_KEEP_DAYS:,} days (ten years); 0 keeps published photos for ever",
        )
    for day in policy.credentials.term_starts:
        if term_start(day) is None:
            loader.fail(
                "credentials.term_starts",
                f'"{day}" is not a day of the year written "MM-DD", such as "09-01" for 1 September',
            )
    if policy.credentials.rotation == "termly" and not policy.credentials.term_starts:
        loader.fail(
            "credentials.term_starts", 'termly rotation needs at least one term start, e.g. ["09-01"]'
        )


def school_network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """A network range (``203.0.113.0/24``, or one address) as written in ``devices.networks``."""
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        return None


def website_host(address: str) -> str | None:
    """The host of an ``http(s)://`` website address, lower case and without ``www.``, or ``None``."""
    match = _WEBSITE.fullmatch(address.strip())
    if match is None:
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host


def term_start(text: str) -> tuple[int, int] | None:
    """``(month, day)`` of a ``"MM-DD"`` term start, or ``None`` when it is not a real day."""
    match = re.fullmatch(r"(\d{2})-(\d{2})", text.strip())
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2024, month, day)  # a leap year, so 02-29 passes
    except ValueError:
        return None
    return month, day


def _check_raw_meaning(data: dict[str, Any], loader: _Loader) -> None:
    """The meaning checks that can still run when other keys are wrong."""
    school = data.get("school")
    zone = school.get("timezone") if isinstance(school, dict) else None
    if isinstance(zone, str) and (problem := zone_problem(zone)) is not None:
        loader.fail("school.timezone", problem)


def parse_policy(data: dict[str, Any], source: str, rule_keys: dict[str, str] | None = None) -> Policy:
    """Validate a parsed TOML document and build a :class:`Policy`.

    ``rule_keys`` maps every rule code and name to its code; by default the
    registry's. Raises :class:`PolicyError` listing every problem found.
    """
    if rule_keys is None:
        from safepost.policy.registry import rule_keys as registry_keys

        rule_keys = registry_keys()
    loader = _Loader(rule_keys)
    policy = loader.section(Policy, data, "")
    if policy is not None:
        _check_meaning(policy, loader)
    else:
        _check_raw_meaning(data, loader)
    if loader.problems:
        raise PolicyError(source, loader.problems)
    return dataclasses.replace(policy, path=source, name=policy.name or Path(source).stem)


def load_policy(name_or_path: str | Path) -> Policy:
    """Load a preset by name (``st-catherine``) or a policy file by path.

    Raises :class:`PolicyError` for a missing or invalid file, never a traceback
    the user has to read.
    """
    name = str(name_or_path)
    # A real path is shown whole; only an absurd one (a 300-character name) is cut, keeping its end.
    shown = name if len(name) <= 240 else name[:100] + "…" + name[-100:]
    path = Path(name_or_path)
    preset = PRESETS_DIR / f"{name_or_path}.toml"
    if not path.suffix and _is_file(preset):
        path = preset
    elif not _is_file(path):
        hint = _did_you_mean(name, preset_names()) if len(name) <= 80 else ""
        raise PolicyError(
            shown, [f"no such policy file or preset{hint}; presets: {_allowed(preset_names())}"]
        )
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_POLICY_BYTES + 1)
        if len(raw) > MAX_POLICY_BYTES:
            raise PolicyError(
                shown, [f"the file is larger than {MAX_POLICY_BYTES // 1024} KB; a policy is a few KB"]
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PolicyError(shown, [f"cannot read the file: {reason}"]) from None
    return parse_policy(parse_toml(text, shown), str(path))


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """Parse a policy file's TOML, refusing what the parser would choke on with a clear message.

    Raises :class:`PolicyError` (with the line, where TOML says it) and never a traceback.
    """
    for number, line in enumerate(text.splitlines(), 1):
        if line.count(".") > MAX_DOTS_A_LINE:
            # tomllib takes quadratic time over the parts of a dotted key.
            raise PolicyError(
                source, [f"line {number}: more than {MAX_DOTS_A_LINE} dots; policy keys have a few parts"]
            )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, [f"not valid TOML: {exc}"]) from None
    except RecursionError:
        raise PolicyError(
            source, ["lists or tables are nested too deeply; a policy needs two or three levels"]
        ) from None
    except ValueError as exc:
        if "digits" in str(exc):  # Python refuses whole numbers of more than 4,300 digits
            raise PolicyError(source, ["a number is too long (more than 4,300 digits)"]) from None
        raise PolicyError(source, [f"not valid TOML: {exc}"]) from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL in it
        return False


# Bounds on what a policy file may hold: far above any real policy, far below what is slow.
MAX_POLICY_BYTES = 256 * 1024
MAX_DOTS_A_LINE = 200
MAX_NUMBER = 10**9
MAX_KEEP_DAYS = 3650


def preset_names() -> list[str]:
    """The names of the bundled presets."""
    return sorted(p.stem for p in PRESETS_DIR.glob("*.toml"))


def format_reference() -> str:
    """The policy file format as Markdown, made from the declarations above."""
    out = [
        "# Policy file format",
        "",
        "A policy is a TOML file. Every key is optional unless marked *required*; "
        "unknown keys are errors. Generated from `safepost/policy/config.py` "
        "(`safepost policy-format`).",
        "",
        "## Errors",
        "",
        "`safepost validate FILE` (and `safepost check --policy FILE`) lists every problem with the key "
        "it is at, such as `photos.keep_renditions_days: must be at most 3,650 days (ten years)`, and "
        "exits with status 2; status 0 means the file is valid. The school's policy page in the web app "
        "shows the same messages and saves nothing until they are fixed. A file is refused as a whole, "
        f"before its keys are read, when it is larger than {MAX_POLICY_BYTES // 1024} KB, has a line "
        f"with more than {MAX_DOTS_A_LINE} dots, nests lists or tables too deeply, or holds a number of "
        f"more than 4,300 digits. Whole numbers are at most {MAX_NUMBER:,}; times are written "
        '`"HH:MM"`; the time zone is an IANA name such as `"Europe/London"`.',
        "",
    ]

    def type_name(tp: Any) -> str:
        origin = get_origin(tp)
        if origin is Literal:
            return " \\| ".join(f'`"{c}"`' for c in get_args(tp))
        if origin is list:
            return f"list of {type_name(get_args(tp)[0])}"
        if origin in (types.UnionType, typing.Union):
            return " or ".join(type_name(a) for a in get_args(tp) if a is not type(None))
        if origin is dict:
            return f"table of {type_name(get_args(tp)[0])} to tables"
        if tp is time:
            return '`"HH:MM"`'
        return f"`{getattr(tp, '__name__', tp)}`"

    def default_of(f: dataclasses.Field[Any]) -> str:
        if f.default is not dataclasses.MISSING:
            d = f.default
        elif f.default_factory is not dataclasses.MISSING:
            d = f.default_factory()
        else:
            return "*required*"
        if dataclasses.is_dataclass(d):
            return ""
        if isinstance(d, time):
            return f'`"{d:%H:%M}"`'
        if isinstance(d, bool):
            return f"`{str(d).lower()}`"
        return f"`{d!r}`".replace("'", '"')

    def section(cls: Any, title: str) -> None:
        out.extend(
            [
                f"## `[{title}]`",
                "",
                (cls.__doc__ or "").strip(),
                "",
                "| key | type | default | meaning |",
                "|---|---|---|---|",
            ]
        )
        hints = typing.get_type_hints(cls)
        nested = []
        for f in dataclasses.fields(cls):
            if f.metadata.get("internal"):
                continue
            tp = hints[f.name]
            if dataclasses.is_dataclass(tp):
                nested.append((tp, f.name))
                continue
            out.append(f"| `{f.name}` | {type_name(tp)} | {default_of(f)} | {f.metadata.get('doc', '')} |")
        out.append("")
        for tp, name in nested:
            section(tp, name)

    section(Policy, "top level")
    section(WindowException, "posting_window.exceptions.KIND")
    section(RuleSetting, "rules.CODE")
    return "\n".join(out)
