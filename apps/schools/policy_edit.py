"""Editing a school's policy text: targeted changes, diffs, and where a key sits in the file.

The settings page changes a handful of keys from a form. Rewriting the whole
file would lose the comments that tie each setting to its clause, so
:func:`set_values` edits the lines that hold those keys and leaves the rest
of the text exactly as the school wrote it. Every edit is checked by parsing
the result: if the file is laid out in a way this cannot change safely
(inline tables, dotted keys), it says so and nothing is changed.
"""

from __future__ import annotations

import difflib
import html
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from safepost.policy.config import format_reference

#: A key path: the table names then the key, e.g. ("posting_window", "start").
KeyPath = tuple[str, ...]
#: Put this as a value in :func:`set_values` to remove a whole table.
REMOVE = object()

_HEADER = re.compile(r"^\s*\[(?!\[)(?P<name>[^\[\]]+)\]\s*(?:#.*)?$")
_ARRAY_HEADER = re.compile(r"^\s*\[\[")
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z0-9_-]+|\"[^\"]*\")\s*=")


class EditError(Exception):
    """The change cannot be made to this file by the form; edit the text instead."""


def _split_name(name: str) -> KeyPath:
    parts = []
    for raw in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', name):
        part = raw.strip()
        if part[:1] in "\"'" and part[-1:] == part[:1]:
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def toml_value(value: Any) -> str:
    """A Python value written as TOML (strings, whole numbers, booleans, times, lists)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


@dataclass
class _Table:
    path: KeyPath
    header: int  # line index of the [header], -1 for the top level
    end: int  # index one past the table's last line
    keys: dict[str, tuple[int, int]]  # key -> (first line, line after the value)


def _value_end(lines: list[str], start: int) -> int:
    """Index one past the last line of the value that starts on ``lines[start]``."""
    key_match = _KEY_LINE.match(lines[start])
    assert key_match is not None
    head = "x" + lines[start][key_match.end() - 1 :]
    for stop in range(start + 1, min(len(lines), start + 200) + 1):
        candidate = "\n".join([head, *lines[start + 1 : stop]])
        try:
            tomllib.loads(candidate)
        except tomllib.TOMLDecodeError:
            continue
        return stop
    return start + 1


def _tables(lines: list[str]) -> list[_Table]:
    tables = [_Table((), -1, len(lines), {})]
    i = 0
    while i < len(lines):
        line = lines[i]
        header = _HEADER.match(line)
        if header or _ARRAY_HEADER.match(line):
            tables[-1].end = i
            path = _split_name(header.group("name")) if header else ("[[array]]",)
            tables.append(_Table(path, i, len(lines), {}))
            i += 1
            continue
        key = _KEY_LINE.match(line)
        if key and not line.lstrip().startswith("#"):
            stop = _value_end(lines, i)
            name = key.group("key").strip('"')
            tables[-1].keys[name] = (i, stop)
            i = stop
            continue
        i += 1
    return tables


def _comment_of_value(lines: list[str], start: int, stop: int) -> str:
    """The comment after a value (with the spaces before it), to keep when the value changes."""
    key = _KEY_LINE.match(lines[start])
    assert key is not None
    value_text = "\n".join(["x" + lines[start][key.end() - 1 :], *lines[start + 1 : stop]])
    whole = tomllib.loads(value_text)["x"]
    last_line_at = len(value_text) - len(lines[stop - 1]) if stop - 1 > start else 0
    for match in re.finditer("#", value_text):
        if match.start() < last_line_at:
            continue
        before = value_text[: match.start()]
        try:
            if tomllib.loads(before).get("x") != whole:
                continue
        except tomllib.TOMLDecodeError:
            continue
        return value_text[len(before.rstrip()) :]
    return ""


def _lookup(data: dict[str, Any], path: KeyPath) -> Any:
    node: Any = data
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return REMOVE
        node = node[part]
    return node


def _same(written: Any, wanted: Any) -> bool:
    if isinstance(wanted, time):
        return written == f"{wanted:%H:%M}"
    if isinstance(wanted, tuple):
        return written == list(wanted)
    return bool(written == wanted)


def set_values(text: str, changes: dict[KeyPath, Any]) -> str:
    """``text`` with each key path set to its value (or its table removed for :data:`REMOVE`).

    Comments and everything not named in ``changes`` are kept as they were.
    Raises :class:`EditError` when the file's layout does not allow a safe edit.
    """
    lines = text.split("\n")
    for path, value in changes.items():
        tables = _tables(lines)
        if value is REMOVE:
            lines = _remove_table(lines, tables, path)
            continue
        table_path, key = path[:-1], path[-1]
        table = next((t for t in tables if t.path == table_path), None)
        new_line = f"{key} = {toml_value(value)}"
        if table is None:
            lines = _insert_table(lines, tables, table_path, new_line)
        elif key in table.keys:
            start, stop = table.keys[key]
            indent = _KEY_LINE.match(lines[start])
            comment = _comment_of_value(lines, start, stop)
            lines[start:stop] = [(indent.group("indent") if indent else "") + new_line + comment]
        else:
            last = max((stop for _, stop in table.keys.values()), default=table.header + 1)
            lines.insert(last, new_line)
    result = "\n".join(lines)
    try:
        data = tomllib.loads(result)
    except tomllib.TOMLDecodeError as exc:
        raise EditError(f"the form could not change the policy text safely ({exc})") from None
    for path, value in changes.items():
        written = _lookup(data, path)
        ok = written is REMOVE if value is REMOVE else _same(written, value)
        if not ok:
            raise EditError(
                f"the policy text sets {'.'.join(path)} in a way the form cannot change; edit it in the text below"
            )
    return result


def _insert_table(lines: list[str], tables: list[_Table], path: KeyPath, first_line: str) -> list[str]:
    """Add ``[path]`` with one key, after the tables it belongs with (else at the end)."""

    def shared(t: _Table) -> int:
        n = 0
        while n < min(len(t.path), len(path)) and t.path[n] == path[n]:
            n += 1
        return n

    best = max((shared(t) for t in tables if t.header >= 0), default=0)
    after = [t for t in tables if t.header >= 0 and best and shared(t) == best]
    at = after[-1].end if after else len(lines)
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    lines[at:at] = ["", f"[{'.'.join(path)}]", first_line]
    return lines


def _remove_table(lines: list[str], tables: list[_Table], path: KeyPath) -> list[str]:
    doomed = [t for t in tables if t.path[: len(path)] == path and t.header >= 0]
    for table in sorted(doomed, key=lambda t: t.header, reverse=True):
        end = table.end
        while end > table.header + 1 and not lines[end - 1].strip():
            end -= 1
        del lines[table.header : end]
        # Drop a blank line left doubled by the removal.
        at = table.header
        if 0 < at < len(lines) and not lines[at].strip() and not lines[at - 1].strip():
            del lines[at]
    return lines


def locate(text: str, key_path: str) -> int | None:
    """The line number (from 1) where ``key_path`` (``"posting_window.start"``) is set, if found.

    An unknown key is found too, so a problem can point at the line to fix;
    a table path points at its header.
    """
    lines = text.split("\n")
    try:
        tables = _tables(lines)
    except AssertionError:  # pragma: no cover - the key regex always matches there
        return None
    path = _split_name(re.sub(r"\[\d+\]$", "", key_path))
    for table in tables:
        if table.path == path and table.header >= 0:
            return table.header + 1
        if table.path == path[:-1] and path[-1] in table.keys:
            return table.keys[path[-1]][0] + 1
    # A table given inline or as a prefix: fall back to the nearest enclosing table.
    for cut in range(len(path) - 1, 0, -1):
        for table in tables:
            if table.path == path[:cut] and table.header >= 0:
                return table.header + 1
    return None


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: data}


def _shown(value: Any) -> str:
    if value is REMOVE:
        return "(not set)"
    return toml_value(value) if isinstance(value, (bool, int, str, list)) else str(value)


@dataclass(frozen=True)
class Change:
    """One setting that differs between two versions of a policy."""

    key: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.key}: {self.before} → {self.after}"


def changes_between(old_text: str, new_text: str) -> list[Change]:
    """Every setting that differs between two policy texts (both must be valid TOML)."""
    old = _flatten(tomllib.loads(old_text))
    new = _flatten(tomllib.loads(new_text))
    out = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key, REMOVE), new.get(key, REMOVE)
        if before != after:
            out.append(Change(key, _shown(before), _shown(after)))
    return out


def diff_summary(old_text: str, new_text: str, limit: int = 6) -> str:
    """A one-line summary of what changed, for the audit log."""
    changes = changes_between(old_text, new_text)
    if not changes:
        return "comments or layout only" if old_text != new_text else "no changes"
    shown = "; ".join(str(c) for c in changes[:limit])
    more = len(changes) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def unified_diff(old_text: str, new_text: str, max_chars: int = 20000) -> str:
    """The text difference, as ``diff -u`` shows it (cut at ``max_chars``)."""
    diff = "\n".join(
        difflib.unified_diff(
            old_text.splitlines(), new_text.splitlines(), "before", "after", lineterm="", n=1
        )
    )
    return diff if len(diff) <= max_chars else diff[:max_chars] + "\n… (cut)"


def _inline(text: str) -> str:
    """Markdown inline code and escaping, for the reference's short cells."""
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) >= 2:
            out.append(f"<code>{html.escape(part[1:-1])}</code>")
        else:
            out.append(html.escape(part.replace("\\|", "|")))
    return "".join(out)


@lru_cache(maxsize=1)
def reference_html() -> SafeString:
    """The generated policy format reference as HTML (headings, paragraphs and tables)."""
    out: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        head, *body = rows
        out.append('<table class="school-reference__table"><thead><tr>')
        out.extend(f'<th scope="col">{_inline(c)}</th>' for c in head)
        out.append("</tr></thead><tbody>")
        for row in body:
            out.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>")
        out.append("</tbody></table>")
        rows.clear()

    for line in format_reference().splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if not all(set(c) <= {"-", ":"} for c in cells):
                rows.append(cells)
            continue
        flush()
        if line.startswith("## "):
            out.append(f"<h3>{_inline(line[3:])}</h3>")
        elif line.startswith("# "):
            continue  # the page supplies its own heading
        elif line.strip():
            out.append(f"<p>{_inline(line)}</p>")
    flush()
    return mark_safe("\n".join(out))
