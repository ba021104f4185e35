"""The check page: anyone can paste a post and see what the school's policy says about it."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from apps.checker.views import build_cards, build_pieces
from safepost.policy.findings import Finding, Severity

URL = reverse("checker:check")
THURSDAY_MORNING = "2026-03-05T10:00"
SATURDAY_EVENING = "2026-03-07T20:30"
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(
    client: Client,
    text: str,
    preset: str = "st-catherine",
    at: str = THURSDAY_MORNING,
    htmx: bool = False,
    **extra: str,
) -> str:
    data = {"text": text, "preset": preset, "at": at, **extra}
    response = client.post(URL, data, **(HTMX if htmx else {}))
    assert response.status_code == 200
    return response.content.decode()


def marks(html: str) -> list[tuple[str, str]]:
    """Every highlighted run as (severity, visible words)."""
    found = re.findall(r'<mark class="mark--(\w+)"[^>]*>(.*?)</mark>', html, re.S)
    return [
        (sev, unescape(re.sub(r'<span class="visually-hidden">.*?</span>', "", inner)))
        for sev, inner in found
    ]


def card_titles(html: str) -> list[str]:
    return [
        unescape(t)
        for t in re.findall(
            r'<h4 class="finding__title"><span class="visually-hidden">Note \d+: </span>(.*?)</h4>', html
        )
    ]


def test_the_home_page_offers_the_check_page_to_visitors(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert URL in response.content.decode()


def test_the_page_shows_the_form_and_an_empty_result(client: Client) -> None:
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<textarea" in html
    assert '<option value="st-catherine" selected>' in html
    assert "Your result will appear here" in html
    assert "htmx.min.js" in html
    assert 'hx-trigger="submit, input changed delay:300ms from:#id_text,' in html


def test_the_page_loads_nothing_from_another_site(client: Client) -> None:
    html = client.get(URL).content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_an_htmx_request_gets_only_the_result_panel(client: Client) -> None:
    html = post(client, "Thank you, parents, for all your support with reading at home this term.", htmx=True)
    assert "<html" not in html
    assert "<textarea" not in html
    assert html.lstrip().startswith('<section id="result"')
    assert 'hx-swap-oob="innerHTML"' in html
    assert "Ready to post" in html


def test_a_clean_post_is_ready_to_post(client: Client) -> None:
    html = post(client, "Thank you, parents, for all your support with reading at home this term.")
    assert "Ready to post" in html
    assert "<mark" not in html
    assert card_titles(html) == []


def test_an_at_mention_under_st_catherine_needs_a_second_look(client: Client) -> None:
    html = post(client, "Thank you to @LivMuseums for a fantastic Egyptian workshop this morning.")
    assert "Needs a second look" in html
    assert ("warn", "@LivMuseums") in marks(html)
    assert "Check this" in html


@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_a_pupils_full_name_under_st_catherine_blocks_and_is_marked(client: Client, htmx: bool) -> None:
    html = post(client, "Well done Ruby Ashworth for a brilliant swim at the gala!", htmx=htmx)
    assert "Can&#x27;t be posted yet" in html
    assert ("block", "Ruby Ashworth") in marks(html)
    assert "A pupil&#x27;s surname" in html
    assert "SP101" in html  # the rule code, in the "Why?" disclosure
    assert "Write instead" in html


def test_the_mark_still_fits_the_words_after_windows_line_endings(client: Client) -> None:
    html = post(client, "Sports day news!\r\n\r\nWell done Ruby Ashworth for winning the sack race.")
    assert ("block", "Ruby Ashworth") in marks(html)


def test_a_post_on_saturday_evening_is_outside_the_posting_hours(client: Client) -> None:
    html = post(
        client,
        "Thank you, parents, for all your support with reading at home this term.",
        at=SATURDAY_EVENING,
    )
    assert "Outside posting hours" in card_titles(html)
    assert "Saturday 7 March 2026, 20:30" in html


def test_a_school_event_may_go_out_on_saturday_evening(client: Client) -> None:
    html = post(
        client,
        "What a performance! Thank you to everyone who came to the summer concert.",
        at=SATURDAY_EVENING,
        exception="school-event",
    )
    assert "Outside posting hours" not in card_titles(html)


def test_names_beside_photos_of_pupils_are_flagged_under_sutton_manor(client: Client) -> None:
    text = "Felix and Hamza painted sunflowers in art today."
    with_photos = post(client, text, preset="sutton-manor", pupil_photos="on")
    without_photos = post(client, text, preset="sutton-manor")
    assert "A pupil&#x27;s name" in with_photos
    assert "A pupil&#x27;s name" not in without_photos


def test_the_counter_uses_the_chosen_policys_limit(client: Client) -> None:
    html = post(client, "A" * 250, preset="sutton-manor")
    assert "of <span data-limit>240</span> characters" in html
    assert "10 over the limit" in html
    assert "Too long" in card_titles(html)


def test_an_empty_post_asks_for_text_instead_of_a_verdict(client: Client) -> None:
    html = post(client, "   ")
    assert "Your result will appear here" in html
    assert "Ready to post" not in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("preset", "hogwarts", "“hogwarts” is not one of the school policies"),
        ("text", "a" * 5001, "A post can be at most 5000 characters; this one has 5001"),
        ("at", "31/02/2026 25:00", "Enter a date and time such as 05/03/2026 09:10"),
        ("exception", "birthday", "Choose one of the reasons in the list"),
    ],
    ids=["unknown preset", "too-long text", "bad time", "unknown exception"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["full page", "htmx"])
def test_invalid_input_shows_a_clear_error(
    client: Client, field: str, value: str, message: str, htmx: bool
) -> None:
    data = {"text": "Well done Year 4!", "preset": "st-catherine", "at": THURSDAY_MORNING, field: value}
    response = client.post(URL, data, **(HTMX if htmx else {}))
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Can't check this yet" in html
    assert message in html
    assert "Ready to post" not in html


def test_html_in_a_post_is_shown_as_text_not_run(client: Client) -> None:
    html = post(client, '<script>alert("hi")</script> Well done Ruby Ashworth <b>today</b>!')
    assert "<script>alert" not in html
    assert "<b>today</b>" not in html
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in html
    assert ("block", "Ruby Ashworth") in marks(html)


def _finding(start: int, end: int, severity: Severity = Severity.BLOCK, rule: str = "SP999") -> Finding:
    return Finding(rule, "test-rule", "spelling", severity, "message", start, end)


def test_the_marked_pieces_put_back_together_make_the_original_text() -> None:
    text = "Well done Ruby Ashworth, see u at the park"
    findings = (
        _finding(10, 23),
        _finding(15, 23, rule="SP998"),
        _finding(29, 30, Severity.WARN),
        _finding(0, 0),
    )
    pieces = build_pieces(text, build_cards(text, findings))
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, [c.number for c in p.cards]) for p in pieces if p.cards] == [
        ("Ruby ", [1]),
        ("Ashworth", [1, 2]),
        ("u", [3]),
    ]
    assert [p.severity for p in pieces if p.cards] == ["block", "block", "warn"]
    assert [p.ending for p in pieces if p.cards] == [(), (1, 2), (3,)]
