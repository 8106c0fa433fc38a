"""Tests for the same-length normalised view and line layout (extract/text.py).

Every string here is written for the test; none is taken from the seed or dev articles.
"""
from __future__ import annotations

import pytest

from runstrength.extract.text import normalize, split_lines, unglue


# ---------------------------------------------------------------- normalize


def test_normalize_keeps_length_and_maps_typography():
    src = "Hold\u00a030\u201340 sec \u2013 don\u2019t \u201cpike\u201d 3\u00d710"
    out = normalize(src)
    assert len(out) == len(src)
    assert out == "Hold 30-40 sec - don't \"pike\" 3x10"


@pytest.mark.parametrize(
    "char,mapped",
    [("\u00a0", " "), ("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
     ("\u2013", "-"), ("\u2014", "-"), ("\u00d7", "x"), ("\r", "\n"), ("\t", " ")],
)
def test_normalize_single_characters(char, mapped):
    assert normalize(f"a{char}b") == f"a{mapped}b"


def test_normalize_leaves_plain_ascii_alone():
    s = "Glute bridge: 2 x 15, squeeze at the top."
    assert normalize(s) == s


def test_normalize_keeps_offsets_of_later_words():
    src = "Side plank \u2013 20\u201330\u00a0seconds each side"
    out = normalize(src)
    i = src.index("seconds")
    assert out[i:i + len("seconds")] == "seconds"


def test_normalize_parts_dose_fields_run_together():
    # A sheet's fields glued value to label: the label's colon gives its space to the gap, same length.
    src = "REPS: 12SETS: 2HOLD: 5WEEKLY: 4"
    out = normalize(src)
    assert out == "REPS: 12 SETS:2 HOLD:5 WEEKLY:4" and len(out) == len(src)
    # Only a known field's label, capitalised, straight after a digit.
    assert normalize("Route 66 Sets: 2") == "Route 66 Sets: 2"
    assert normalize("Grade 2Sprains: rest") == "Grade 2Sprains: rest"
    assert normalize("3sets: 2") == "3sets: 2"


# ---------------------------------------------------------------- split_lines


ROUTINE = (
    "Hip Strength for Trail Runners\n"
    "\n"
    "\n"
    "Circuit 1 (2 sets):\n"
    "\u2022 Clamshells 15/side\n"
    "- Glute bridge x 12\n"
    "* Wall sit 45 seconds\n"
    "1. Calf raises 20\n"
    "  Rest 60 seconds  \n"
)


def test_split_lines_offsets_point_at_content():
    view = normalize(ROUTINE)
    lines = split_lines(view)
    assert [l.text for l in lines] == [
        "Hip Strength for Trail Runners",
        "Circuit 1 (2 sets):",
        "Clamshells 15/side",
        "Glute bridge x 12",
        "Wall sit 45 seconds",
        "Calf raises 20",
        "Rest 60 seconds",
    ]
    for line in lines:
        assert ROUTINE[line.start:line.end] == line.text
        assert line.end - line.start == len(line.text)


def test_split_lines_bullets_detected_and_stripped():
    lines = split_lines(normalize(ROUTINE))
    bullets = [l.bullet for l in lines]
    assert bullets == [False, False, True, True, True, True, False]
    # raw_start keeps the marker: the bullet sits between raw_start and start
    bridge = lines[3]
    assert ROUTINE[bridge.raw_start] == "-"
    assert bridge.start > bridge.raw_start


def test_a_list_number_before_a_spaced_dash_is_a_bullet_but_a_range_is_not():
    lines = split_lines("1 \u2013 GOBLET SQUATS\n2 - Reverse lunges\n3 - 5 reps each\n")
    assert [(l.bullet, l.text) for l in lines] == [
        (True, "GOBLET SQUATS"), (True, "Reverse lunges"), (False, "3 - 5 reps each")]


def test_a_zero_padded_number_before_a_capital_numbers_a_list():
    lines = split_lines("01 Box jumps - land softly\n02 Plank\n05 reps of each\n10 Squats\n")
    assert [(l.bullet, l.text) for l in lines] == [
        (True, "Box jumps - land softly"), (True, "Plank"), (False, "05 reps of each"), (False, "10 Squats")]


def test_split_lines_gap_counts_blank_lines():
    lines = split_lines(normalize(ROUTINE))
    assert lines[0].gap == 0
    assert lines[1].gap == 2
    assert all(l.gap == 0 for l in lines[2:])
    assert [l.index for l in lines] == list(range(len(lines)))


def test_split_lines_negative_number_is_not_bullet():
    lines = split_lines("-10 reps to finish")
    assert len(lines) == 1
    assert lines[0].bullet is False
    assert lines[0].text == "-10 reps to finish"


def test_split_lines_crlf_offsets():
    src = "Warm up\r\n\r\nLeg swings 10 each way\r\n"
    view = normalize(src)
    lines = split_lines(view)
    assert [l.text for l in lines] == ["Warm up", "Leg swings 10 each way"]
    assert lines[1].gap >= 1
    for l in lines:
        assert src[l.start:l.end] == l.text


# ---------------------------------------------------------------- unglue


def test_unglue_drops_image_caption_debris():
    text = "Image showing the movement depictionSide Plank"
    cleaned, cut = unglue(text)
    assert cleaned == "Side Plank"
    assert text[cut:] == "Side Plank"


def test_unglue_leaves_normal_heading_untouched():
    assert unglue("Single Leg Romanian Deadlift") == ("Single Leg Romanian Deadlift", 0)


def test_unglue_leaves_lowercase_heading_untouched():
    assert unglue("Banded lateral walks") == ("Banded lateral walks", 0)


def test_unglue_repeated_heading():
    assert unglue("Squat JumpsSquat Jumps")[0] == "Squat Jumps"


def test_unglue_keeps_mc_prefix_name():
    assert unglue("McKenzie press-up") == ("McKenzie press-up", 0)


def test_unglue_drops_list_number_glued_to_heading():
    # a scraper that dropped the space after the list number
    assert unglue("4Goblet Squat") == ("Goblet Squat", 1)


def test_unglue_drops_alt_text_before_numbered_heading():
    # the picture's alt text, then the numbered heading itself
    assert unglue("wall sit picture2. Wall Sit")[0] == "Wall Sit"
    assert unglue("Bird dog3. Bird dog")[0] == "Bird dog"


@pytest.mark.parametrize("name", ["90/90 hip switch", "A1 Goblet squat", "3-point lunge", "1RM Back Squat", "3a Hip hinge"])
def test_unglue_keeps_digits_that_belong_to_the_name(name):
    assert unglue(name) == (name, 0)


def test_unglue_keeps_camelcase_brand_in_heading():
    assert unglue("TheraBand Clamshells") == ("TheraBand Clamshells", 0)


def test_hard_wrapped_paragraph_is_one_line():
    src = ("Step-up\n"
           "Put your whole foot on the box and drive through the heel until the\n"
           "standing leg is straight, then lower slowly with control back to the\n"
           "floor. Keep your chest up.\n")
    lines = split_lines(normalize(src))
    assert len(lines) == 2
    body = lines[1]
    assert body.text.startswith("Put your whole foot") and body.text.endswith("Keep your chest up.")
    assert body.end - body.start == len(body.text) and "\n" not in body.text
    # One lower-case line after a long one is a layout quirk (a list), not a wrapped paragraph;
    # a short line (a heading) is never wrapped text.
    assert len(split_lines(normalize("Equipment for the strength part of this week's session\ndumbbells and a mat\n"))) == 2
    assert len(split_lines("Bird dog\nkneel on the mat and reach.\nthen return.\n")) == 3


def test_sentence_cut_by_an_empty_paragraph_is_one_line():
    src = ("Sit to stand\n\nShuffle forward to the edge of the seat and put both hands on the arms\n\n"
           "and push up until you stand tall. Sit back down slowly.\n")
    lines = split_lines(normalize(src), src)
    assert len(lines) == 2
    assert lines[1].text.startswith("Shuffle forward") and lines[1].text.endswith("Sit back down slowly.")
    assert src[lines[1].start:lines[1].end] == lines[1].text.replace("arms  and", "arms\n\nand")
    # a finished sentence, a short line (a heading) or a capitalised next paragraph stays apart
    assert len(split_lines(normalize("Keep both hands on the arms of the chair all the way.\n\nand then stand.\n"))) == 2
    assert len(split_lines(normalize("Bird dog\n\nkneel on the mat and reach.\n"))) == 2
    assert len(split_lines(normalize("Shuffle forward to the edge of the seat with both hands on it\n\nStand up.\n"))) == 2


def test_a_pictures_file_title_glued_to_a_line_is_blank_in_the_view():
    raw = "Heel Drops205 heel drops2\nLower slowly.318 step photo2\nDo it x10 times2\n"
    view = normalize(raw)
    assert len(view) == len(raw)
    assert view.split("\n")[:2] == ["Heel Drops" + " " * 15, "Lower slowly." + " " * 15]
    assert view.split("\n")[2] == "Do it x10 times2"  # a count after "x" is the text's


def test_markdown_heading_marks_are_layout_not_text():
    lines = split_lines(normalize("## Lower body day\n\n### Reverse lunge\nStep back softly.\n#hashtag stays\n"))
    assert [l.text for l in lines] == ["Lower body day", "Reverse lunge", "Step back softly.", "#hashtag stays"]
    assert lines[1].start == len("## Lower body day\n\n### ")


def test_answer_mark_of_a_question_and_answer_page_is_layout():
    text = "Q: Can I train every day?\nA: Yes, as long as the load is light.\nAnswer: Keep one rest day.\nA1: Goblet squat\n"
    lines = split_lines(normalize(text), text)
    assert [l.text for l in lines] == ["Q: Can I train every day?", "Yes, as long as the load is light.",
                                       "Keep one rest day.", "A1: Goblet squat"]
    assert text[lines[1].start:lines[1].end] == "Yes, as long as the load is light."


def test_keycap_numbers_are_numbered_list_items():
    raw = "Quick primer\n1\ufe0f\u20e3 Glute bridge x 12\n2\ufe0f\u20e3 Side plank 20s each side\n"
    view = normalize(raw)
    assert len(view) == len(raw)
    lines = split_lines(view)
    assert [(ln.text, ln.bullet) for ln in lines[1:]] == [("Glute bridge x 12", True), ("Side plank 20s each side", True)]


def test_pictograph_led_notes_under_an_item_are_list_items_not_wrapped_lines_or_headings():
    raw = ("Quick primer\n1. Glute bridge - 12 reps, then lower your hips back down slowly to the mat\n"
           "\U0001F449 squeeze your glutes at the top of every rep\n\u2728 wakes up sleepy hips\n"
           "2. Side plank - 20 seconds on each side, keeping your body in one long straight line\n"
           "\U0001F449 stack your feet or drop the bottom knee\n")
    lines = split_lines(normalize(raw), raw)
    assert [(ln.text.strip(), ln.bullet) for ln in lines[2:4]] == [
        ("squeeze your glutes at the top of every rep", True), ("wakes up sleepy hips", True)]


def test_unglue_drops_the_alt_text_glued_after_a_heading():
    assert unglue("Wall Sitwallsit") == ("Wall Sit", 0)
    assert unglue("Donkey Kicksdonkeykick") == ("Donkey Kicks", 0)


def test_unglue_keeps_a_last_word_that_repeats_letters_of_the_name():
    assert unglue("Banded Hip Abductions") == ("Banded Hip Abductions", 0)
    assert unglue("Lateral Raises") == ("Lateral Raises", 0)


def test_split_lines_numbered_items_run_together_in_a_paragraph():
    view = ("My garage plan twice a week after easy runs Hips 1) clamshells (banded) 2) side planks 3) monster walks\n"
            "Arms 4) dumbbell rows\n")
    texts = [ln.text for ln in split_lines(normalize(view))]
    assert texts == ["My garage plan twice a week after easy runs", "Hips", "clamshells (banded)", "side planks",
                     "monster walks", "Arms", "dumbbell rows"]


def test_split_lines_lone_bracketed_number_in_a_sentence_is_no_item():
    view = "We tried two things, the second 2) being a longer rest, and it helped.\n"
    assert [ln.text for ln in split_lines(normalize(view))] == [view.strip()]


def test_split_lines_superset_partner_gets_its_own_line():
    view = "Goblet squat (10 reps) superset with plank jacks (20)\n"
    assert [ln.text for ln in split_lines(normalize(view))] == ["Goblet squat (10 reps)", "superset with plank jacks (20)"]


def test_split_lines_reads_two_blank_lines_as_one_where_the_page_always_uses_two():
    # Two blank lines between most paragraphs: the page's plain paragraph break.
    view = ("Hip Flexor Stretch\n\nKind to the lower back.\n\n\n1. Kneel on one knee.\n\n\n2. Push the hips forward.\n\n\n"
            "3. Hold and breathe.\n\n\n\nNotes\n")
    assert [ln.gap for ln in split_lines(normalize(view))] == [0, 1, 1, 1, 1, 2]
    # One blank line between most paragraphs: two set a new part apart and stay two.
    view = "Wall Sit\n\nSlide down the wall.\n\nHold the position.\n\n\nAbout the author\n"
    assert [ln.gap for ln in split_lines(normalize(view))] == [0, 1, 1, 2]


def test_split_lines_dot_numbered_items_glued_to_the_sentence_before():
    # A flattened leaflet: each "N." item starts right after the full stop of the one before.
    view = ("Do these daily.1. Kneel on a mat and lift one arm. Hold for five seconds.2. Lie on your side "
            "and raise the top leg. Repeat eight times. 3. Sit tall and turn to the left.\n")
    texts = [ln.text for ln in split_lines(normalize(view))]
    assert texts == ["Do these daily", "Kneel on a mat and lift one arm. Hold for five seconds",
                     "Lie on your side and raise the top leg. Repeat eight times.", "Sit tall and turn to the left."]


def test_split_lines_lone_dot_number_in_a_sentence_is_no_item():
    view = "Aim for week 2. Then add a third session when your legs feel fresh.\n"
    assert [ln.text for ln in split_lines(normalize(view))] == [view.strip()]


def test_a_slideshow_counter_glued_to_the_slides_text_is_not_part_of_the_line():
    text = "Hamstrings\nThigh 2 of 9Lie on your back and lift one leg.\n4 of 9Roll slowly.\nRound 1 of 3: squats\n"
    lines = split_lines(normalize(text), text)
    assert [line.text for line in lines] == ["Hamstrings", "Lie on your back and lift one leg.", "Roll slowly.",
                                             "Round 1 of 3: squats"]
    # offsets still point at the published text
    assert text[lines[1].start:lines[1].end] == "Lie on your back and lift one leg."
    assert text[lines[2].start:lines[2].end] == "Roll slowly."


def test_a_video_players_transcript_note_after_a_name_is_not_part_of_the_line():
    text = ("Heel Slides Transcript is below\nLie on your back.\nBridges - Video transcript available\n"
            "The transcript is below the video.\n")
    lines = split_lines(normalize(text), text)
    assert [line.text for line in lines] == ["Heel Slides", "Lie on your back.", "Bridges",
                                             "The transcript is below the video."]
    assert text[lines[2].start:lines[2].end] == "Bridges"


def test_a_blog_engines_shortcodes_are_blanked_in_the_view():
    text = "[box]CIRCUIT 1[/box]\n[dropcap]1[/dropcap]Tuck jumps\nSee note [1] and [a b].\n"
    view = normalize(text)
    assert len(view) == len(text)
    lines = split_lines(view, text)
    assert [line.text for line in lines] == ["CIRCUIT 1", "Tuck jumps", "See note [1] and [a b]."]
    assert lines[1].bullet  # a number set as a drop capital numbers the item
    # without a closing tag, square brackets are left alone
    assert normalize("[box] stays") == "[box] stays"
