"""Acting on items: evidence first, as the policy and the platform allow, always audited."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

import pytest

from apps.audit.actions import verify_school
from apps.audit.models import AuditEntry
from apps.moderation import actions, evidence, ingest
from apps.moderation.models import Evidence, InboxItem, ModerationAction
from apps.moderation.tests.conftest import FakeReader, School, incoming, make_school, page
from apps.platforms.base import PermanentError, UnsupportedError
from apps.schools.models import Membership


def _item(world: School, reader: FakeReader, *args: Any, **kwargs: Any) -> InboxItem:
    reader.pages = [page(incoming(*args, **kwargs))]
    ingest.ingest(world.connection.pk)
    return InboxItem.objects.order_by("-pk").first()  # type: ignore[return-value]


def _member(world: School, user: Any) -> Membership:
    return Membership.objects.get(user=user, school=world.p.school)


def test_hiding_a_bluesky_reply_keeps_the_evidence_first_and_hides_it_under_the_root(
    world: School, reader: FakeReader
) -> None:
    item = _item(world, reader, "at://p/app.bsky.feed.post/1", "Shocking school")
    done = actions.act(item, _member(world, world.p.head), "hide")
    assert reader.done == [
        ("hide_reply", ("at://p/app.bsky.feed.post/1", "at://did:plc:school/app.bsky.feed.post/1"))
    ]
    kept = Evidence.objects.get(item=item)
    assert done.evidence == kept and done.outcome == ModerationAction.Outcome.DONE
    entry = AuditEntry.objects.get(school=world.p.school, action="inbox.hide")
    assert entry.data["evidence_sha256"] == kept.sha256
    assert AuditEntry.objects.get(action="inbox.evidence_kept").seq < entry.seq
    item.refresh_from_db()
    assert item.state == InboxItem.State.DEALT_WITH and "hide" in item.done
    assert verify_school(world.p.school).ok


def test_the_evidence_is_one_zip_with_the_item_its_author_thread_rendered_copy_and_sums(
    world: School, reader: FakeReader
) -> None:
    item = _item(world, reader, "at://p/1", "Nasty words", bio="I say what I like")
    kept = evidence.keep(item, world.p.head, "by hand")
    data = bytes(kept.bundle)
    assert hashlib.sha256(data).hexdigest() == kept.sha256
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {"item.json", "rendered.html", "SHA256SUMS", "README.txt"} <= set(archive.namelist())
    saved = json.loads(archive.read("item.json"))
    assert saved["text"] == "Nasty words"
    assert saved["author"]["bio"] == "I say what I like"
    assert saved["in_reply_to"]["text"] == "Our choir sang at the care home today."
    assert "Nasty words" in archive.read("rendered.html").decode()
    sums = archive.read("SHA256SUMS").decode()
    assert f"{hashlib.sha256(archive.read('item.json')).hexdigest()}  item.json" in sums
    assert f"entry #{kept.audit_seq}" in archive.read("README.txt").decode()


def test_evidence_cannot_be_changed_or_deleted(world: School, reader: FakeReader) -> None:
    kept = evidence.keep(_item(world, reader, "at://p/1"), world.p.head, "by hand")
    kept.reason = "changed"
    with pytest.raises(PermissionError):
        kept.save()
    with pytest.raises(PermissionError):
        kept.delete()


def test_evidence_is_kept_once_however_many_actions_follow(world: School, reader: FakeReader) -> None:
    item = _item(world, reader, "at://p/1")
    actions.act(item, _member(world, world.p.head), "hide")
    actions.act(item, _member(world, world.p.head), "block")
    assert Evidence.objects.filter(item=item).count() == 1
    assert reader.done[1] == ("block", ("did:plc:parent.example",))


def test_x_offers_mute_and_hide_instead_of_block_and_says_why(db: None, reader: FakeReader) -> None:
    world = make_school(slug="xb", kind="x")
    item = _item(world, reader, "1850000000000000001", "Rubbish school")
    options = {o.key: o for o in actions.options(item)}
    assert not options["block"].available and "enterprise" in options["block"].why
    assert options["mute"].available and options["hide"].available
    with pytest.raises(actions.ActionRefused, match="enterprise"):
        actions.act(item, _member(world, world.p.head), "block")
    assert reader.done == []


def test_reporting_on_x_opens_x_s_form_and_records_who_and_when(db: None, reader: FakeReader) -> None:
    world = make_school(slug="xr", kind="x")
    item = _item(world, reader, "1850000000000000002", "Buy followers now")
    option = next(o for o in actions.options(item) if o.key == "report")
    assert option.link.startswith("https://help.x.com/")
    done = actions.act(item, _member(world, world.p.senior), "report")
    assert done.outcome == ModerationAction.Outcome.RECORDED and "Sam Senior" in done.detail
    assert reader.done == []
    assert AuditEntry.objects.filter(action="inbox.report", actor=world.p.senior).exists()


def test_mastodon_cannot_hide_a_reply_and_the_page_offers_block_and_report(
    db: None, reader: FakeReader
) -> None:
    world = make_school(slug="ma", kind="mastodon")
    item = _item(world, reader, "110000000000000001", "Rubbish school")
    options = {o.key: o for o in actions.options(item)}
    assert not options["hide"].available and "Block the author or report" in options["hide"].why
    assert options["block"].available and options["report"].available


def test_a_quote_is_detached_from_the_school_s_post(world: School, reader: FakeReader) -> None:
    item = _item(world, reader, "at://p/q", "Look at this lot", kind="quote")
    actions.act(item, _member(world, world.p.head), "detach")
    assert reader.done == [("detach_quote", ("at://p/q", "at://did:plc:school/app.bsky.feed.post/1"))]


def test_bluesky_reports_carry_the_label_as_the_reason(
    world: School, reader: FakeReader, verdicts: Any
) -> None:
    verdicts["Crypto gains DM me"] = ("spam", False)
    item = _item(world, reader, "at://p/s", "Crypto gains DM me")
    actions.act(item, _member(world, world.p.head), "report")
    name, args = reader.done[0]
    assert name == "report" and args[0] == "at://p/s" and args[2] == "spam"


def test_only_the_school_s_own_posts_can_be_deleted(world: School, reader: FakeReader) -> None:
    theirs = _item(world, reader, "at://p/1")
    assert "delete" not in {o.key for o in actions.options(theirs)}
    reader.pages = [page(incoming("at://did:plc:school/post/2", author="@school.example"))]
    object.__setattr__(reader.pages[0].items[0].author, "external_id", "did:plc:school")
    ingest.ingest(world.connection.pk)
    own = InboxItem.objects.get(external_id="at://did:plc:school/post/2")
    actions.act(own, _member(world, world.p.head), "delete")
    assert reader.done == [("delete", ("at://did:plc:school/post/2",))]
    assert Evidence.objects.filter(item=own).exists()


def test_who_may_act_follows_the_policy_s_handlers(db: None, reader: FakeReader) -> None:
    # Courtney: the headteacher or the computing subject leader (COU-11).
    world = make_school(preset="courtney", slug="cou")
    item = _item(world, reader, "at://p/1", "Horrible post")
    with pytest.raises(actions.ActionRefused, match="headteacher, computing lead"):
        actions.act(item, _member(world, world.p.senior), "report")
    actions.act(item, _member(world, world.p.computing), "report")
    assert reader.done[0][0] == "report"


def test_the_safeguarding_lead_may_act_whatever_the_policy_lists(world: School, reader: FakeReader) -> None:
    item = _item(world, reader, "at://p/1")
    actions.take(item, _member(world, world.dsl))
    item.refresh_from_db()
    assert item.taken_by == world.dsl and not item.pinned


def test_a_platform_refusal_is_recorded_and_explained(world: School, reader: FakeReader) -> None:
    reader.refuse["block"] = PermanentError("Bluesky refused the request.", platform_text="RepoNotFound")
    item = _item(world, reader, "at://p/1")
    with pytest.raises(actions.ActionRefused, match="RepoNotFound"):
        actions.act(item, _member(world, world.p.head), "block")
    failed = ModerationAction.objects.get(item=item)
    assert failed.outcome == ModerationAction.Outcome.FAILED
    assert AuditEntry.objects.filter(action="inbox.block_failed").exists()
    item.refresh_from_db()
    assert "block" not in item.done


def test_an_action_the_platform_cannot_do_is_explained_with_its_advice(db: None, reader: FakeReader) -> None:
    world = make_school(slug="xm", kind="x")
    reader.refuse["mute"] = UnsupportedError("X would not mute this account", advice="Mute it in the X app")
    item = _item(world, reader, "1850000000000000003")
    with pytest.raises(actions.ActionRefused, match="Mute it in the X app"):
        actions.act(item, _member(world, world.p.head), "mute")
    assert ModerationAction.objects.get(item=item).outcome == ModerationAction.Outcome.FAILED


def test_taking_an_item_twice_is_refused(world: School, reader: FakeReader) -> None:
    item = _item(world, reader, "at://p/1")
    actions.take(item, _member(world, world.p.head))
    with pytest.raises(actions.ActionRefused, match="already"):
        actions.take(item, _member(world, world.p.senior))


def test_only_a_neutral_item_can_be_answered_offline(
    world: School, reader: FakeReader, verdicts: Any
) -> None:
    verdicts["When is sports day?"] = ("neutral", False)
    verdicts["Useless lot"] = ("undermining", False)
    question = _item(world, reader, "at://p/1", "When is sports day?")
    actions.set_state(question, _member(world, world.p.head), InboxItem.State.ANSWERED_OFFLINE)
    assert InboxItem.objects.get(pk=question.pk).state == "answered-offline"
    dig = _item(world, reader, "at://p/2", "Useless lot")
    with pytest.raises(actions.ActionRefused):
        actions.set_state(dig, _member(world, world.p.head), InboxItem.State.ANSWERED_OFFLINE)
