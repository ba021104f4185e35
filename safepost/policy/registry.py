"""The one registry of rules: codes are stable and never reused."""

from __future__ import annotations

from functools import cache

from safepost.policy.rules.base import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order. Adding a rule means adding it here."""
    from safepost.policy.rules import (
        at_mention,
        grammar_slip,
        individual_pupil,
        key_info_without_link,
        long_quotation,
        mid_text_hashtag,
        misspelt_word,
        negative_tone,
        offensive_language,
        outside_posting_window,
        over_length,
        personal_data,
        possible_pupil_name,
        pupil_name,
        pupil_surname,
        text_speak,
        trip_whereabouts,
    )

    rules: list[Rule] = [
        pupil_surname.PupilSurname(),
        pupil_name.PupilName(),
        individual_pupil.IndividualPupil(),
        possible_pupil_name.PossiblePupilName(),
        trip_whereabouts.TripWhereabouts(),
        personal_data.PersonalData(),
        outside_posting_window.OutsidePostingWindow(),
        at_mention.AtMention(),
        grammar_slip.GrammarSlip(),
        text_speak.TextSpeak(),
        misspelt_word.MisspeltWord(),
        over_length.OverLength(),
        key_info_without_link.KeyInfoWithoutLink(),
        long_quotation.LongQuotation(),
        mid_text_hashtag.MidTextHashtag(),
        offensive_language.OffensiveLanguage(),
        negative_tone.NegativeTone(),
    ]
    return tuple(sorted(rules, key=lambda r: r.code))


def get_rule(code_or_name: str) -> Rule | None:
    """A rule by its code (``SP101``) or name (``pupil-surname``), any case."""
    wanted = code_or_name.strip().casefold()
    for rule in all_rules():
        if wanted in (rule.code.casefold(), rule.name.casefold()):
            return rule
    return None


def rule_keys() -> dict[str, str]:
    """Every code and name, mapped to the code (for validating policy files)."""
    keys = {}
    for rule in all_rules():
        keys[rule.code] = rule.code
        keys[rule.name] = rule.code
    return keys
