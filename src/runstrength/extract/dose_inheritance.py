"""An exercise's dosages: its own mentions merged by stage, then what its section and the article give it.

Mentions of the same stage that do not contradict each other are one dosage; an EMOM's minutes are
sets; a section's rounds, then its rules, then the article's (never into a warm-up) fill in what the
exercise's own dosage leaves open (``inherited_from``).
"""
from __future__ import annotations


from runstrength.extract import dosage as dz
from runstrength.extract.gates import AnyOf
from runstrength.extract.registry import Ex
from runstrength.extract.vocab import vocab
from runstrength.model import Dosage


# Name words of a static position whatever the move ("Superhero hold", "Isometric heel dig", "Iso split squat").
_HELD_LAST = frozenset({"hold", "holds"})
_HELD_FIRST = frozenset({"isometric", "iso"})


def _held_by_name(tokens: tuple[str, ...]) -> bool:
    """An exercise its name calls a held position: its seconds are a hold, not a timed bout."""
    return bool(tokens) and (tokens[-1] in _HELD_LAST or tokens[0] in _HELD_FIRST)


# Last name words of a movement repeated for a time ("Wobble board tilts", "Ankle circles"): a balance or
# stretch entry of the lexicon that is held when done still ("wobble board") is a timed bout when so named.
_MOVING_LAST = frozenset({"tilt", "tilts", "rock", "rocks", "tap", "taps", "march", "marches", "circle", "circles",
                          "swing", "swings", "hop", "hops", "rotation", "rotations", "shuffle", "shuffles",
                          "bounce", "bounces", "pulse", "pulses", "rolls", "walk", "walks", "reach", "reaches",
                          # "Plank with alternating row": a pull done from the held position
                          "row", "rows"})


def _moving_by_name(tokens: tuple[str, ...]) -> bool:
    return bool(tokens) and tokens[-1] in _MOVING_LAST


# Lexicon categories of the work a rule for "every stretch" doses.
_STRETCH_CATEGORIES = frozenset({"stretch", "mobility"})


def _outside_scope(ex: Ex, scope: str) -> bool:
    """A rule said of stretches only does not reach an exercise the lexicon files as other work (strength,
    balance, foam rolling) unless its name calls it a stretch; an unknown exercise keeps the rule."""
    if scope != "stretch" or not ex.entry:
        return False
    return ex.entry.get("category") not in _STRETCH_CATEGORIES and not any(t.startswith("stretch") for t in ex.tokens)


class InheritanceMixin:
    """An exercise's final dosages, from its own mentions and its section's and article's rules."""

    # _Builder's state (set in its __init__, assemble.py) used here.
    text: str
    article_doses: list[dz.DoseMention]
    section_doses: dict[int, list[dz.DoseMention]]

    def _emom(self, ex: Ex) -> bool:
        """The exercise is done every minute on the minute, as its heading line or its description says."""
        a = self.text.rfind("\n", 0, ex.start) + 1
        b = self.text.find("\n", ex.end)
        return _EMOM_HINT(self.text[a:b if b >= 0 else len(self.text)]) or any(_EMOM_HINT(x.text) for x in ex.sentences)

    def _dosages(self, ex: Ex) -> list[Dosage]:
        isometric = bool(ex.entry and ex.entry.get("isometric")) and not _moving_by_name(ex.tokens) or _held_by_name(ex.tokens)
        out: list[Dosage] = []
        main: Dosage | None = None
        for m, base, ctx in ex.doses:
            stage = m.stage
            if ctx == "progression" and stage == "main":
                stage = "progression"
            d = Dosage(stage=stage, per_side=m.per_side or ex.both_sides, text=m.text.strip(), start=base + m.start,
                       end=base + m.end, inherited_from="exercise")
            if m.sets:
                d.sets_min, d.sets_max = m.sets
            if m.reps:
                d.reps_min, d.reps_max = m.reps
            if m.seconds:
                hold = m.seconds_kind == "hold" or (m.seconds_kind is None and isometric)
                if hold:
                    d.hold_seconds_min, d.hold_seconds_max = m.seconds
                else:
                    d.duration_seconds_min, d.duration_seconds_max = m.seconds
            if m.open_max:
                _open_max(d)
            if m.reps_are_times:
                _timed_repeats_as_sets(d)
            if stage == "main" and main is not None:
                _repeats_as_sets(main, d)
                _same_time_held(main, d)
            if stage == "main" and main is not None and _compatible(main, d):
                _merge(main, d)
                continue
            if any(_same_numbers(d, o) for o in out):
                continue
            out.append(d)
            if stage == "main" and main is None:
                main = d
        if out and self._emom(ex):
            _emom_minutes_are_sets(out)
        # Inheritance: what the section gives (its heading's sets, then its rules), then the article's rules.
        # Sets given at any stage but a variant's ("start with 1 set of 5, build up to 2 sets of 15") are the exercise's own.
        sec = ex.section
        rules: list[tuple[str, dz.DoseMention]] = []
        if sec is not None:
            if sec.sets_min is not None:
                rules.append(("section", dz.DoseMention(stage="main", sets=(sec.sets_min, sec.sets_max))))
            rules += [("section", m) for m in self.section_doses.get(id(sec), ())]
        warm = sec is not None and any(w in sec.title.lower() for w in vocab()["warmup"])
        if not warm:
            rules += [("article", m) for m in _one_pass_dropped(self.article_doses)]
        for source, m in rules:
            if _outside_scope(ex, m.scope):
                continue
            if source == "section" and m.sets:
                _rounds_over_bouts(out, m.sets)
            # a harder variant's sets ("the single-leg version: 2 x 8") are not this exercise's own, nor are
            # the sets to build up to when the exercise has a prescription now ("10 each leg ... work up
            # to 5 rounds": the circuit's 3 rounds are done until then)
            has_main = any(d.stage == "main" for d in out)
            has_sets = any(d.sets_min is not None for d in out
                           if d.stage != "progression" and not (d.stage == "target" and has_main))
            has_amount = any(d.reps_min is not None or d.hold_seconds_min is not None or d.duration_seconds_min is not None
                             for d in out if d.stage in ("main", "start"))
            seconds = hold = None
            if m.seconds and not has_amount:
                held = m.seconds_kind == "hold" or (m.seconds_kind is None and isometric)
                hold, seconds = (m.seconds, None) if held else (None, m.seconds)
            sets, reps = m.sets, m.reps
            if seconds is not None and reps and not sets and m.reps_are_times:
                # a rule's timed bout done N times ("20 seconds on, 10 seconds rest, repeat 4 times"): N passes,
                # as for the exercise's own dose (_timed_repeats_as_sets)
                sets, reps = reps, None
            _inherit(out, sets=sets if not has_sets else None, reps=reps if not has_amount else None,
                     hold=hold, duration=seconds, per_side=m.per_side and not has_amount, source=source)
        return out


def _open_max(d: Dosage) -> None:
    """A count said as a lower bound ("at least 20 seconds") keeps its min only."""
    for lo, hi in (("sets_min", "sets_max"), ("reps_min", "reps_max"), ("hold_seconds_min", "hold_seconds_max"),
                   ("duration_seconds_min", "duration_seconds_max")):
        if getattr(d, lo) is not None:
            setattr(d, hi, None)


def _one_pass_dropped(rules: list[dz.DoseMention]) -> list[dz.DoseMention]:
    """The article's rules without a lone "one set" when another rule counts several: "do every move
    once for one set; do 3 sets in all" describes one pass of a circuit, and the 3 is its rounds."""
    if not any(m.sets and m.sets[1] > 1 for m in rules):
        return rules
    return [m for m in rules if not (m.sets == (1, 1) and not m.reps and not m.seconds)]


def _same_time_held(a: Dosage, b: Dosage) -> None:
    """'Knee press - 8 sets of 6 seconds', then 'hold the press for 6 seconds': one time of the
    exercise, said once without its kind and once as a hold, is the hold (not a timed bout too)."""
    for x, y in ((a, b), (b, a)):
        if (x.duration_seconds_min is not None and x.hold_seconds_min is None
                and (x.duration_seconds_min, x.duration_seconds_max) == (y.hold_seconds_min, y.hold_seconds_max)):
            x.hold_seconds_min, x.hold_seconds_max = x.duration_seconds_min, x.duration_seconds_max
            x.duration_seconds_min = x.duration_seconds_max = None


def _compatible(a: Dosage, b: Dosage) -> bool:
    for f in ("sets_min", "reps_min", "hold_seconds_min", "duration_seconds_min"):
        x, y = getattr(a, f), getattr(b, f)
        if x is not None and y is not None and x != y:
            return False
    return True


def _merge(a: Dosage, b: Dosage) -> None:
    for f in ("sets_min", "sets_max", "reps_min", "reps_max", "hold_seconds_min", "hold_seconds_max", "duration_seconds_min", "duration_seconds_max"):
        if getattr(a, f) is None and getattr(b, f) is not None:
            setattr(a, f, getattr(b, f))
    a.per_side = a.per_side or b.per_side
    if b.text and b.text not in a.text:
        a.text = f"{a.text}; {b.text}" if a.text else b.text
        a.start = min(x for x in (a.start, b.start) if x is not None) if a.start is not None or b.start is not None else None
        a.end = max(x for x in (a.end, b.end) if x is not None) if a.end is not None or b.end is not None else None


def _timed_repeats_as_sets(d: Dosage) -> None:
    """A timed bout of a moving exercise done N times ("40 seconds, 4 times", "3x 30 seconds") is N sets of
    the bout: repeats of a moving bout are passes, as the counts of a held position are its reps.
    (Called only for a dosage whose reps are such a count of times.)"""
    if d.duration_seconds_min is not None and d.reps_min is not None and d.sets_min is None:
        d.sets_min, d.sets_max = d.reps_min, d.reps_max
        d.reps_min = d.reps_max = None


def _repeats_as_sets(main: Dosage, d: Dosage) -> None:
    """A timed bout repeated N times ("hold 20 seconds, repeat three times", read as N reps) that
    another mention gives as N sets of the same bout ("3 x 20 seconds"): the repeats were the sets."""
    timed = main.hold_seconds_min is not None or main.duration_seconds_min is not None
    if (timed and main.sets_min is None and main.reps_min is not None and d.reps_min is None
            and (d.sets_min, d.sets_max) == (main.reps_min, main.reps_max)):
        main.sets_min, main.sets_max = main.reps_min, main.reps_max
        main.reps_min = main.reps_max = None


# Words of an exercise done every minute on the minute (not "switch sides every minute").
_EMOM_HINT = AnyOf("emom", "on the minute", "start of every minute", "top of every minute", "start of each minute",
                   "top of each minute", "beginning of every minute", "beginning of each minute")


def _emom_minutes_are_sets(out: list[Dosage]) -> None:
    """In an EMOM the minutes count the sets: "Eight minutes, eight sets" is eight sets, not an
    8-minute bout, and a whole number of minutes said alone ("keep it going for 10 minutes") is
    that many sets."""
    for d in out:
        lo, hi = d.duration_seconds_min, d.duration_seconds_max
        if lo is None or hi is None or lo < 120 or lo % 60 or hi % 60:
            continue
        if d.sets_min is None:
            d.sets_min, d.sets_max = lo // 60, hi // 60
        elif (d.sets_min * 60, d.sets_max * 60) != (lo, hi):
            continue
        d.duration_seconds_min = d.duration_seconds_max = None


def _same_numbers(a: Dosage, b: Dosage) -> bool:
    fields = ("stage", "sets_min", "sets_max", "reps_min", "reps_max", "hold_seconds_min", "hold_seconds_max", "duration_seconds_min", "duration_seconds_max", "per_side")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _rounds_over_bouts(out: list[Dosage], rounds: tuple[int, int]) -> None:
    """In a part done for `rounds`, an exercise's own "2 x 30s" counts bouts per round: reps, not sets."""
    main = next((d for d in out if d.stage == "main"), None)
    if (main is not None and main.inherited_from == "exercise" and main.sets_min is not None and main.reps_min is None
            and (main.hold_seconds_min is not None or main.duration_seconds_min is not None)
            and (main.sets_min, main.sets_max) != rounds):
        main.reps_min, main.reps_max = main.sets_min, main.sets_max
        main.sets_min = main.sets_max = None


def _inherit(out: list[Dosage], *, sets=None, reps=None, hold=None, duration=None, per_side: bool = False, source: str) -> None:
    if not sets and not reps and not hold and not duration:
        return
    main = next((d for d in out if d.stage == "main"), None)
    if main is None:
        main = Dosage(stage="main", inherited_from=source, text="")
        out.insert(0, main)
    else:
        main.inherited_from = source
    if sets and main.sets_min is None:
        main.sets_min, main.sets_max = sets
    amount = main.reps_min is not None or main.hold_seconds_min is not None or main.duration_seconds_min is not None
    if not amount and (reps or hold or duration):
        main.per_side = main.per_side or per_side  # "40 seconds per side for every stretch"
        if reps:
            main.reps_min, main.reps_max = reps
        if hold:
            main.hold_seconds_min, main.hold_seconds_max = hold
        if duration:
            main.duration_seconds_min, main.duration_seconds_max = duration
