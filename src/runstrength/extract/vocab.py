"""The structure vocabularies, read once, and the tests that only look words up in them.

vocab() gathers the structure lexicon (section, label, end and boilerplate words, table columns),
the exercise alias index and the muscle terms; on it rest boilerplate detection (is_boilerplate),
the head nouns that end an exercise's name and the section-word tests. Apart from the line roles
and the assembler because both read these vocabularies: neither has to import the other for them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from runstrength.extract import lexicon
from runstrength.extract.gates import required_literal_sets
from runstrength.extract.nlp import norm_tokens
from runstrength.extract.text import structure_lexicon


# Endings whose plural adds "es" ("crunch" -> "crunches", "press" -> "presses").
_ES_PLURAL = ("ch", "sh", "ss", "x", "z")


@lru_cache(maxsize=1)
def vocab() -> dict:
    lex = structure_lexicon()
    strong = {"circuit", "circuits", "superset", "supersets", "giant set", "tri-set", "triset", "block", "round",
              "rounds", "session", "routine", "workout", "series", "exercises", "drills", "part", "phase", "stage",
              "set a", "set b", "set c", "program", "programme", "finisher", "stretches"}
    heads = set()
    for h in lex["head_nouns"]:
        heads.add(norm_tokens(h))
        if h.endswith(_ES_PLURAL) and h + "es" not in strong:
            # norm_tokens drops only the plural's "s": "crunches" comes out "crunche", which "crunch" must match.
            # A plural that names a part of the routine ("Calf stretches") heads a group of moves, not one.
            heads.add(norm_tokens(h + "es"))
    alias_index: dict[tuple[str, ...], dict] = {}
    for entry in lexicon.load_exercises():
        for term in [entry["canonical"], *entry.get("aliases", [])]:
            alias_index.setdefault(norm_tokens(term), entry)
            alias_index.setdefault(norm_tokens(term.replace("-", "")), entry)
    muscle_terms = set()
    for variants in lexicon.load_muscles().values():
        for v in variants:
            muscle_terms.add(norm_tokens(v))
    return {
        "section_words": [w.lower() for w in lex["section_words"]],
        "strong_section": strong,
        "warmup": [w.lower() for w in lex["warmup_words"]],
        "heads": heads,
        "labels": sorted({w.lower() for w in lex["label_prefixes"]}, key=len, reverse=True),
        "bare_labels": frozenset(w.lower() for w in lex["bare_labels"]),
        "dash_labels": frozenset(w.lower() for w in lex["dash_labels"]),
        "frame_words": frozenset(w.lower() for w in lex["frame_words"]),
        "alt_text": re.compile(r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:%s)\s+(?:%s)\b" % (
            "|".join(map(re.escape, lex["caption_people"])), "|".join(map(re.escape, lex["caption_verbs"]))), re.I),
        "benefit_openers": frozenset(w.lower() for w in lex["benefit_openers"]),
        "session_words": re.compile(r"\b(?:" + "|".join(map(re.escape, lex["session_words"])) + r")\b", re.I),
        "plan_labels": frozenset(w.lower() for w in lex["plan_labels"]),
        "effect_openers": frozenset(w.lower() for w in lex["effect_verbs"] + lex["benefit_openers"]),
        "effect_objects": frozenset(w.lower() for w in lex["effect_objects"]),
        "claim_modals": frozenset(w.lower() for w in lex["claim_modals"]),
        "statement_verbs": frozenset(w.lower() for w in lex["statement_verbs"]),
        "advice_heads": tuple(sorted({w.lower() + " " for w in lex["advice_heads"]}, key=len, reverse=True)),
        "boiler": (boiler := [_boiler_pattern(p) for p in lex["boilerplate_patterns"]]),
        "boiler_index": _boiler_index(boiler),
        "end": tuple(w.lower() for w in lex["end_markers"]),
        "alias_index": alias_index,
        "muscle_terms": muscle_terms,
        "regions": {norm_tokens(r) for r in lexicon.load_regions()},
        "ambiguous_equipment": {a.lower() for a in lexicon.load_ambiguous_equipment()},
        "org_heads": {norm_tokens(h)[-1] for h in lex["organization_heads"]} - _heads_last(heads) - {"running"},
        "context_activities": frozenset(lex["context_activities"]),
        "document_parts": frozenset(norm_tokens(" ".join(lex["document_parts"]))),
        "condition_openers": frozenset(w.lower() for w in lex["condition_openers"]),
        "rest_day_words": frozenset(w.lower() for w in lex["rest_day_words"]),
        "table_columns": {" ".join(w.lower().split()): kind for kind, ws in lex["table_columns"].items() for w in ws},
        "overview": frozenset(" ".join(norm_tokens(w)) for w in lex["overview_words"]),
    }


def _heads_last(heads: set[tuple[str, ...]]) -> set[str]:
    """Last words of the exercise head nouns ("stretching" is a head noun, not only a clinic word)."""
    return {h[-1] for h in heads if h}


def _boiler_pattern(pattern: str) -> tuple[tuple[str, ...] | None, list[tuple[str, ...]], re.Pattern[str]]:
    """(hints, more, regex) of a boilerplate pattern: every match contains one of `hints` and one
    string of each set in `more` ("to your inbox": " your ", then "mail" or "inbox")."""
    sets = required_literal_sets(pattern)
    return (sets[0] if sets else None), sets[1:], re.compile(pattern, re.I)


def _boiler_index(boiler: list) -> tuple[list[re.Pattern[str]], re.Pattern[str], dict[str, tuple[tuple[int, ...], tuple[str, ...]]]]:
    """(the patterns no hint gates, a scan for the hints, {hint: (indices in `boiler` of the patterns it
    gates, the longer hints it begins)}).

    Patterns share hints ("video", "mail"...), so each distinct hint is looked for once per line, and all
    of them in one pass of the scan (see _hints_in) instead of one substring search per hint.
    """
    ungated = [rx for hints, _, rx in boiler if hints is None]
    by_hint: dict[str, list[int]] = {}
    for i, (hints, _, _) in enumerate(boiler):
        for h in hints or ():
            by_hint.setdefault(h, []).append(i)
    index = {h: (tuple(ix), tuple(x for x in by_hint if x != h and x.startswith(h))) for h, ix in by_hint.items()}
    return ungated, re.compile("(?=(" + _trie_pattern(by_hint) + "))"), index


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex of `words` as a trie ("fig(?:|\\.|ure)"), matching the shortest word that starts where it is
    tried. Branching on one character at a time tests a position against a few branches, not every word."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # the empty branch first: the shortest word wins
            return "(?:|" + "|".join(alts) + ")" if alts else ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return pattern(root)


def _hints_in(lower: str, scan: re.Pattern[str], index: dict[str, tuple[tuple[int, ...], tuple[str, ...]]]) -> set[str]:
    """The boilerplate hints that occur in `lower`.

    The scan finds, at each position, the shortest hint starting there; a longer hint that occurs starts
    where a shorter one (its prefix, maybe itself) was found, so only those longer ones need a search.
    """
    found = set(scan.findall(lower))
    for h in list(found):
        for longer in index[h][1]:
            if longer in lower:
                found.add(longer)
    return found


def _has_each(lower: str, sets: list[tuple[str, ...]]) -> bool:
    """Whether `lower` contains a string of each set."""
    return all(any(h in lower for h in hints) for hints in sets)


@lru_cache(maxsize=8192)  # pure; asked again for a line's sentences and by several passes
def is_boilerplate(text: str) -> bool:
    # Most lines contain none of the literal words a boilerplate pattern needs
    # ("newsletter", "@", "click here"...): a substring test rules a pattern out
    # far faster than a regex scan.  Valid for ASCII text only (re.I also folds
    # some non-ASCII letters onto ASCII ones); other text is scanned in full.
    v = vocab()
    if not text.isascii():
        return any(rx.search(text) for _, _, rx in v["boiler"])
    lower = text.lower()
    ungated, scan, index = v["boiler_index"]
    for rx in ungated:
        if rx.search(text):
            return True
    found = _hints_in(lower, scan, index)
    if not found:
        return False
    boiler = v["boiler"]
    # A boolean answer: the candidate patterns may run in any order.
    for i in sorted({i for h in found for i in index[h][0]}):
        _, more, rx = boiler[i]
        # The pattern's other required words, only tested once its first ones are found.
        if more and not _has_each(lower, more):
            continue
        if rx.search(text):
            return True
    return False


def ends_with_head(tokens: tuple[str, ...]) -> bool:
    heads = vocab()["heads"]
    return tokens[-1:] in heads or tokens[-2:] in heads or tokens[-3:] in heads


@lru_cache(maxsize=1)
def section_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted({" ".join(norm_tokens(w)) for w in vocab()["section_words"]}, key=len, reverse=True)
    section = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    strong = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(vocab()["strong_section"], key=len, reverse=True)) + r")\b")
    return section, strong


_FILLER_RX = re.compile(r"\b(the|and|of|for|a|\d+|your|my|our|x|minute|min|total|pre|main|exercise|training)\b")


def is_section_word_only(tokens: tuple[str, ...]) -> bool:
    left = _FILLER_RX.sub(" ", section_rx()[0].sub(" ", " ".join(tokens)))
    return not left.split()


def strong_section(lower: str) -> bool:
    return section_rx()[1].search(lower) is not None


def ends_with_section_word(text: str) -> bool:
    """The text's last word, or last two, is a section word ("Hip Mobility", "Core Strength", "Cool Down")."""
    tokens = norm_tokens(text)
    words = _section_word_set()
    return bool(tokens) and (tokens[-1] in words or " ".join(tokens[-2:]) in words)


@lru_cache(maxsize=1)
def _section_word_set() -> frozenset[str]:
    return frozenset(" ".join(norm_tokens(w)) for w in vocab()["section_words"])


def overview_heading(title: str) -> bool:
    """The heading says its part summarises or details the whole routine ("Programme summary", "The plan at
    a glance", "Exercise details"), not that it is one of the routine's parts."""
    tokens = norm_tokens(title)
    words = vocab()["overview"]
    return any(" ".join(tokens[i:i + n]) in words for n in (1, 2, 3) for i in range(len(tokens) - n + 1))


# Longer than this, a line is a sentence about a condition, not an item of a list of them.
_CONDITION_ITEM_WORDS = 8


def condition_item(name: str) -> bool:
    """A short heading or list item naming a condition, a symptom or a cause ("Tight hip flexors", "Swelling
    or warmth around the joint"), by its first word (structure.yaml's condition_openers)."""
    words = name.split()
    if not words or len(words) > _CONDITION_ITEM_WORDS:
        return False
    return words[0].lower().strip(".,:;()\"'") in vocab()["condition_openers"]


_BRACKETS_RE = re.compile(r"\([^()]*\)")
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def rest_day(text: str) -> bool:
    """What a day of a sample week holds is rest or recovery only ("Off or light cardio", "Rest", "Active
    recovery (swim, walk)"), no move: every word outside brackets is one of structure.yaml's rest_day_words."""
    words = _WORD_RE.findall(_BRACKETS_RE.sub(" ", text.lower()))
    return bool(words) and all(w in vocab()["rest_day_words"] for w in words)

