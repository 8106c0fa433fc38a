"""Picture captions and alt text a scraper left under an exercise's heading (extract/captions.py).

The mini-articles are written for these tests in the style of scraped clinic pages; none is taken from
an evaluation article.
"""
from __future__ import annotations

from runstrength.extract.captions import alt_text_lines, caption_lines
from runstrength.extract.nlp import build_nlp
from runstrength.extract.roles import analyse_line
from runstrength.extract.text import normalize, split_lines
from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import RawArticle

SHA = "0123456789abcdef" * 4


def run(text: str):
    raw = RawArticle(article_id="c000", source_file="c000.txt", sha256=SHA, text=text, encoding="utf-8")
    return next(iter(extract_articles([raw])))


def captions(text: str) -> list[str]:
    lines = split_lines(normalize(text), text)
    roles = [analyse_line(line, doc) for line, doc in zip(lines, build_nlp().pipe([line.text for line in lines]))]
    return [lines[i].text for i in sorted(caption_lines(lines, roles, alt_text_lines(lines)))]


def test_the_name_again_with_the_pages_topic_is_a_caption():
    assert captions("Knee Pain Exercises\n\nWall Sit\n\nWall sit knee pain\n\n"
                    "Lean your back on a wall and slide down until your knees bend. Hold 30 seconds.\n") == [
        "Wall sit knee pain"]


def test_words_in_lower_case_under_a_capitalised_heading_are_a_caption():
    assert captions("Hip Exercises\n\nSide Lying Leg Lift\n\nwoman lifting leg on yoga mat\n\n"
                    "Lie on your side and lift the top leg, then lower it slowly.\n") == [
        "woman lifting leg on yoga mat"]


def test_part_of_the_name_under_it_is_a_caption():
    assert captions("Plyometrics\n\nSingle-Leg Box Jumps\n\nbox jumps\n\nJump onto the box from one leg.\n") == [
        "box jumps"]


def test_list_items_are_not_captions():
    # two names of one case, one right under the other, are a list ("Squat" then its harder variant)
    assert captions("Leg Day\n\nGoblet Squat\nGoblet Squat Jump\nKeep your chest up.\n") == []
    # a list of names in lower case
    assert captions("Warm-up\n\nleg swings\nwalking lunges\nDo these slowly.\n") == []
    # the name again, then another heading (not the move's text): nothing shows it is a picture's caption
    assert captions("Core\n\nDead Bug\n\ndead bug\n\nBird Dog\n\nReach long.\n") == []


def test_an_instruction_or_a_sentence_under_a_heading_is_not_a_caption():
    assert captions("Hips\n\nClamshell\n\nkeep your knees together\n\nLie on your side.\n") == []
    assert captions("Hips\n\nClamshell\n\nclamshells help. Lie on your side\n\nLift the top knee.\n") == []


def test_a_caption_makes_no_exercise_and_leaves_the_how_to_with_the_move_above():
    a = run("Ankle Sprain Rehab\n\nBalance Exercise\n\nSingle Leg Stand\n\nsingle leg stand ankle sprain\n\n"
            "Stand on the injured leg for 30 to 60 seconds, repeat 3 sets. Stand on a pillow to make it harder.\n\n"
            "Band Work\n\nResisted Eversion\n\nresistance band ankle exercise\n\n"
            "Loop a band around your foot and turn the foot outward against it. Repeat 3 sets of 10.\n")
    assert [e.name for e in a.exercises] == ["Single Leg Stand", "Resisted Eversion"]
    stand, eversion = a.exercises
    assert (stand.dosages[0].sets_min, stand.dosages[0].hold_seconds_min, stand.dosages[0].hold_seconds_max) == (3, 30, 60)
    # the first sentence says how as well as how long (a cue, as GOLD_SPEC counts set-up)
    assert [c.text for c in stand.cues] == ["Stand on the injured leg for 30 to 60 seconds, repeat 3 sets.",
                                            "Stand on a pillow to make it harder."]
    assert (eversion.dosages[0].sets_min, eversion.dosages[0].reps_min) == (3, 10)
    assert "band" in eversion.equipment


def test_a_picture_sequence_of_one_move_is_captions():
    # each frame of the photo strip under the steps: the move's name and the frame it shows
    text = ("Back Care\n\n1. Bird Dog\n\nKneel on all fours. Reach one arm and the other leg out long.\n\n"
            "Bird Dog Start\nBird Dog Reach\nBird Dog Finish Position\n\n2. Cat Camel\n\nRound your back, then let it sag.\n")
    # "Reach" is no frame word: with it in the middle, no two frames of the strip are in a row
    assert captions(text) == []
    text = text.replace("Bird Dog Reach\n", "")
    assert captions(text) == ["Bird Dog Start", "Bird Dog Finish Position"]
    a = run(text)
    assert [e.name for e in a.exercises] == ["Bird Dog", "Cat Camel"]


def test_directions_or_one_frame_alone_are_not_a_picture_sequence():
    # three lunges of a list differ by their direction, which is no frame of one move
    assert captions("Lunge Ladder\n\nLunge Front\nLunge Side\nLunge Back\n\nStep long each time.\n") == []
    # one frame word alone names nothing in a row
    assert captions("Core\n\nPlank\n\nHold the line.\n\nPlank Up\n\nPress up onto your hands.\n") == []


def test_the_name_printed_again_is_a_caption():
    # twice over its steps
    assert captions("Hip Work\n\nBanded Side Steps\n\nBanded Side Steps\n\nStep wide against the band.\n") == [
        "Banded Side Steps"]
    # at the end of its steps, before the next move
    assert captions("Hip Work\n\n1. Hip Hikes\n\nStand on a step and drop one hip, then lift it.\n\nHip Hikes\n\n"
                    "2. Clamshell\n\nLie on your side.\n") == ["Hip Hikes"]
    # part of a long heading again, apart from it, over the steps
    assert captions("Warm-Up\n\nSkater Hops - Lateral - Alternating\n\nSkater Hops\n\nHop sideways from foot to foot.\n") == [
        "Skater Hops"]


def test_a_shorter_name_on_the_next_line_or_a_name_before_another_heading_stays_a_name():
    # a list: the harder move, then the plain one, then a note
    assert captions("Leg Day\n\nGoblet Squat Jump\nGoblet Squat\nKeep your chest up.\n") == []


def test_the_name_again_after_the_steps_takes_none_of_the_next_moves_steps():
    a = run("Pelvic Control\n\n1. Heel Slides\n\n  - Lie on your back with knees bent.\n\n  - Slide one heel away, then back.\n\n"
            "Heel Slides\n\n2. Glute Bridge\n\n  - Press your feet into the floor.\n\n  - Lift your hips.\n")
    assert [e.name for e in a.exercises] == ["Heel Slides", "Glute Bridge"]
    assert [c.text for c in a.exercises[1].cues] == ["Press your feet into the floor.", "Lift your hips."]


def test_alt_text_naming_who_does_the_move_is_a_caption():
    # over the page's title, and between a heading and the name printed again: neither the title nor a move
    a = run("Woman performing a glute bridge on a mat\n\nGlute Strength for Runners\n\nStrong glutes steady the pelvis.\n\n"
            "Hip Thrust\n\nyoung man demonstrating the move on a bench\nHip Thrusts\n\n"
            "Rest your shoulders on a bench and drive the hips up. Do 3 sets of 12.\n")
    assert a.title == "Glute Strength for Runners"
    assert [e.name for e in a.exercises] == ["Hip Thrust"]
    assert (a.exercises[0].dosages[0].sets_min, a.exercises[0].dosages[0].reps_min) == (3, 12)
    # a sentence about runners doing something is prose, not a picture's text
    assert captions("Hips\n\nRunners doing hip work get hurt less often.\n\nClamshell\n\nLie on your side.\n") == []
