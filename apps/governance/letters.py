"""The launch letter to parents (NNF-06) and the parent-facing summary of the policy (NNF-12),
written from the school's settings. The school edits either before sending it."""

from __future__ import annotations

from apps.governance.document import clock, date_words, days, join, roles
from safepost.policy.config import Policy

_NAMES = {
    "first-names-only": "We use children's first names only, never their surnames.",
    "none": "We never use children's names.",
    "not-with-photos": "We never put a child's name beside a photo of children.",
    "allowed": "We name a child only where you have agreed to it.",
}
_REPLIES = {
    "none": "We will not reply to replies on social media, and the account is not a place to discuss or "
    "debate school matters.",
    "receive-only": "You may reply to our posts, but we will not answer there, and the account is not a "
    "place to discuss or debate school matters.",
    "open": "You may ask general questions on the account and we will answer them there, but we never "
    "discuss an individual child on social media.",
}


def _hours(policy: Policy) -> str:
    window = policy.posting_window
    text = f"We post {days(list(window.days))} between {clock(window.start)} and {clock(window.end)}"
    if window.exceptions:
        names = [
            {
                "school-event": "school events such as trips and fixtures",
                "urgent-news": "urgent news such as a closure",
            }.get(k, k.replace("-", " "))
            for k in window.exceptions
        ]
        text += f", and outside those hours only for {join(names, 'or')}"
    return text + "."


def _contact(policy: Policy) -> str:
    ways = [*policy.contacts.phones[:1], *policy.contacts.emails[:1]]
    return f"the school office ({join(ways, 'or')})" if ways else "the school office"


def _account(policy: Policy, school_name: str) -> str:
    handle = policy.school.handle
    return f"{school_name}'s account {handle}" if handle else f"{school_name}'s own account"


def _photos(policy: Policy) -> list[str]:
    photos = policy.photos
    out = []
    if photos.faces == "blocked":
        out.append(
            "We never show children's faces: our photos show work and learning, such as a child's hands or "
            "the back of their head."
        )
    if photos.consent_required:
        without = "blurred out" if photos.without_consent == "blur" else "left out"
        out.append(
            f"A child appears in a photo only with your consent for social media; a child without it is {without}. "
            "You can give or withdraw consent at any time through the school office."
        )
    return out


def _followers(policy: Policy) -> str:
    reviewers = roles(policy.following.follower_reviewers)
    visibility = (
        "The account is public, so anyone can read it"
        if policy.interaction.visibility == "public"
        else "The account is protected: only followers the school accepts can read it"
    )
    how_often = {
        "continuous": "as they arrive",
        "weekly": "every week",
        "termly": "every term",
        "none": "",
    }[policy.following.follower_review]
    if not how_often:
        return visibility + "."
    return f"{visibility}; {reviewers} check new followers {how_often} and block anyone unsuitable."


def launch_letter(policy: Policy, school_name: str, headteacher: str) -> str:
    """The letter that tells parents about the account before it launches (NNF-06)."""
    interaction = policy.interaction
    lines = [
        f"{school_name}: our social media account",
        "",
        "Dear parents and carers,",
        "",
        f"We are starting to share school news, celebrations and reminders on {_account(policy, school_name)}. "
        "It will run alongside our letters home and the school website, not replace them. This letter "
        "explains how the account works, so that you know what to expect before it begins.",
        "",
        "How the account works",
        f"- {_hours(policy)}",
        f"- {_REPLIES[interaction.replies]} If you have a question or a concern, please contact "
        f"{_contact(policy)}.",
        f"- {_followers(policy)}",
        "",
        "Keeping your children safe",
        f"- {_NAMES[policy.pupils.names]}",
        *(
            ["- We never post about one individual child."]
            if policy.pupils.individual_content == "block"
            else []
        ),
        *(
            ["- We never say where children are or will be at a particular time, even on a trip."]
            if policy.pupils.trip_whereabouts == "block"
            else []
        ),
        *(f"- {line}" for line in _photos(policy)),
        "- Please do not name or tag children in replies or when you share our posts, and do not share "
        "photos of other people's children.",
        "",
        "Staying safe online",
        "Social media accounts are for people aged 13 and over, so the account is meant for parents and "
        "carers. If you show our posts to your child, please do it together. We teach e-safety in school "
        "and will share e-safety messages on the account.",
        "",
        f"Our full social media policy is available from {_contact(policy)}"
        + (f" and on our website, {policy.school.website}." if policy.school.website else "."),
        "",
        "Yours sincerely,",
        "",
        headteacher or "The headteacher",
        "Headteacher",
    ]
    return "\n".join(lines) + "\n"


def parent_summary(policy: Policy, school_name: str) -> str:
    """The policy in brief for parents (NNF-12): what the account is for and what it never does."""
    review = policy.review.next_review
    lines = [
        f"{school_name}: our social media policy in brief",
        "",
        "Who the account is for",
        f"- {_account(policy, school_name)} is for parents and carers: social media accounts are for people "
        "aged 13 and over. If you show our posts to your child, please do it together.",
        "- We use it to celebrate children's achievements, share school news and promote staying safe online.",
        "",
        "What we post and when",
        f"- {_hours(policy)}",
        f"- Only {roles(policy.accounts.publishers)} post for the school, and every post is checked against "
        "our policy before it goes out.",
        "",
        "What we never post",
        f"- {_NAMES[policy.pupils.names]}",
        *(
            ["- We never post about one individual child."]
            if policy.pupils.individual_content == "block"
            else []
        ),
        *(
            ["- We never say where children are or will be at a particular time, even on a trip."]
            if policy.pupils.trip_whereabouts == "block"
            else []
        ),
        *(f"- {line}" for line in _photos(policy)),
        "- Nobody's personal details, and nothing offensive.",
        "",
        "Replies and followers",
        f"- {_REPLIES[policy.interaction.replies]} Please contact {_contact(policy)}.",
        f"- {_followers(policy)}",
        "",
        "If something goes wrong",
        f"- Anything inappropriate is dealt with by {roles(policy.moderation.handlers)}"
        + (
            ", and serious incidents are reported to the appropriate authority."
            if policy.moderation.serious_incidents == "report-to-authority"
            else "."
        ),
        f"- Tell {_contact(policy)} if you see anything that worries you.",
        "",
        "The policy is signed by the headteacher and the chair of governors"
        + (f" and next reviewed by {date_words(review)}." if review else "."),
    ]
    return "\n".join(lines) + "\n"
