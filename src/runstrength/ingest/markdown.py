"""Markdown to plain lines: markers go, structure stays.

Used for .md articles and for trafilatura's Markdown rendering of HTML pages.
Headings, list items, paragraphs and table rows each stay on their own line
(the extractor finds titles, sections and exercises by line layout), list
items keep a "- " or "1. " marker so they still read as list items, and
emphasis, code and link syntax are dropped so the published text reads like
prose. Runs of blank lines collapse to one.
"""
from __future__ import annotations

import re

_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_RE = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
# A thematic break or a setext heading underline: only layout, no words.
_RULE_RE = re.compile(r"^\s{0,3}(?:(?:[-*_=]\s*){3,}|={1,})$")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE_RE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET_RE = re.compile(r"^(\s*)[*+•]\s+")
_INLINE_RE = re.compile(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"  # an escaped punctuation character is literal
    r"|!?\[(?P<link>[^\]\n]*)\]\([^)\n]*\)"  # [text](url) and ![alt](src) keep their text
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+)>"
    r"|`+"  # code span markers
    r"|\*\*|__"  # strong
    r"|(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])"  # *em*, but not "3 * 10" or "3*10"
    r"|(?<![\w\\])_(?=[^\s_])|(?<=[^\s_\\])_(?!\w)"  # _em_, but not snake_case
)


def _inline(line: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group("esc") is not None:
            return m.group("esc")
        if m.group("link") is not None:
            return _INLINE_RE.sub(sub, m.group("link"))
        if m.group("auto") is not None:
            return m.group("auto")
        return ""

    return _INLINE_RE.sub(sub, line)


def render_lines(markdown: str) -> str:
    """Plain text of `markdown` with one line per heading, list item, paragraph line or table row."""
    out: list[str] = []
    in_code = False
    for raw in markdown.split("\n"):
        if _FENCE_RE.match(raw):
            in_code = not in_code
            continue
        if in_code:
            out.append(raw.rstrip())
            continue
        line = raw.rstrip()
        if _RULE_RE.match(line) or _TABLE_SEP_RE.match(line):
            line = ""
        else:
            line = _QUOTE_RE.sub("", line)
            m = _ATX_RE.match(line)
            if m:
                line = m.group(1)
            else:
                line = _BULLET_RE.sub(r"\1- ", line)
            line = _inline(line).rstrip()
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""
