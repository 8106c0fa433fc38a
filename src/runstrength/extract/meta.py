"""Article-level facts: title, organization, author.

Titles come from the layout (the first heading-like line that reads like a
title); organization and author from the phrases writers use to name them
("At X Clinic, we ...", "founder of X", "About the author" blocks, sign-offs).
"""
from __future__ import annotations

import re

from runstrength.extract.gates import literal_gate
from runstrength.extract.text import Line, structure_lexicon

_SENT_END = (".", "!", "?", ",", ";")
_TOPIC_RE = re.compile(
    r"\b(strength|strengthening|exercises?|workouts?|routines?|training|program(me)?s?|protocol|plan|core|"
    r"runners?|running|mobility|stretch(es|ing)?|plyometrics?|rehab|circuit|session|moves|drills|"
    r"squats?|lunges?|planks?|kettlebells?|dumbbells?|body|legs?|glutes?|hips?|knees?)\b",
    re.I,
)
_NAME = r"(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,2}"
_NAME_RE = re.compile(rf"^(?P<name>{_NAME})")
_BYLINE_RE = re.compile(rf"^(?:written\s+by|posted\s+by|by|author:?)\s+(?P<name>{_NAME})", re.I)
_ORG_WORD = r"(?:[A-Z][\w&'’.-]*|&|of|in|and|the|for|at)"


_ABBREV_END = re.compile(r"\b(Co|Inc|Ltd|LLC|Corp|Dr|St|PT|DPT|PhD|Jr|Sr)\.$")


def is_titleish(line: Line, boiler: bool) -> bool:
    words = line.words
    text = line.text.rstrip()
    return (
        not boiler
        and not line.bullet
        and 1 <= len(words) <= 16
        and (not text.endswith(_SENT_END) or bool(_ABBREV_END.search(text)) and len(words) <= 6)
        and any(c.isalpha() for c in line.text)
    )


def find_title(lines: list[Line], boiler: list[bool], limit: int = 6, is_exercise=lambda text: False) -> Line | None:
    """First title-like line near the top; a topical line beats a site tagline just above it."""
    candidates = []
    for line, is_boiler in zip(lines[:limit], boiler[:limit]):
        if is_boiler:
            continue
        if not is_titleish(line, False):
            break  # prose before any heading: the page lost its title
        candidates.append(line)
        if len(candidates) == 2:
            break
    if not candidates:
        return None
    if len(candidates) == 2 and not _TOPIC_RE.search(candidates[0].text) and _TOPIC_RE.search(candidates[1].text) \
            and not is_exercise(candidates[1].text):
        return candidates[1]
    return candidates[0]


def _org_phrase(text: str, start: int) -> str | None:
    """Longest title-case phrase starting at `start` that ends on an organisation head word."""
    heads = {h.lower() for h in structure_lexicon()["organization_heads"]}
    tokens = re.findall(r"[A-Za-z][\w&'’.-]*|&", text[start:start + 120])
    best = None
    phrase: list[str] = []
    for tok in tokens[:8]:
        if not (tok[0].isupper() or tok in {"&", "of", "in", "and", "the", "for"}):
            break
        phrase.append(tok)
        if tok[0].isupper() and len(phrase) >= 2 and (tok.lower().rstrip(".,") in heads or best is None):
            best = " ".join(phrase)
    return best if best and any(w.lower().rstrip(".,") in heads for w in best.split()) else None


_ORG_CUES = [
    re.compile(r"\b(?:founder|owner|director|co-founder|head coach|physiotherapist|physical therapist|coach) (?:of|at) (?=[A-Z])"),
    re.compile(r"(?:^|[.!?]\s+)At (?=[A-Z])", re.M),
    re.compile(r"\b(?:here at|team at|we at|us at|visit us at|welcome to) (?=[A-Z])", re.I),
]
# Each cue with the words one of which every match of it contains ("founder", "At ", "welcome to"...):
# most articles have none of a cue's words, and substring tests rule it out faster than a scan.
_GATED_ORG_CUES = [(literal_gate(rx), rx) for rx in _ORG_CUES]


def find_organization(text: str) -> str | None:
    for gate, rx in _GATED_ORG_CUES:
        if gate is not None and not gate(text):
            continue
        for m in rx.finditer(text):
            org = _org_phrase(text, m.end())
            if org:
                return org.rstrip(".,")
    return None


def find_author(lines: list[Line], original: str) -> str | None:
    lex = structure_lexicon()
    vale = tuple(v.lower() for v in lex["valedictions"])
    for i, line in enumerate(lines):
        low = line.text.lower().strip()
        m = _BYLINE_RE.match(line.text.strip())
        if m and len(line.words) <= 8:
            return original[line.start + m.start("name"): line.start + m.end("name")]
        if low.rstrip(":") in ("about the author", "about the writer", "meet the author") and i + 1 < len(lines):
            nxt = lines[i + 1]
            m = _NAME_RE.match(nxt.text)
            if m:
                return original[nxt.start: nxt.start + m.end("name")]
        if low.rstrip(",!").strip() in vale and i + 1 < len(lines):
            nxt = lines[i + 1]
            m = _NAME_RE.match(nxt.text.strip())
            if m and len(nxt.words) <= 5:
                return original[nxt.start: nxt.start + m.end("name")].strip()
    return None
