"""The one registry of rules: codes are stable and never reused."""

from __future__ import annotations

from functools import cache

from safepost.policy.rules.base import PhotoRule, Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, text and photo, in code order. Adding a rule means adding its module here."""
    from safepost.policy.rules import (
        at_mention,
        grammar_slip,
        individual_pupil,
        key_info_without_link,
        long_quotation,
        mid_text_hashtag,
        missing_alt_text,
        misspelt_word,
        name_in_one_child_post,
        negative_tone,
        not_the_schools_picture,
        offensive_language,
        outside_posting_window,
        over_length,
        personal_data,
        possible_pupil_name,
        pupil_name,
        pupil_surname,
        pupil_without_consent,
        reads_as_one_child,
        reads_as_whereabouts,
        single_child,
        surname_in_one_child_post,
        text_speak,
        trip_whereabouts,
        unknown_face,
        unsuitable_image,
        visible_face,
    )

    rules: list[Rule] = [
        pupil_surname.PupilSurname(),
        pupil_name.PupilName(),
        individual_pupil.IndividualPupil(),
        possible_pupil_name.PossiblePupilName(),
        reads_as_one_child.ReadsAsOneChild(),
        name_in_one_child_post.NameInOneChildPost(),
        surname_in_one_child_post.SurnameInOneChildPost(),
        trip_whereabouts.TripWhereabouts(),
        reads_as_whereabouts.ReadsAsWhereabouts(),
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
        visible_face.VisibleFace(),
        pupil_without_consent.PupilWithoutConsent(),
        unknown_face.UnknownFace(),
        single_child.SingleChild(),
        missing_alt_text.MissingAltText(),
        unsuitable_image.UnsuitableImage(),
        not_the_schools_picture.NotTheSchoolsPicture(),
    ]
    return tuple(sorted(rules, key=lambda r: r.code))


@cache
def text_rules() -> tuple[Rule, ...]:
    """The rules ``safepost check`` runs on a post's text, in code order."""
    return tuple(r for r in all_rules() if not isinstance(r, PhotoRule))


@cache
def photo_rules() -> tuple[PhotoRule, ...]:
    """The rules the app runs on a post's photos (SP6xx), in code order."""
    return tuple(r for r in all_rules() if isinstance(r, PhotoRule))


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
