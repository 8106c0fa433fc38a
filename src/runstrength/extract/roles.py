"""The first pass of assembly: a role for each line from its own content.

A line is boilerplate, an end marker, a label ("Target: glutes"), a rest or dosage line, a section
heading, an exercise line (heading, list item or inline "Name: description") or prose; its Role
carries the name, doses and description offsets found in it. Apart from assemble.py because a
line's role depends on that line (and its doc) only, not on what the article said before it.

Each line shape has a reader, in the module named for what it reads (label_readers, part_readers,
item_readers, heading_readers; what they share is in line_view and line_names); this module gives the
order they are tried in, and keeps the names the later passes import from it.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from runstrength.extract.heading_readers import short_heading_or_item
from runstrength.extract.item_readers import (count_led, counted_moves_line, inline_name_description, lead_in_name,
                                              lettered_name_sentence, list_item_named, name_then_dose_line, ordered_move_item,
                                              pipe_row_line, run_in_caps_name, sentence_bullet)
from runstrength.extract.label_readers import (bare_label_or_frequency, boilerplate, byline, dose_label_line,
                                               end_marker, frequency_label_line, label_line, navigation,
                                               remark_then_steps)
from runstrength.extract.line_names import (CLAUSE_HEAD_RE, INTRO_HINT, INTRO_RE, PAREN_RE, PERIOD_NUMBERS_RE, clean_name,
                                            exercise_like, function_start, period_word, wordy)
from runstrength.extract.line_view import (SUPERSET_LABEL, WEEKDAY_RE, LineView, Role, blank_prefix, doc_spans,
                                           exercise_spans_in, shift)
from runstrength.extract.part_readers import (REPEAT_BLOCK_RE, UNLESS_NOTED, advice_heading, dose_only_line, effect_line,
                                              goal_guide_line, load_line, part_with_note_line, repeat_block, rest_line,
                                              section_intro, strong_section_heading, timed_part)
from runstrength.extract.text import Line

# What the later passes (assemble, attach, ownership, registry, tables, terms) and the tests import from here,
# wherever it is defined.
__all__ = ["CLAUSE_HEAD_RE", "INTRO_HINT", "INTRO_RE", "PAREN_RE", "PERIOD_NUMBERS_RE", "REPEAT_BLOCK_RE", "SUPERSET_LABEL",
           "UNLESS_NOTED", "WEEKDAY_RE", "LineView", "Role", "analyse_line", "blank_prefix", "clean_name", "doc_spans",
           "exercise_like", "exercise_spans_in", "function_start", "period_word", "shift", "wordy"]


# The order the readers are tried in is the priority of the line shapes: the first that answers decides.
# Page furniture first (an end marker, boilerplate), since it may name moves and count things; then labels,
# which say what their line is whatever follows them; then the lines that only prescribe (rest, load, dose)
# and the headings of parts, before any reader of exercises, so a part's word or a count is never taken for
# a move's name; the exercise readers go from the strongest mark of a name (a list item's count, an inline
# separator, a superset's letter, capitals, a lead-in) to the weakest; the short heading reader comes last,
# reading what is left of the short lines. A line no reader claims is prose.
_READERS: tuple[Callable[[LineView], Role | None], ...] = (
    end_marker,                # "Related posts"
    boilerplate,               # cookie notices, share buttons
    dose_label_line,           # "Sets: 3    Reps: 10"
    byline,                    # "By Jo Lee, Lunge Lab coach"
    label_line,                # "Target: glutes"
    remark_then_steps,         # "A gentle one to start. Here's how:"
    bare_label_or_frequency,   # "Instructions", "2-3 times a day"
    frequency_label_line,      # "Frequency of sessions: twice a week"
    rest_line,                 # "Rest 60 seconds between rounds"
    load_line,                 # "60-70% of your 1RM"
    goal_guide_line,           # "8-12 reps: Hypertrophy"
    part_with_note_line,       # "STAGE 2: STRENGTHEN (once walking feels easy ...)"
    pipe_row_line,             # "Lateral lunge | 8 each side"
    navigation,                # "Home > Blog > Knees"
    timed_part,                # "Warm-up (10 minutes)"
    section_intro,             # "Perform the following exercises:"
    repeat_block,              # "Repeat the circuit 3 times"
    effect_line,               # "Stretches the calf muscle on the back of the lower leg"
    advice_heading,            # "Key points for every session"
    strong_section_heading,    # "Circuit 1", "Our favourite drills"
    dose_only_line,            # "3 x 10 each side"
    counted_moves_line,        # "10 burpees, 15 air squats, 20 sit-ups"
    list_item_named,           # "- Box step-downs, 12 per leg"
    inline_name_description,   # "Glute bridge: lie on your back ..."
    lettered_name_sentence,    # "A1 - Trap bar deadlift. Stand ..."
    run_in_caps_name,          # "BEAR CRAWL Get on all fours ..."
    ordered_move_item,         # "3. Do 20 supermans."
    lead_in_name,              # "Finish with wall sits 3 x 30 s"
    count_led,                 # "15 reps Goblet squat (heels down)"
    name_then_dose_line,       # "Side plank. 3 sets of 20 seconds."
    sentence_bullet,           # "- Keep your hips level as you lower"
    short_heading_or_item,     # "Goblet squat", "Monday: easy run"
)


def analyse_line(line: Line, doc: Doc) -> Role:
    """The role of `line` from its own content: the answer of the first of _READERS that answers, prose
    when none does."""
    lv = LineView(line, doc)
    for read in _READERS:
        role = read(lv)
        if role is not None:
            return role
    return Role("prose")
