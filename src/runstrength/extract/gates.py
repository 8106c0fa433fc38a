"""Cheap pre-tests that rule a regex out before it scans a text.

A gate answers "can this pattern match here at all?" from something every match
needs (a literal word), so a caller skips the scan when the answer is no. Gates
only skip work: where they say yes, the pattern runs exactly as before.
compile_gated builds the same kind of test into a pattern: a lookahead for the
characters a match can start with.
"""
from __future__ import annotations

import re

# The only non-ASCII characters that re.I matches to ASCII ones: "İ" and "ı" (to i), "ſ" (to s)
# and the Kelvin sign (to k); tests/test_extract_gates.py checks this over all of Unicode.
REI_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def ascii_fold(text: str) -> str | None:
    """`text` lower-cased, when substring tests on it decide whether re.I finds an ASCII word in it.

    str.lower() maps every ASCII character to one ASCII character and other characters
    to non-ASCII ones (bar "İ" and the Kelvin sign), so an ASCII word occurs in the
    lower-cased text exactly where re.I matches it, unless the text has one of the
    characters re.I folds onto ASCII: then None, and the caller runs the regex.
    """
    if text.isascii():
        return text.lower()
    for ch in REI_ASCII_FOLDS:
        if ch in text:
            return None
    return text.lower()


def _folds_plainly(word: str) -> bool:
    """Whether re.I matches each character of `word` only to its str.lower() variants: ASCII letters, and
    characters without case such as the typographic apostrophe ("we\u2019ll")."""
    return all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in word)


class AnyOf:
    """Whether a text contains one of some words; by default ignoring case as re.I does.

    The same answer as ``re.compile("|".join(words), re.I).search(text) is not
    None`` (see ascii_fold; the words must then be ASCII or caseless), from substring tests
    instead of a regex scan.
    """

    __slots__ = ("words", "rx")

    def __init__(self, *words: str, ignore_case: bool = True):
        if not words or not all(words) or ignore_case and not all(map(_folds_plainly, words)):
            raise ValueError("AnyOf takes non-empty words, to ignore case ones of ASCII or caseless characters")
        self.words = _fewest_substrings(tuple(w.lower() for w in words) if ignore_case else words)
        self.rx = re.compile("|".join(re.escape(w) for w in words), re.I) if ignore_case else None

    def __call__(self, text: str) -> bool:
        if self.rx is not None:
            # ascii_fold's common case inline: ~230k calls over the bench corpus, mostly on ASCII text
            lower = text.lower() if text.isascii() else ascii_fold(text)
            if lower is None:
                return self.rx.search(text) is not None
            text = lower
        for w in self.words:
            if w in text:
                return True
        return False


def _fewest_substrings(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` without repeats and without the words that contain another of them: a text contains one of
    the words exactly when it contains one of these ("Try"/"try" once lower-cased, "visit us at" holds "us
    at"), and each one left out is a substring search less on every call."""
    distinct = tuple(dict.fromkeys(words))
    return tuple(w for w in distinct if not any(o != w and o in w for o in distinct))


def required_literals(pattern: str, flags: int = re.I) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains one; None if none is known.

    The first of required_literal_sets: the one whose shortest string is longest.
    """
    sets = required_literal_sets(pattern, flags)
    return sets[0] if sets else None


def required_literal_sets(pattern: str, flags: int = re.I) -> list[tuple[str, ...]]:
    """Sets of strings such that every match of `pattern` contains a string of each set.

    Read from the parsed pattern: each part that every match goes through gives
    one set: a run of literal characters, an alternation whose every branch has
    one, or a group/repeat (at least once) that has one. The set whose shortest
    string is longest comes first (the most selective, as a rule), then the
    others in pattern order. Under re.I (the default) the strings are
    lower-case, and only literals whose case-insensitive matches are plain ASCII
    case variants are used, so a lower-cased ASCII text that lacks every string
    of a set cannot match. Without re.I they are the literals as written, for
    plain substring tests. A pattern matches no more without re.I than with it,
    so the sets read with re.I added hold for it too, in any case: that is how
    a test that ignores case is checked against a pattern with (?i:...) groups.
    """
    from re import _constants as c, _parser

    ignore_case = bool(flags & re.I)

    def literal(ch: str) -> str | None:
        if not ignore_case:
            return ch
        return ch.lower() if _folds_plainly(ch) else None

    def best(found: list[set[str]]) -> set[str] | None:
        return max(found, key=lambda alts: min(map(len, alts)), default=None)

    def seq(items) -> list[set[str]]:
        """The sets of a sequence: one for each of its required parts that has one."""
        found: list[set[str]] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                found.append({"".join(run)})
                run.clear()

        for op, av in items:
            if op is c.LITERAL and literal(chr(av)) is not None:
                run.append(literal(chr(av)))
                continue
            if op is c.AT:
                continue  # zero-width: literals on both sides are still adjacent
            flush()
            sub: set[str] | None = None
            if op is c.SUBPATTERN and (ignore_case or not av[1] & re.I):
                # Under re.I a (?-i:...) group's literals still hold once lower-cased, and a (?i:...) group
                # changes nothing; without it a (?i:...) group's literals may match in any case.
                sub = best(seq(av[3]))
            elif op is c.BRANCH:
                alts = [best(seq(b)) for b in av[1]]
                sub = set().union(*alts) if all(alts) else None
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                sub = best(seq(av[2]))
            if sub:
                found.append(sub)
        flush()
        return found

    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # an unusual pattern just goes without a pre-filter
        return []
    if bool(parsed.state.flags & re.I) != ignore_case:  # an inline (?i) flag
        return []
    found = seq(parsed)
    first = best(found)
    return [tuple(sorted(x)) for x in [first, *(x for x in found if x is not first)] if x]


def literal_gate(rx: re.Pattern[str]) -> AnyOf | None:
    """An AnyOf of the strings one of which every match of `rx` contains (required_literals), in
    `rx`'s case sensitivity; None if none is known."""
    ignore_case = bool(rx.flags & re.I)
    words = required_literals(rx.pattern, rx.flags)
    if not words or ignore_case and not all(map(_folds_plainly, words)):
        return None
    return AnyOf(*words, ignore_case=ignore_case)


def first_char_gate(pattern: str, flags: int) -> str | None:
    """A test of the first character of every match of `pattern`; None if unknown.

    A character class, read from the parsed pattern, skipping zero-width parts
    (\\b, lookarounds) and optional ones.  First characters that only start a
    match right after a \\b ("\\bone", not "between") get their own class behind
    a \\b: "[\\db]|\\b[eot]" rules out the inside of words for the latter.  None
    when a match may be empty or start with something not handled here (a
    negated class, "."), so callers then go without it.
    """
    from re import _constants as c, _parser

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

    def item(op, av) -> str | None:
        if op is c.LITERAL:
            return re.escape(chr(av))
        if op is c.RANGE:
            return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
        if op is c.CATEGORY:
            return categories.get(av)
        return None

    def first(seq, bounded: bool = False) -> tuple[set[tuple[str, bool]], bool] | None:
        """((first character, whether a \\b precedes it) pairs, whether the sequence can match empty).

        `bounded`: a \\b was asserted where the sequence starts. Zero-width parts do not
        move the position, so a \\b met before the first character also holds for it.
        """
        out: set[tuple[str, bool]] = set()
        for op, av in seq:
            if op is c.AT and av is c.AT_BOUNDARY:
                bounded = True
                continue
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op in (c.LITERAL, c.IN):
                items = [item(o, a) for o, a in ([(op, av)] if op is c.LITERAL else av)]
                if not items or None in items:
                    return None
                return out | {(i, bounded) for i in items}, False
            if op is c.BRANCH:
                subs = [first(b, bounded) for b in av[1]]
                if None in subs:
                    return None
                got, nullable = set().union(*(x[0] for x in subs)), any(x[1] for x in subs)
            elif op in (c.SUBPATTERN, c.ATOMIC_GROUP):
                sub = first(av[-1] if op is c.SUBPATTERN else av, bounded)
                if sub is None:
                    return None
                got, nullable = sub
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                sub = first(av[2], bounded)
                if sub is None:
                    return None
                got, nullable = sub[0], sub[1] or av[0] == 0
            else:
                return None
            out |= got
            if not nullable:
                return out, False
        return out, True

    try:
        got = first(_parser.parse(pattern, flags))
    except Exception:
        return None
    if got is None or got[1] or not got[0]:
        return None
    anywhere = {i for i, bounded in got[0] if not bounded}
    after_boundary = {i for i, bounded in got[0] if bounded} - anywhere
    tests = []
    if anywhere:
        tests.append("[" + "".join(sorted(anywhere)) + "]")
    if after_boundary:
        tests.append(r"\b[" + "".join(sorted(after_boundary)) + "]")
    return "|".join(tests)


def compile_gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern), led by a lookahead for the possible first characters of a match.

    The engine tries every branch of these big patterns at every position of the
    text; the one-character test rejects most positions (inside words, spaces,
    punctuation) at once.  The lookahead is zero-width and only skips positions
    where no match can start, so matches, groups and spans are unchanged.
    """
    gate = first_char_gate(pattern, flags)
    return re.compile(pattern if gate is None else f"(?={gate})(?:{pattern})", flags)
