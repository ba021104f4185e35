"""The ``safepost`` command.

``safepost check`` checks posts against a policy (exit 0: pass or warnings only,
1: blocking findings, 2: bad input or usage); ``safepost moderate`` judges incoming
replies, mentions and quotes (exit 0, or 2 on bad input); ``safepost rules`` documents the
rules; ``safepost validate`` checks a policy file; ``safepost serve`` and
``safepost worker`` run the web app and its background worker.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from safepost.policy.findings import ADVICE_CATEGORIES
from safepost.policy.rules.outside_posting_window import EARLIEST_AT, LATEST_AT

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input or usage: printed as one clear message, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"safepost: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _parse_at(value: object, where: str = "--at") -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise UsageError(f"{where}: {_shown(value)} is not an ISO 8601 time such as 2026-03-05T09:10")
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f'{where}: "{value}" is not an ISO 8601 time such as 2026-03-05T09:10') from None
    if not EARLIEST_AT <= at.replace(tzinfo=None) <= LATEST_AT:
        raise UsageError(
            f'{where}: "{value}" is not a time a post can go out; use a year from '
            f"{EARLIEST_AT.year} to {LATEST_AT.year}"
        )
    return at


def _shown(value: object) -> str:
    """A value from the input as JSON, cut short, so a message never repeats 5,000 characters back."""
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 60 else text[:60] + "…"


def _field(item: dict[str, Any], key: str, where: str, max_length: int = 200) -> str | None:
    """A text field of a JSONL line: absent, or a string of sensible length in valid Unicode."""
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UsageError(f'{where}: "{key}" must be text in quotes, not {_shown(value)}')
    if len(value) > max_length:
        raise UsageError(f'{where}: "{key}" is longer than {max_length:,} characters')
    _check_unicode(value, key, where)
    return value


def _check_unicode(value: str, key: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UsageError(
            f'{where}: "{key}" holds a lone surrogate (\\u{ord(value[exc.start]):04x} at character '
            f"{exc.start + 1}), which is not text"
        ) from None


def _item_id(item: dict[str, Any], number: int, where: str) -> str | int:
    """The line's id: text or a whole number (the line number when there is none)."""
    value = item.get("id", number)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise UsageError(f'{where}: "id" must be text or a whole number, not {_shown(value)}')
    if isinstance(value, int) and abs(value) >= 10**18:
        raise UsageError(f'{where}: "id" is a number too large to be an id')
    if isinstance(value, str):
        if len(value) > 200:
            raise UsageError(f'{where}: "id" is longer than 200 characters')
        _check_unicode(value, "id", where)
    return value


def _load(policy_name: str, cache: dict[str, Any]) -> Any:
    from safepost.policy.config import load_policy

    if policy_name not in cache:
        cache[policy_name] = load_policy(policy_name)
    return cache[policy_name]


def _roster(path: str | None) -> Any:
    from safepost.policy.roster import Roster, load_roster

    return load_roster(path) if path else Roster()


def _excerpt(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end]
    lo = max(0, start - line_start - 30)
    hi = min(len(line), end - line_start + 30)
    shown = ("…" if lo else "") + line[lo:hi] + ("…" if hi < len(line) else "")
    pad = (1 if lo else 0) + start - line_start - lo
    return f"    {shown}\n    {' ' * pad}{'^' * max(1, end - start)}"


def _print_report(report: Any, text: str, out: TextIO) -> None:
    for f in report.findings:
        where = f"{f.start + 1}-{f.end}" if f.end > f.start else "-"
        print(f"{where} {f.rule} {f.name} [{f.category}, {f.severity}]: {f.message}", file=out)
        if f.end > f.start:
            print(_excerpt(text, f.start, f.end), file=out)
        if f.suggestion:
            print(f"    instead: {f.suggestion}", file=out)
    blocking = len(report.blocking)
    warnings = len(report.findings) - blocking
    print(f"verdict: {report.verdict} ({blocking} blocking, {warnings} warning(s))", file=out)


def _report_json(report: Any, item_id: Any = None) -> dict[str, Any]:
    """A report as JSON: ``findings`` carry only the contract's categories (shared/eval/README.md);
    advice a school switched on for clauses of its own (tone, key information, copyright) is listed
    under ``advice``, and counts towards the verdict like any warning."""
    data: dict[str, Any] = {
        "verdict": str(report.verdict),
        "findings": [f.to_dict() for f in report.findings if f.category not in ADVICE_CATEGORIES],
    }
    advice = [f.to_dict() for f in report.findings if f.category in ADVICE_CATEGORIES]
    if advice:
        data["advice"] = advice
    if item_id is not None:
        data = {"id": item_id, **data}
    return data


def cmd_check(args: argparse.Namespace) -> int:
    """Check one post, or a JSONL file of posts."""
    from safepost.policy.checker import Checker
    from safepost.policy.rules.base import Post

    roster = _roster(args.roster)
    policies: dict[str, Any] = {}
    checkers: dict[str, Any] = {}

    def checker_for(name: str) -> Any:
        if name not in checkers:
            checkers[name] = Checker(_load(name, policies), roster)
        return checkers[name]

    if args.jsonl:
        return _check_jsonl(args, checker_for)
    if args.text is None:
        raise UsageError('give the post text, e.g. safepost check "Well done Year 4!" --policy st-catherine')
    if not args.policy:
        raise UsageError(
            "--policy is needed: a preset name (st-catherine, no-names-no-faces, rackham, "
            "sutton-manor, courtney) or a policy file"
        )
    text = sys.stdin.read() if args.text == "-" else args.text
    _check_unicode(text, "text", "the post")
    post = Post(
        text, at=_parse_at(args.at), exception=args.exception, role=args.role, pupil_photos=args.photos
    )
    report = checker_for(args.policy).check(post)
    if args.format == "json":
        print(json.dumps(_report_json(report), ensure_ascii=False, indent=2))
    else:
        _print_report(report, text, sys.stdout)
    return EXIT_BLOCKED if report.blocking else EXIT_OK


def _stdin_bytes() -> Any:
    """Standard input as bytes (a test's StringIO has no ``buffer``: encode its lines)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _jsonl_objects(name: str) -> Iterator[tuple[int, str, dict[str, Any] | UsageError]]:
    """Each non-blank line of a ``--jsonl`` file (``-``: standard input) as (line number, "file:line",
    the JSON object), or the :class:`UsageError` that says why the line is not one."""
    path = Path(name)
    try:
        stream = _stdin_bytes() if name == "-" else path.open("rb")
    except OSError as exc:
        raise UsageError(f"{name}: cannot read the file: {exc.strerror}") from None
    with stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{name}:{number}"
            try:
                yield number, where, _json_object(raw, number, where)
            except UsageError as exc:
                yield number, where, exc


def _json_object(raw: bytes, number: int, where: str) -> dict[str, Any]:
    """One line as a JSON object, or a :class:`UsageError` saying what is wrong with it."""
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{where}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8") from None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise UsageError(f"{where}: lists or objects are nested too deeply") from None
    except ValueError:  # Python reads whole numbers of at most 4,300 digits
        raise UsageError(f"{where}: a number in the line is too long (more than 4,300 digits)") from None
    if not isinstance(item, dict):
        raise UsageError(f"{where}: each line must be a JSON object")
    return item


def _check_jsonl(args: argparse.Namespace, checker_for: Any) -> int:
    from safepost.policy.config import EXCEPTION_KINDS, PolicyError
    from safepost.policy.rules.base import Post

    status = EXIT_OK
    out = sys.stdout
    for number, where, item in _jsonl_objects(args.jsonl):
        item_id: Any = None
        try:
            if isinstance(item, UsageError):
                raise item
            item_id = _item_id(item, number, where)
            policy = _field(item, "policy", where) or args.policy
            if not policy:
                raise UsageError(f'{where}: no "policy" in the line and no --policy given')
            text = item.get("text")
            if not isinstance(text, str):
                raise UsageError(f'{where}: "text" must be a string')
            _check_unicode(text, "text", where)
            exception = _field(item, "exception", where)
            if exception is not None and exception not in EXCEPTION_KINDS:
                raise UsageError(
                    f'{where}: exception "{exception}" is not one of ' + ", ".join(EXCEPTION_KINDS)
                )
            media = item.get("media") or []
            if not isinstance(media, list) or not all(isinstance(m, str) for m in media):
                raise UsageError(f'{where}: "media" must be a list of image paths')
            pupil_photos = item.get("pupil_photos", bool(media))
            if not isinstance(pupil_photos, bool):
                raise UsageError(f'{where}: "pupil_photos" must be true or false')
            post = Post(
                text,
                at=_parse_at(item.get("at"), f"{where}: at"),
                exception=exception,
                role=_field(item, "role", where),
                media=tuple(media),
                pupil_photos=pupil_photos,
            )
            try:
                checker = checker_for(policy)
            except PolicyError as exc:
                raise UsageError(f"{where}: {exc}") from None
            report = checker.check(post)
        except (UsageError, PolicyError) as exc:
            print(f"safepost: {exc}", file=sys.stderr)
            out.write(
                json.dumps(
                    {"id": item_id, "verdict": "error", "error": str(exc), "findings": []},
                    ensure_ascii=False,
                )
                + "\n"
            )
            status = EXIT_USAGE
            continue
        out.write(json.dumps(_report_json(report, item_id), ensure_ascii=False) + "\n")
        if report.blocking and status == EXIT_OK:
            status = EXIT_BLOCKED
    return status


_LABEL_TEXT = {
    "positive": "positive: praise, thanks or celebration",
    "neutral": "neutral: a question, information or chit-chat",
    "undermining": "undermining: meant to lower trust in the school, its staff or parents",
    "offensive": "offensive: profane, abusive, discriminatory or sexual language",
    "threat": "threat: violence, self-harm, grooming-like contact or where someone can be found",
    "spam": "spam: a scam, adult or gambling link, or unsolicited selling",
}


def _moderation_options(args: argparse.Namespace) -> dict[str, Any]:
    names: list[str] = []
    for value in args.known_name or []:
        names.extend(n.strip() for n in value.split(",") if n.strip())
    return {"known_names": tuple(names), "school_handles": tuple(args.school_handle or [])}


def _judgement_json(judgement: Any, item_id: Any) -> dict[str, Any]:
    return {"id": item_id, **judgement.to_dict()}


def _print_judgement(judgement: Any, item: Any, out: TextIO) -> None:
    from safepost.policy.moderation import ACTION_TEXT

    print(f"label: {_LABEL_TEXT[judgement.label]}", file=out)
    if judgement.escalate:
        named = f" (names {', '.join(judgement.names)})" if judgement.names else ""
        print(f"escalate: yes{named}", file=out)
    else:
        print("escalate: no", file=out)
    print(f"action: {judgement.action}: {ACTION_TEXT[judgement.action]}", file=out)
    if not judgement.reasons:
        print("why: nothing in it matched a rule", file=out)
        return
    print("why:", file=out)
    for r in judgement.reasons:
        source = item.text if r.field == "text" else item.author_bio
        where = "the author's bio" if r.field == "author_bio" else "the text"
        span = (
            f" {r.start + 1}-{r.end}" if r.start is not None and r.end is not None and r.end > r.start else ""
        )
        print(f"  {r.code} ({where}{span}): {r.message}", file=out)
        if r.start is not None and r.end is not None and r.end > r.start:
            print(_excerpt(source, r.start, r.end), file=out)


def cmd_moderate(args: argparse.Namespace) -> int:
    """Judge one incoming reply, or a JSONL file of them (the evaluation contract)."""
    from safepost.policy.moderation import Item, classify

    options = _moderation_options(args)
    if args.jsonl:
        return _moderate_jsonl(args, options)
    if args.text is None:
        raise UsageError(
            'give the reply text, e.g. safepost moderate "Well done Year 4!" --bio "Mum of two", '
            "or --jsonl FILE"
        )
    text = sys.stdin.read() if args.text == "-" else args.text
    item = Item(
        text=text,
        platform=args.platform or "",
        kind=args.kind,
        author_handle=args.handle or "",
        author_bio=args.bio or "",
        in_reply_to=args.reply_to,
    )
    judgement = classify(item, **options)
    if args.format == "json":
        print(json.dumps(judgement.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_judgement(judgement, item, sys.stdout)
    return EXIT_OK


_ITEM_STRINGS = ("platform", "kind", "author_handle", "author_bio")


def _moderate_jsonl(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from safepost.policy.moderation import Item, classify

    status = EXIT_OK
    out = sys.stdout
    for number, where, data in _jsonl_objects(args.jsonl):
        item_id: Any = None
        try:
            if isinstance(data, UsageError):
                raise data
            item_id = _item_id(data, number, where)
            if not isinstance(data.get("text"), str):
                raise UsageError(f'{where}: "text" must be a string')
            _check_unicode(data["text"], "text", where)
            for key in _ITEM_STRINGS:
                if data.get(key) is not None and not isinstance(data[key], str):
                    raise UsageError(f'{where}: "{key}" must be a string')
            reply_to = data.get("in_reply_to")
            if reply_to is not None and not isinstance(reply_to, str):
                raise UsageError(f'{where}: "in_reply_to" must be a string or null')
            item = Item(
                text=data["text"],
                platform=data.get("platform") or "",
                kind=data.get("kind") or "reply",
                author_handle=data.get("author_handle") or "",
                author_bio=data.get("author_bio") or "",
                in_reply_to=reply_to,
            )
        except UsageError as exc:
            print(f"safepost: {exc}", file=sys.stderr)
            out.write(json.dumps({"id": item_id, "error": str(exc)}, ensure_ascii=False) + "\n")
            status = EXIT_USAGE
            continue
        judgement = classify(item, **options)
        out.write(json.dumps(_judgement_json(judgement, item_id), ensure_ascii=False) + "\n")
    return status


def cmd_rules(args: argparse.Namespace) -> int:
    """List the rules, or print one rule's documentation."""
    from safepost.policy.registry import all_rules, get_rule, photo_rules, text_rules

    if args.markdown:
        from safepost.policy.reference import rules_markdown

        sys.stdout.write(rules_markdown())
        return EXIT_OK
    if args.code:
        rule = get_rule(args.code)
        if rule is None:
            import difflib

            keys = [r.code for r in all_rules()] + [r.name for r in all_rules()]
            close = difflib.get_close_matches(args.code, keys, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise UsageError(f'no rule "{args.code}"{hint}; `safepost rules` lists them')
        sections = rule.doc_sections()
        print(f"{rule.code} {rule.name}  [category {rule.category}, default {rule.default_severity}]")
        print()
        print(sections.get("summary", ""))
        for heading in ("What it flags", "Why it matters", "Example", "Use instead"):
            print(f"\n{heading}:")
            for line in sections.get(heading, "").splitlines():
                print(f"    {line}" if line else "")
        return EXIT_OK
    for rule in text_rules():
        print(f"{rule.code}  {rule.name:24} {rule.category:18} {rule.summary()}")
    print("\nPhoto rules (the app checks a post's photos with these):")
    for rule in photo_rules():
        print(f"{rule.code}  {rule.name:24} {rule.category:18} {rule.summary()}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate policy files (or presets)."""
    from safepost.policy.config import load_policy

    for name in args.policies:
        policy = load_policy(name)
        print(f"{name}: valid ({policy.school.name})")
    return EXIT_OK


def cmd_policy_format(args: argparse.Namespace) -> int:
    """Print the policy file format reference (Markdown)."""
    from safepost.policy.config import format_reference

    print(format_reference())
    return EXIT_OK


def _django(argv: list[str]) -> int:
    """Hand over to Django's own command line (``python -m django``) in this process's place.

    The engine never imports Django: the web app's commands run as Django runs them, with the
    project's settings.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "django", *argv])


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = _Parser(prog="safepost", description="Safeguarding-first social media for schools.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check a post (or a JSONL file of posts) against a policy")
    check.add_argument("text", nargs="?", help='the post text, or "-" to read it from standard input')
    check.add_argument("--policy", help="a preset name or a policy TOML file")
    check.add_argument("--roster", help="the pupil roster CSV")
    check.add_argument("--at", help="when the post would go out (ISO 8601; no offset means school time)")
    check.add_argument(
        "--exception", choices=["school-event", "urgent-news"], help="post outside the window for this reason"
    )
    check.add_argument("--role", help="the writer's role, for exceptions limited to some roles")
    check.add_argument("--photos", action="store_true", help="the post carries photos of pupils")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--jsonl", help="check every line of this JSONL file (the evaluation contract)")
    check.set_defaults(func=cmd_check)

    moderate = sub.add_parser(
        "moderate", help="judge an incoming reply, mention or quote (or a JSONL file of them)"
    )
    moderate.add_argument("text", nargs="?", help='the reply text, or "-" to read it from standard input')
    moderate.add_argument("--bio", help="the author's profile bio")
    moderate.add_argument("--handle", help="the author's handle")
    moderate.add_argument("--reply-to", help="the school's post it answers or quotes")
    moderate.add_argument("--platform", choices=["x", "bluesky", "mastodon"])
    moderate.add_argument("--kind", choices=["reply", "quote", "mention"], default="reply")
    moderate.add_argument(
        "--known-name",
        action="append",
        help="a staff, governor or pupil name (or several, comma-separated) that escalates when named",
    )
    moderate.add_argument("--school-handle", action="append", help="the school's own handle")
    moderate.add_argument("--format", choices=["text", "json"], default="text")
    moderate.add_argument("--jsonl", help="judge every line of this JSONL file (the evaluation contract)")
    moderate.set_defaults(func=cmd_moderate)

    rules = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    rules.add_argument("code", nargs="?", help="a rule code (SP101) or name (pupil-surname)")
    rules.add_argument("--markdown", action="store_true", help="print the whole reference as Markdown")
    rules.set_defaults(func=cmd_rules)

    validate = sub.add_parser("validate", help="validate policy files")
    validate.add_argument("policies", nargs="+", metavar="POLICY")
    validate.set_defaults(func=cmd_validate)

    fmt = sub.add_parser("policy-format", help="print the policy file format reference")
    fmt.set_defaults(func=cmd_policy_format)

    for name, help_text in (
        ("serve", "run the web app (Django runserver)"),
        ("worker", "run the background task worker"),
        ("manage", "run a Django management command"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("args", nargs=argparse.REMAINDER)
        p.set_defaults(func=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``safepost`` console script."""
    from safepost.policy.config import PolicyError
    from safepost.policy.roster import RosterError

    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _django(["runserver", *(args.args or ["127.0.0.1:8000"])])
        if args.command == "worker":
            if os.environ.get("SAFEPOST_TASKS") == "celery":
                # A trust's set-up: Celery workers instead of the database worker.
                os.execvp("celery", ["celery", "-A", "config", "worker", "-l", "info", *args.args])
            return _django(["worker", *args.args])
        if args.command == "manage":
            return _django(args.args)
        return int(args.func(args))
    except (UsageError, PolicyError, RosterError) as exc:
        print(f"safepost: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
