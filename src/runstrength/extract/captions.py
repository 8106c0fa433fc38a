"""Image captions and alt text a scraper left under an exercise's heading.

A page's picture of a move often comes out as a short line between the move's
heading and its how-to: the name again with the page's topic ("Wall Sit" /
"Wall sit knee pain"), part of it ("Single-Leg Box Jumps" / "box jumps"), or
a few words in lower case under a capitalised heading ("Side Lying Leg Lift" /
"woman lifting leg on a mat"), or, above the heading, the name with the picture's credit
("Reverse lunge by Sam @studio" over "Reverse Lunge"). A strip of photos leaves
one line a frame ("Bridge Start" / "Bridge Up"), a picture's title the name again
(over the steps or after them), and its alt text who does what ("Young man
demonstrating a squat"). Read as a heading of its own, such a line becomes a
second exercise and takes the how-to from the real one. These lines are found
from their shape and their neighbours only, before the reading-order walk.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from runstrength.extract.line_names import title_cased
from runstrength.extract.nlp import norm_tokens
from runstrength.extract.vocab import vocab

if TYPE_CHECKING:  # annotations only
    from runstrength.extract.roles import Role
    from runstrength.extract.text import Line

# Longer than this, a line under a heading is a sentence or a subheading, not a picture's caption.
_CAPTION_WORDS = 8
# What a heading or a caption may be read as by the line roles (a name, or a heading that may be one).
_NAME_KINDS = frozenset({"exercise", "maybe_heading"})
# What follows a caption: the move's how-to (prose, a "How to:" label, its dose), not another heading.
_TEXT_KINDS = frozenset({"prose", "label", "dose", "rest"})


def _bare(line: Line, role: Role) -> bool:
    """A line that is only a name: no description, dose or sentence stop on it."""
    text = line.text.rstrip()
    if ". " in text or "? " in text or "! " in text:
        return False  # a sentence ends inside it: text cut from a paragraph, not a name or a caption
    return (role.kind in _NAME_KINDS and role.desc_start is None and not role.doses
            and not text.endswith((".", "!", "?", ":", ";")) and len(text.split()) <= _CAPTION_WORDS)


def _is_caption(heading: str, caption: str) -> bool:
    """Whether `caption`, right under the heading `heading`, reads as the heading's picture caption."""
    if caption[:1].islower() and next((c for c in heading if c.isalpha()), "").isupper():
        return True  # "Side Lying Leg Lift" / "woman lifting leg on a mat"
    head, cap = set(norm_tokens(heading)), set(norm_tokens(caption))
    if not head or not cap or not (head <= cap or cap <= head):
        return False
    # The name again, in the sentence case of a caption under a title-cased heading ("Wall Sit" / "Wall sit
    # knee pain"); two items of a list keep one case ("Glute Bridge" / "Glute Bridge March").
    return title_cased(heading) and not title_cased(caption)


def caption_lines(lines: Sequence[Line], roles: Sequence[Role], alt: set[int]) -> set[int]:
    """Indexes of the lines that are a picture's caption under the exercise heading right above them.

    A caption is short, not a list item, directly under a heading that is only a name, and followed by
    the move's text; when it is in lower case, the line after it is not in lower case too (a list of
    names in lower case: "squats" / "lunges" / "bridges"). `alt`: the alt-text lines (alt_text_lines), which
    the caller also keeps out of the title.
    """
    found: set[int] = set()
    for i in range(1, len(lines) - 1):
        line, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if line.bullet or line.gap > 2 or not _bare(line, roles[i]) or not _bare(prev, roles[i - 1]):
            continue
        if roles[i + 1].kind not in _TEXT_KINDS:
            continue
        if not _is_caption(roles[i - 1].name or prev.text, line.text):
            continue
        found.add(i)
    found.update(_credits_above(lines, roles))
    found.update(_frame_runs(lines, roles))
    found.update(alt)
    found.update(_names_again(lines, roles, alt))
    return found


def alt_text_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of a picture's alt text: a short line, no sentence, telling who does what in it ("Young male
    demonstrating air squats"). Read as a name it would be a move; read as prose, a cue or the page's title."""
    alt = vocab()["alt_text"]
    return {i for i, line in enumerate(lines)
            if not line.bullet and len(line.words) <= _CAPTION_WORDS and not line.text.rstrip().endswith((".", "!", "?", ":"))
            and alt.match(line.text)}


def _names_again(lines: Sequence[Line], roles: Sequence[Role], skip: set[int]) -> set[int]:
    """Indexes of the lines that give the move's name again: printed twice over its text ("Leg Slides" /
    "Leg Slides"), or in short right over it ("Deep Lunge - Walking" / "Deep Lunge" / its steps), or after
    it as its picture's caption at the end of its part. Read as a name, it would open the move a second
    time and take its steps or the next move's."""
    found: set[int] = set()
    above: tuple[str, ...] | None = None  # the name of the move whose heading or text the walk is in
    texts = 0  # lines of text since that name
    kept = [i for i in range(len(lines)) if i not in skip]
    for n, i in enumerate(kept):
        line, role = lines[i], roles[i]
        if role.kind in _TEXT_KINDS:
            texts += 1
            continue
        if role.kind not in _NAME_KINDS:
            above = None
            continue
        tokens = norm_tokens(role.name or line.text)
        if above is not None and tokens and not line.bullet and _bare(line, role):
            if texts and tokens == above:
                found.add(i)  # after the move's text, before the next heading
                continue
            # right under the name: only when the move's text follows ("Dead Bug" / "dead bug" / "Bird Dog"
            # may be a list), and a shorter name only apart from it ("Goblet Squat Jump" / "Goblet Squat" on
            # the next line may be a list too)
            apart = line.gap > 0 or kept[n - 1] != i - 1
            if (not texts and (tokens == above or apart and set(tokens) < set(above)) and n + 1 < len(kept)
                    and roles[kept[n + 1]].kind in _TEXT_KINDS):
                found.add(i)
                continue
        above, texts = tokens, 0
    return found


# Words after a frame's name that say no more than it does ("Bridge start position").
_FRAME_TAILS = frozenset({"position", "pose", "phase"})


def _frame(line: Line, role: Role, frames: frozenset[str]) -> tuple[tuple[str, ...], str] | None:
    """A caption line's move and frame ("Bridge Exercise Up" -> ("bridge", "exercise"), "up"), or None."""
    if line.bullet or not _bare(line, role):
        return None
    tokens = tuple(t.lower() for t in line.words)
    if tokens and tokens[-1] in _FRAME_TAILS:
        tokens = tokens[:-1]
    if not tokens or tokens[-1] not in frames:
        return None
    return tokens[:-1], tokens[-1]


def _frame_runs(lines: Sequence[Line], roles: Sequence[Role]) -> set[int]:
    """Indexes of the lines of a picture sequence's captions: two or more lines in a row, with no blank line
    between them, that name one move and each a different frame of it ("Bridge Start" / "Bridge Up"). Read as
    names, each frame would be a move of its own and take the real move's rules."""
    frames = vocab()["frame_words"]
    found: set[int] = set()
    i = 0
    while i < len(lines):
        first = _frame(lines[i], roles[i], frames)
        j = i + 1
        if first is not None:
            seen = {first[1]}
            while j < len(lines) and lines[j].gap == 0:
                got = _frame(lines[j], roles[j], frames)
                if got is None or got[0] != first[0] or got[1] in seen:
                    break
                seen.add(got[1])
                j += 1
            if j - i >= 2:
                found.update(range(i, j))
        i = j
    return found


# Lines a picture's credit may take above the heading it shows ("Reverse lunge by Sam @studio" / "Reverse lunge by Sam").
_CREDIT_LINES = 3


def _credits_above(lines: Sequence[Line], roles: Sequence[Role]) -> set[int]:
    """Indexes of the caption lines right above an exercise's heading: the move's name in sentence case with
    more words (a credit, the page's topic) over the name as a title-cased heading followed by its text. Read
    as names, they would be exercises of their own, each taking the heading's move."""
    found: set[int] = set()
    for j in range(1, len(lines) - 1):
        if roles[j + 1].kind not in _TEXT_KINDS or not _bare(lines[j], roles[j]):
            continue
        heading = roles[j].name or lines[j].text
        if not title_cased(heading):
            continue
        head = set(norm_tokens(heading))
        for k in range(j - 1, max(j - 1 - _CREDIT_LINES, -1), -1):
            line = lines[k]
            if line.bullet or lines[k + 1].gap > 2 or not _bare(line, roles[k]) or title_cased(line.text):
                break
            if not head or not head < set(norm_tokens(line.text)):
                break
            found.add(k)
    return found
