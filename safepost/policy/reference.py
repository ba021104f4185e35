"""The rule reference (``docs/rules.md``), generated from the rules' docstrings."""

from __future__ import annotations

from collections.abc import Sequence

from safepost.policy.config import PRESETS_DIR, load_policy
from safepost.policy.registry import all_rules, photo_rules, text_rules
from safepost.policy.rules.base import Rule


def rules_markdown() -> str:
    """Every rule's documentation as Markdown, with the presets that turn it on."""
    presets = [load_policy(p.stem) for p in sorted(PRESETS_DIR.glob("*.toml"))]
    out = [
        "# Rule reference",
        "",
        "Generated from the rules' documentation (`safepost rules --markdown`). Each rule has a "
        "stable code, a name, the finding category it reports (the public contract of "
        "`safepost check`) and a default severity; a policy file turns rules on and may override "
        "their severity under `[rules.CODE]`.",
        "",
        "| code | name | category | presets that use it |",
        "|---|---|---|---|",
    ]

    def table(rules: Sequence[Rule]) -> None:
        for rule in rules:
            using = ", ".join(f"`{p.name}` ({rule.severity(p)})" for p in presets if rule.severity(p))
            out.append(
                f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` | "
                f"`{rule.category}` | {using or 'none'} |"
            )

    table(text_rules())
    out.extend(
        [
            "",
            "## Photo rules",
            "",
            "The app checks the photos of a post with these, from what it knows about each photo: the "
            "faces found, who the writer tagged, which faces are blurred, the description and the "
            "unsuitable-image score (`safepost.photos.policy`). They are in the one rule registry, and a "
            "policy file sets them under `[rules.CODE]` as any other; they are not part of "
            "`safepost check`, which checks text, so their categories are their own.",
            "",
            "| code | name | category | presets that use it |",
            "|---|---|---|---|",
        ]
    )
    table(photo_rules())
    for rule in all_rules():
        sections = rule.doc_sections()
        out.extend(
            [
                "",
                f"## {rule.code} {rule.name}",
                "",
                sections.get("summary", ""),
                "",
                f"Category `{rule.category}`, default severity `{rule.default_severity}`.",
            ]
        )
        for heading in ("What it flags", "Why it matters", "Example", "Use instead"):
            body = sections.get(heading, "")
            out.extend(["", f"### {heading}", ""])
            if heading in ("Example", "Use instead"):
                out.extend(f"> {line}" if line else ">" for line in body.splitlines())
            else:
                out.append(body)
    return "\n".join(out) + "\n"
