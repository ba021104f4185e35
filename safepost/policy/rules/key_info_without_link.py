"""SP407 key-info-without-link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.rules.base import Context, Rule
from safepost.policy.rules.over_length import post_length

if TYPE_CHECKING:
    from safepost.policy.config import Policy

#: What makes a sentence key information: the things parents act on.
_KEY = re.compile(
    r"\b(?:letters? (?:home|about|from the (?:school|office|head))|(?:sent|sending|came|went) (?:a |the )?letters? home|"
    r"policy|policies|closures?|closed|closing|deadlines?|forms?|applications?|admissions?|"
    r"term dates|parents'? ?evening|inset|menus?|uniform|bookings?|book (?:a|your)|tickets?|payments?|"
    r"dinner money|timetables?|sign[- ]up|open (?:evening|morning|day)|vaccinations?|consent|"
    r"school photos?|reports?|newsletter)\b",
    re.IGNORECASE,
)
#: When: a day, a date, a deadline word.
_WHEN = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:tomorrow|tonight|next week|this week|by the end of|deadline|"
    r"until further notice|from today)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"(?:https?://|www\.)([^\s/?#]+)\S*", re.IGNORECASE)


class KeyInfoWithoutLink(Rule):
    """Key information for parents with no link to the school's website.

    What it flags:
        A post that gives key information (a letter, a closure, a deadline,
        a form, term dates, a menu or uniform change, with the day or date it
        happens) and has no link to the school's own website
        (`school.website`). A link to any other site does not count. The rule
        needs the website's address: without `school.website` it stays quiet.

    Why it matters:
        COU-01: key information is linked back to the school website, where
        the full and current details are kept; a post is a pointer, and a
        parent who only sees the post can miss the detail that matters.

    Example:
        (policy courtney, website https://www.example-school.sch.uk)
        Reminder: the school will be closed on Friday 7th March for staff training. Letters went home today.

    Use instead:
        Reminder: the school is closed on Friday 7th March for staff training. Details: https://www.example-school.sch.uk/news
    """

    code = "SP407"
    name = "key-info-without-link"
    category = "key-information"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return policy.writing.key_info_links

    def check(self, ctx: Context) -> Iterator[Finding]:
        site = ctx.policy.school.website_host
        if site is None:
            return
        text = ctx.text.text
        for m in _LINK.finditer(text):
            host = m.group(1).lower().rstrip(".,;:!?)")
            host = host[4:] if host.startswith("www.") else host
            if host == site or host.endswith("." + site):
                return
        for start, end in ctx.text.sentence_bounds:
            sentence = text[start:end]
            key = _KEY.search(sentence)
            when = _WHEN.search(sentence)
            if key is None or when is None:
                continue
            addition = f" Details: {ctx.policy.school.website.strip()}"
            fits = post_length(ctx.post.text.rstrip() + addition) <= ctx.policy.writing.max_length
            yield self.finding(
                ctx,
                start + key.start(),
                start + key.end(),
                f'"{key.group(0)}" on {when.group(0)} is key information for parents, and the post has no '
                f"link to the school website ({site}). The policy asks that key information links to the "
                "website, where the full details are kept.",
                suggestion=ctx.post.text.rstrip() + addition
                if fits
                else f"Shorten the post and link to the page on the school website ({site}) with the details.",
                trace=(
                    f"key information: {key.group(0)!r} with {when.group(0)!r}",
                    f"school.website = {site}",
                ),
            )
            return
