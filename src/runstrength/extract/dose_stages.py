"""What a sentence says around its atoms: each atom's stage, and the facts every mention of it takes.

The stage comes from markers of the atom's clause ("start with", "build up to", "start again at",
"... to start") or a "Progression:" label; per side ("each leg", "switch sides") and the word "hold"
apply sentence-wide, because writers put them anywhere.
"""
from __future__ import annotations

import re
from functools import lru_cache

from runstrength.extract.gates import compile_gated
from runstrength.extract.quantities import CACHE_SIZE, NUM

# "progress to 60 seconds", also "progress to holding for 1 minute", "build to doing 15 reps"
_NUM_NEXT = (rf"\s+(?:(?:holding|hold|doing|do|performing)\s+(?:it\s+|this\s+|them\s+)?(?:for\s+)?)?"
             rf"(?:about\s+|around\s+|a\s+)?(?:{NUM}|half\s+a|a\s+minute)")
_FOLLOWED_BY_NUM = rf"(?={_NUM_NEXT})"
_PREFIX_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("progression", re.compile(
        r"\b(?:start|begin|starting|beginning)\s+(?:again|over)\s*(?:at|with|from)?\b|\brestart\s+(?:at|with)\b"
        # after a harder step, the count starts lower again: "add weight and drop back to 8 reps"
        r"|\bdrop(?:ping)?\s+(?:back\s+)?(?:down\s+)?to\b|\bgo(?:ing)?\s+back\s+(?:down\s+)?to\b"
        # a harder variant and its own count: "progress to single-leg hops for 3 x 10" (with a number
        # right after, "progress to 3 x 12", it is the target of the same exercise)
        rf"|\b(?:progress(?:ing)?|advanc(?:e|ing))\s+(?:up\s+)?(?:on)?to\b(?!{_NUM_NEXT})", re.I)),
    ("target", re.compile(
        r"\bbuild(?:ing)?\s+(?:back\s+)?(?:up\s+)?to\b"
        r"|\bwork(?:ing)?\s+(?:your\s+way\s+|yourself\s+|your\s+self\s+|you\s+way\s+|way\s+)?up\s+to\b"
        r"|\b(?:progress(?:ing)?|advance|advancing|move|moving)\s+(?:up\s+)?(?:to|into|onto)\b" + _FOLLOWED_BY_NUM +
        r"|\buntil\s+you\s+(?:can\s+)?(?:achieve|reach|get\s+to|hit|are\s+able\s+to\s+(?:do|hold|complete))\b"
        r"|\bonce\s+you\s+(?:have\s+|['’]ve\s+|can\s+)?(?:achieved|reached|achieve|reach)\b"
        r"|\bincrease\s+(?:it\s+|this\s+|that\s+|gradually\s+)?(?:up\s+)?to\b"
        r"|\b(?:gradually\s+)?(?:increas(?:e|ing)|extend(?:ing)?)\s+(?:the\s+\w+\s+)?(?:up\s+)?to\b" + _FOLLOWED_BY_NUM +
        r"|\baim(?:ing)?\s+to\s+(?:reach|get\s+to|hit|build\s+to|work\s+up\s+to)\b"
        r"|\bgoal\s+(?:is|of)\b|\beventually\b",
        re.I)),
    ("start", re.compile(
        r"\b(?:start|begin)(?:ing)?\s+(?:out\s+)?(?:with|at|by\s+doing|by\s+holding)\b"
        r"|\bstart(?:ing)?\s+out\b|\binitially\b|\bat\s+first\b"
        r"|^\W*to\s+(?:start|begin)(?:\s+with)?\b",
        re.I)),
]
_POSTFIX_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("start", re.compile(
        r"\bto\s+(?:start|begin)(?:\s+(?:out|off|with))?\b|\bat\s+(?:the\s+)?(?:start|beginning)\b"
        r"|\binitially\b|\bat\s+first\b|\bfor\s+starters\b", re.I)),
    ("target", re.compile(r"\bas\s+(?:a|your)\s+(?:goal|target)\b|\beventually\b", re.I)),
]
# "Progression: 3 x 10" / "Progression 2 - ..." / "Advanced:" scope to sentence end; so does another
# version the reader is sent on to ("try the single-leg version: 2 x 8"), whose count is that variant's.
COLON_MARKER_RE = re.compile(
    r"\b(?:progression|progress|harder\s+(?:version|variation|option)|advanced(?:\s+(?:version|variation|option))?"
    r"|(?:try|move\s+on\s+to|switch\s+to|graduate\s+to)\s+(?:the|a)\s+(?:[\w-]+\s+){1,2}?(?:version|variation|variant))\b[^:.\n]{0,40}:",
    re.I,
)
_INTRO_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("start", re.compile(r"\W*(?:to\s+(?:start|begin)(?:\s+with)?|initially|at\s+first|first\s+of\s+all|for\s+starters|in\s+the\s+beginning|as\s+a\s+beginner)\s*", re.I)),
    ("target", re.compile(r"\W*(?:eventually|over\s+time|as\s+you\s+(?:get|become)\s+stronger|as\s+you\s+progress|ultimately)\s*", re.I)),
]
# Clauses that go on with the one before, so keep its stage; a participle adds to it too ("build up
# to a 7-second hold, repeating 9 times").
_CONTINUATION_RE = re.compile(
    r"\s*(?:followed\s+by|and\s+(?:then\s+)?(?:another|also)|plus|repeating|doing|performing|completing|holding)\b",
    re.I)
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s/\s|\bthen\b|\s[–—-]\s|\bbut\b|(?=\bonce\s+(?:it|this|that|you)\b)", re.I)

# A count said once for each of two opposite ways ("10 forwards and 10 backwards", "8 clockwise, 8
# anticlockwise", "6 steps to the left and 6 to the right"): the count each way, as "each way" says it.
# What follows the first count (and the word it counts).
MIRRORED_WAYS = (r"(?:forwards?|clockwise|(?:to\s+the\s+)?left|inwards?)\s*(?:,\s*(?:and\s+|then\s+)?|and\s+|then\s+)"
                 r"\d{1,3}\s+(?:(?:steps?|reps?|circles?|swings?)\s+)?(?:backwards?|back|anti-?clockwise|counter-?clockwise|(?:to\s+the\s+)?right|outwards?)\b")
# One side, then the other, named as left and right after a count: "do 8 on the left, then switch to the
# right leg", "12 on your right arm, then switch to the left". What follows the count.
SIDE_THEN_OTHER = (r"on\s+(?:the\s+|your\s+)?(?:left|right)(?:\s+(?:side|leg|arm|foot))?\b[^.;!?]{0,40}?\b(?:then|and)\b"
                   r"[^.;!?]{0,30}?\b(?:on|to|with)\s+(?:the\s+|your\s+)?(?:left|right)\b")
# What a two-sided move is done with, one at a time: "switch to the other hand", "swap legs". One list for
# every rule that reads a change of side (PER_SIDE_RE here, the next-sentence rules in dosage.py and attach.py).
# Joints too: "now repeat it using the right knee" changes sides as "using the right foot" does.
LIMB = r"(?:side|leg|arm|foot|hand|ankle|knee|hip)"
# The words before a side that make a count per side; "ea" is the training log's "each" ("8 reps ea leg").
EACH = r"(?:each|ea|per|either)"
LIMBS = r"(?:sides|legs|arms|hands|feet|ankles|knees|hips)"
# Where a move is done again: "on the other side", "with your left leg", "using the opposite hand".
_ON_THE_OTHER = rf"(?:on|with|for|using)\s+(?:the\s+|your\s+)?(?:other|opposite|left|right)[\s-]+{LIMB}\b"
PER_SIDE_RE = compile_gated(
    r"/\s*(?:side|leg|arm)s?\b|\be/s\b"
    rf"|\b{EACH}\s+(?:side|leg|arm|foot|way|direction)\b"
    rf"|\b{MIRRORED_WAYS}"
    r"|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?:(?:reps?|repetitions|times)\s+)?"
    + SIDE_THEN_OTHER +
    r"|\bin\s+(?:one|the\s+other|each|the\s+opposite|both)\s+directions?\b"
    r"|\bboth\s+sides\b|\ba\s+side\b"
    # a one-handed or one-footed move changes hands or feet as a two-sided one changes sides
    rf"|\b(?:switch|swap|change|alternate)\s+(?:to\s+the\s+other\s+)?{LIMBS}\b"
    # "shift to the other side", "alternate with the other leg": the same change said with other verbs
    rf"|\b(?:switch|shift|alternate)\s+(?:(?:to|with|onto)\s+)?(?:the\s+)?(?:other|opposite)\s+{LIMB}\b"
    # "repeat on the other side"; naming the side ("then repeat on the left leg") says the same change
    rf"|\brepeat\b[^.;!?]{{0,30}}?\b{_ON_THE_OTHER}"
    # "then perform on the left side", "and do the same with your other leg": the count done again on the other side
    rf"|\b(?:then|and)\s+(?:perform|do|complete)\b[^.;!?]{{0,20}}?\b{_ON_THE_OTHER}"
    rf"|\b(?:and|then)\s+(?:do\s+|repeat\s+)?(?:the\s+)?(?:other|opposite)\s+{LIMB}\b"
    # the terse "hold 15 seconds, repeat other leg"
    rf"|\brepeat\s+(?:the\s+|your\s+)?(?:other|opposite)\s+{LIMB}\b"
    # "3 x 12 each" closing a prescription: each side
    r"|(?<=\d\s)each(?=\s*(?:[.;,)]|$))"
    # "3 sets of 15, left and right", "10 reps on the left and right leg" (not "swing left and right")
    r"|(?:(?<=,\s)|(?<=\bon\s)|(?<=\bthe\s)|(?<=\bfor\s)|(?<=\bboth\s)|(?<=\bwith\s))"
    r"(?:left\s+and\s+(?:the\s+)?right|right\s+and\s+(?:the\s+)?left)\b(?!\s+(?:of|to|across|while)\b)",
    re.I,
)
HOLD_RE = re.compile(
    r"\b(?:hold|holds|holding|held|isometric(?:ally)?)\b"
    r"(?!\s+(?:(?:on(?:to)?|a|an|the|one|two|your|both|each|light|heavy|some|this|that)\s+){0,3}"
    r"(?:dumbbells?|weights?|kettlebells?|bands?|bar|barbell|plates?|ball|medicine|table|chair|wall|rail|railing|towel|handles?|onto|in\s+each\s+hand"
    # "hold on to the rail", but "holds on each side" are holds
    r"|on(?!\s+(?:each|either|both|one|the\s+(?:other|opposite|left|right))\b))\b)"
    # "stay in the bottom position for 5 seconds": a hold said without the word
    r"|\b(?:stay|stays|staying|remain|remains|remaining)\s+(?:still\s+)?(?:in|at)\s+(?:the|this|that|your|each)\s+"
    r"(?:[\w-]+\s+){0,2}(?:position|pose)\b"
    # "stay there for 6 seconds", "remain still for 5 seconds": the time the body is kept still
    r"|\b(?:stay|stays|staying|remain|remains|remaining)\s+(?:(?:there|here|up|still|put|like\s+this|in\s+place)\s+)?(?=for\b)"
    # "Maintain 20 seconds", "maintain the stretch for 20 seconds": a position kept, not a pace or a form
    r"|\b(?:maintain|maintains|maintaining)\s+(?:(?:for\s+)?(?=\d)|(?:the|this|that|each|your)\s+"
    r"(?:position|pose|stretch|contraction|squeeze)\b)",
    re.I,
)


_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])\s+|\n+")
_BETWEEN_WORDS_RE = re.compile(r"[\s\w-]*")
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? followed by whitespace, and at newlines."""
    spans = []
    start = 0
    for m in _SENTENCE_BREAK_RE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_spans(s: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _CLAUSE_SPLIT_RE.finditer(s):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(s)))
    return spans


def stage_of(sentence: str, pos: int, colon_from: int | None, clauses: list[tuple[int, int]] | None = None) -> str:
    """Stage of the atom at `pos`; `clauses` is clause_spans(sentence), when the caller has it already."""
    if colon_from is not None and pos >= colon_from:
        return "progression"
    if clauses is None:
        clauses = clause_spans(sentence)
    for cs, ce in clauses:
        if cs <= pos < ce:
            break
    else:
        return "main"
    clause = sentence[cs:ce]
    rel = pos - cs
    prefix, postfix = _clause_markers(clause)
    best: tuple[int, str] | None = None
    for m_end, stage in prefix:
        if m_end <= rel + 1 and (best is None or m_end > best[0]):
            best = (m_end, stage)
    # A prefix marker wins unless a postfix marker follows the atom with no
    # other prefix marker in between.
    if best is not None:
        return best[1]
    for m_start, stage in postfix:
        if m_start >= rel:
            return stage
    # "Start with 10 reps of the arms, followed by 10 reps of the legs":
    # a continuation clause keeps the stage of the clause before it.
    prev = [c for c in clauses if c[1] <= cs]
    if prev and _CONTINUATION_RE.match(clause):
        return stage_of(sentence, max(prev[-1][1] - 1, prev[-1][0]), colon_from, clauses)
    # "To start, do 5 reps": an intro clause that is only a stage word.
    if prev:
        for stage, rx in _INTRO_MARKERS:
            if rx.fullmatch(sentence[prev[-1][0]:prev[-1][1]]):
                return stage
    return "main"


@lru_cache(maxsize=CACHE_SIZE)
def _clause_markers(clause: str) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """(end, stage) of each prefix marker match and (start, stage) of each postfix one, in the order
    stage_of reads them. The same for every atom of the clause, and cached: a sentence is parsed
    on its own and again as part of its line."""
    prefix = tuple((m.end(), stage) for stage, rx in _PREFIX_MARKERS for m in rx.finditer(clause))
    postfix = tuple((m.start(), stage) for stage, rx in _POSTFIX_MARKERS for m in rx.finditer(clause))
    return prefix, postfix


def hold_near(sentence: str, a_start: int, a_end: int) -> bool:
    for m in HOLD_RE.finditer(sentence):
        if m.start() < a_start:
            return True
        # "30 second hold" / "30-second isometric hold"
        if 0 <= m.start() - a_end <= 20 and _BETWEEN_WORDS_RE.fullmatch(sentence[a_end:m.start()]):
            return True
    return False
