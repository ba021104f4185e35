"""A starting text for the social media user agreement (SUT-15), made from the school's policy.

Drawn from the council social media policy that Sutton Manor's code of
conduct quotes (6.1 sign an agreement; 6.2 nothing defamatory, discriminatory,
infringing, illegal, sexual or offensive; 6.3 official accounts identify
themselves; 6.4 professional contributions; 6.5 official accounts listed on
the website) and from the school's own settings, so that what staff sign is
what Safepost checks. Senior leaders edit it before publishing.
"""

from __future__ import annotations

from apps.schools.models import Role, School
from safepost.policy.config import Policy

_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
_NAMES = {
    "first-names-only": "I use pupils' first names only, never a surname.",
    "none": "I never name a pupil.",
    "not-with-photos": "I never name a pupil in a post that has photos of pupils.",
    "allowed": "I name pupils only where the school and their parents have agreed to it.",
}
_REPLIES = {
    "none": "The school does not reply to replies. I will not answer, discuss or debate school matters "
    "on social media, and I pass questions to the school office.",
    "receive-only": "Replies may come in, but the school does not answer them there. I will not discuss or "
    "debate school matters on social media, and I pass questions to the school office.",
    "open": "Parents may ask questions on the account. I answer only with information the school has "
    "already shared, and never about an individual child.",
}


_EXCEPTIONS = {"school-event": "school events", "urgent-news": "urgent school news"}
_PLURAL: dict[str, str] = {
    Role.HEADTEACHER: "headteacher",
    Role.SENIOR_LEADER: "senior leaders",
    Role.CLASS_TEACHER: "class teachers",
    Role.OFFICE: "office staff",
    Role.COMPUTING_LEAD: "computing lead",
    Role.SAFEGUARDING_LEAD: "designated safeguarding lead",
    Role.GOVERNOR: "governors",
}


def _exception_words(kind: str, examples: str) -> str:
    """ "school events (fixtures, trips)"; the examples only when they add something to the name."""
    name = _EXCEPTIONS.get(kind, kind.replace("-", " "))
    if not examples or examples.strip().casefold() in (name.casefold(), kind.replace("-", " ")):
        return name
    return f"{name} ({examples})"


def _roles(roles: list[str]) -> str:
    return _join([_PLURAL.get(r, r.replace("-", " ")) for r in roles])


def _join(labels: list[str]) -> str:
    if not labels:
        return "nobody"
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _days(days: list[str]) -> str:
    names = [_DAY_NAMES[d] for d in days]
    if names == [_DAY_NAMES[d] for d in ("mon", "tue", "wed", "thu", "fri")]:
        return "Monday to Friday"
    return _join(names)


def _writing(policy: Policy) -> list[str]:
    w = policy.writing
    out = [f"My posts are at most {w.max_length} characters and written in clear, correct British English."]
    if w.text_speak != "allow":
        out.append("I do not use text language such as lol, gr8 or l8r.")
    if w.hashtags == "end-only":
        out.append("Any hashtags go at the end of the post.")
    if w.mentions == "avoid":
        out.append("I avoid @mentioning other accounts.")
    return out


def default_agreement_text(school: School) -> str:
    """The agreement as Safepost suggests it for ``school``'s current policy."""
    policy = school.policy
    window = policy.posting_window
    accounts = policy.accounts
    exceptions = "; ".join(
        f"{_exception_words(kind, rule.examples)} by the "
        f"{_roles(list(rule.roles)) if rule.roles else 'staff with posting rights'}"
        for kind, rule in window.exceptions.items()
    )
    approval = (
        f" Posts by the {_roles(list(accounts.approval_required_for))} are approved before they go out."
        if accounts.approval_required_for
        else ""
    )
    photo_lines = ["I share photos only of pupils whose parents have given photo consent."]
    if policy.photos.faces == "blocked":
        photo_lines.append("Photos never show pupils' faces.")
    sections = [
        (
            "Who posts",
            [
                f"Only the {_roles(list(accounts.publishers))} post on the school's official accounts.{approval}",
                "I keep the accounts' sign-in details to myself, sign in to Safepost with two-step "
                "sign-in where my role needs it, and never post for the school from a personal account.",
            ],
        ),
        (
            "What I post (council policy 6.2 and 6.4)",
            [
                "Nothing defamatory or discriminatory, nothing that breaks copyright or data protection law, "
                "and nothing illegal, sexual or offensive that could bring the school or the council into "
                "disrepute.",
                "My posts are professional and uphold the reputation of the school.",
                "No personal details: no phone numbers, personal e-mail or home addresses, or dates of birth.",
            ],
        ),
        (
            "Keeping pupils safe",
            [
                _NAMES[policy.pupils.names],
                "I do not post about one individual child, and I never say where pupils are or will be at a "
                "time when a stranger could find them.",
                *photo_lines,
            ],
        ),
        ("How I write", _writing(policy)),
        (
            "When posts go out",
            [
                f"Posts go out {_days(list(window.days))} between {window.start:%H:%M} and {window.end:%H:%M}."
                + (f" Outside those hours only for: {exceptions}." if exceptions else ""),
            ],
        ),
        ("Replies and followers", [_REPLIES[policy.interaction.replies]]),
        (
            "Official accounts (council policy 6.3 and 6.5)",
            [
                "The school's accounts say clearly that they are the school's, and they are listed on the "
                "school website so that parents can tell they are genuine. I will not open any other "
                "account in the school's name.",
            ],
        ),
        (
            "Problems",
            [
                f"I report anything inappropriate posted to or about the school to the "
                f"{_roles(list(policy.moderation.handlers))} straight away, and do not respond to it myself.",
            ],
        ),
        (
            "My agreement (council policy 6.1)",
            [
                f"I have read {school.name}'s social media policy. I will follow it and this agreement "
                "at all times, and I understand that a breach may lead to disciplinary action.",
            ],
        ),
    ]
    out = [f"Social media user agreement: {school.name}", ""]
    n = 0
    for title, points in sections:
        out.append(title)
        for point in points:
            n += 1
            out.append(f"{n}. {point}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
