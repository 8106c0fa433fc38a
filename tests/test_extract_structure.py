"""Routine structure: which part (section) an exercise sits in, the rules a part gives its exercises,
table and list rows, and the other names an exercise goes by further down a page.

Every mini-article here is written for these tests in the style of clinic and coaching pages; none is
taken from an evaluation article. Expected values follow /work/shared/gold/GOLD_SPEC.md.
"""
from __future__ import annotations

import pytest

from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import RawArticle
from runstrength.model import Article, Dosage, Exercise

SHA = "0123456789abcdef" * 4


def run(text: str, aid: str = "s000") -> Article:
    raw = RawArticle(article_id=aid, source_file=f"{aid}.txt", sha256=SHA, text=text, encoding="utf-8")
    return next(iter(extract_articles([raw])))


def main(e: Exercise) -> Dosage:
    mains = [d for d in e.dosages if d.stage == "main"]
    assert mains, e.dosages
    return mains[0]


def section_of(article: Article, e: Exercise) -> str | None:
    return next((s.title for s in article.sections if s.section_id == e.section_id), None)


def by_canonical(article: Article, canonical: str) -> Exercise:
    found = [e for e in article.exercises if e.canonical_name == canonical]
    assert len(found) == 1, [(e.name, e.canonical_name) for e in article.exercises]
    return found[0]


# ---------------------------------------------------------------- tables and list rows


def test_station_column_before_the_exercise_column_numbers_the_rows():
    a = run("Garage Intervals\n\nMain set\n\nFour rounds, no rest between stations.\n\n"
            "Station\tExercise\tWork\tRest\n1\tGoblet squat\t30s\t15s\n2\tFarmer carry\t20s each hand\t15s\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "Farmer carry"]
    assert main(a.exercises[1]).duration_seconds_min == 20
    assert [section_of(a, e) for e in a.exercises] == ["Main set", "Main set"]


def test_a_lone_pipe_between_table_rows_is_no_row_and_no_crash():
    a = run("Ankle Care\n\nExercise | Sets | Reps\n|\nHeel raise | 3 | 12\n|\nToe walk | 2 | 20\n")
    assert [e.name for e in a.exercises] == ["Heel raise", "Toe walk"]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 12)
    assert (main(a.exercises[1]).sets_min, main(a.exercises[1]).reps_min) == (2, 20)


def test_name_and_dose_kept_apart_by_a_pipe_are_one_list_row():
    a = run("Hip Session\n\nPart 2 - Strength\n\nKeep the rests short.\n\n"
            "1. Reverse lunge | 8 each side\nStep back softly.\n\n"
            "2. Side plank | hold 20 seconds each side\nStack the hips.\n\n"
            "3. Band walk | 10 steps each way\nStay low.\n")
    assert [e.name for e in a.exercises] == ["Reverse lunge", "Side plank", "Band walk"]
    lunge = main(a.exercises[0])
    assert (lunge.reps_min, lunge.per_side) == (8, True)
    assert main(a.exercises[1]).hold_seconds_min == 20
    assert [section_of(a, e) for e in a.exercises] == ["Part 2 - Strength"] * 3


def test_list_item_of_a_name_and_its_count_after_an_x_is_an_exercise():
    a = run("Shoulder Prep\n\nWarm-up\n\n- Kettlebell pass-around x 6 each way\n- Glute bridge x 12\n")
    assert [e.name for e in a.exercises] == ["Kettlebell pass-around", "Glute bridge"]
    assert (main(a.exercises[0]).reps_min, main(a.exercises[0]).per_side) == (6, True)


def test_list_item_giving_its_count_before_a_known_move_and_a_remark_is_that_move():
    a = run("Garage Session\n\nBlock A\n\n- 15 reps Goblet squat (pause for a breath at the bottom if you can)\n"
            "- 20 Mountain climbers (go slower than you think you need to)\n"
            "- 40 seconds Side plank (top hip held right above the lower one)\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "Mountain climbers", "Side plank"]
    assert [main(e).reps_min for e in a.exercises[:2]] == [15, 20]


def test_plain_line_giving_its_count_before_a_known_move_and_its_kit_is_that_move():
    a = run("Hotel Room Legs\n\nThe circuit\n\n"
            "12 to 15 reps of Reverse lunges with a backpack full of books on your shoulders\n"
            "Stand tall between reps and breathe out as you push back up.\n")
    assert [e.name for e in a.exercises] == ["Reverse lunges"]
    assert (main(a.exercises[0]).reps_min, main(a.exercises[0]).reps_max) == (12, 15)


def test_count_then_more_of_the_prescription_before_the_move_is_not_cut_into_the_name():
    a = run("Pull Day\n\n- 4 x 6 chin-ups\n- 3 x 10 push-ups\n")
    assert [e.canonical_name for e in a.exercises] == ["chin-up", "push-up"]
    assert [main(e).sets_min for e in a.exercises] == [4, 3]


def test_known_move_said_as_a_sentence_then_its_prescription_is_that_move():
    a = run("Hip Work at Home\n\nSide-lying clams. 3 sets, 15 reps.\n"
            "Glute bridge (photo). 2 sets of 12 reps. Squeeze at the top and lower slowly.\n")
    assert [e.name for e in a.exercises] == ["Side-lying clams", "Glute bridge"]
    assert [(main(e).sets_min, main(e).reps_min) for e in a.exercises] == [(3, 15), (2, 12)]


def test_several_dose_labels_on_one_line_are_one_prescription():
    a = run("Knee Handout\n\nWALL SQUAT\nSlide down the wall until your knees are half bent.\n"
            "Sets: 3    Reps: 6    Hold: 10 seconds\n")
    d = main(a.exercises[0])
    assert (d.sets_min, d.reps_min, d.hold_seconds_min) == (3, 6, 10)
    assert len(a.exercises[0].dosages) == 1


def test_dose_labels_split_by_a_bar_are_one_prescription():
    a = run("Knee Handout\n\nWALL SQUAT\nSlide down the wall until your knees are half bent.\n"
            "Reps: 6-10 each leg | Sets: 2\n")
    d = main(a.exercises[0])
    assert (d.sets_min, d.reps_min, d.reps_max, d.per_side) == (2, 6, 10, True)


# ---------------------------------------------------------------- the rules a part gives its exercises


def test_run_through_these_line_gives_its_part_the_rounds():
    a = run("Morning Mobility\n\nWarm-up\n\nGo through these twice, slowly:\n- Glute bridge x 12\n- Bird dog x 6 each side\n\n"
            "Main set\n\nComplete 4 rounds.\n\n- Goblet squat x 10\n")
    assert [section_of(a, e) for e in a.exercises] == ["Warm-up", "Warm-up", "Main set"]
    assert [main(e).sets_min for e in a.exercises] == [2, 2, 4]


def test_do_this_circuit_twice_before_the_first_exercise_gives_the_rounds():
    a = run("Hill Legs\n\nCircuit 1\n\nDo this circuit twice with a minute of rest between rounds. Move briskly.\n\n"
            "Step-up - 10 per leg\nDrive through the top foot.\n\nSplit squat - 8 per leg\nDrop the back knee.\n")
    assert [main(e).sets_min for e in a.exercises] == [2, 2]


def test_do_this_circuit_twice_in_a_paragraph_gives_the_part_its_rounds():
    a = run("Hill Legs\n\nCircuit 1\n\nDo this circuit twice and take a minute between rounds. Move from one station to the "
            "next briskly and keep your form sharp.\n\n1. Step-up | 10 per leg\nDrive through the top foot.\n")
    assert main(a.exercises[0]).sets_min == 2


def test_go_through_the_list_in_a_paragraph_gives_the_part_its_rounds():
    a = run("Easy Mobility\n\nWarm-up\n\nGo through the list below three times at an easy pace. Keep moving from one "
            "move to the next without stopping.\n\n- Glute bridge x 12\n- Bird dog x 6 each side\n")
    assert [main(e).sets_min for e in a.exercises] == [3, 3]


def test_lead_in_line_ending_in_a_colon_keeps_its_part():
    a = run("Short Finisher\n\nFinisher\n\nAs many rounds as you can manage in 5 minutes:\n- 6 jump squats\n- 8 mountain climbers each side\n")
    assert [e.canonical_name for e in a.exercises] == ["squat jump", "mountain climber"]
    assert [section_of(a, e) for e in a.exercises] == ["Finisher", "Finisher"]


def test_exercises_counted_minute_by_minute_get_their_counts_and_the_rounds_of_each():
    a = run("Conditioning Block\n\nFinisher\n\nSet a clock for 6 minutes. On odd minutes do 12 air squats; on even minutes "
            "do 8 push-ups. Rest until the next minute starts. That's three rounds of each.\n")
    assert [e.canonical_name for e in a.exercises] == ["squat", "push-up"]
    assert [(main(e).sets_min, main(e).reps_min) for e in a.exercises] == [(3, 12), (3, 8)]
    assert [section_of(a, e) for e in a.exercises] == ["Finisher", "Finisher"]


def test_one_exercise_counted_in_a_part_instructions_is_that_part_exercise():
    a = run("Garage Session\n\nMain set\n\nSquat - 3 x 8\n\nFinisher\n\nFor six minutes, at the start of every new minute, complete 7 burpees.\n")
    burpee = by_canonical(a, "burpee")
    assert main(burpee).reps_min == 7
    assert section_of(a, burpee) == "Finisher"


def test_what_a_part_says_after_counting_its_one_exercise_describes_it():
    a = run("Garage Session\n\nMain set\n\nSquat - 3 x 8\n\nFinisher\n\n"
            "For six minutes, at the start of every new minute, complete 7 burpees.\n\n"
            "Drop your chest to the floor, kick your feet back, then jump up tall.\n")
    burpee = by_canonical(a, "burpee")
    assert [c.text for c in burpee.cues] == ["Drop your chest to the floor, kick your feet back, then jump up tall."]


def test_a_measure_before_a_name_is_no_counted_exercise():
    a = run("Hurdle Drills\n\nBlock 1\n\nBefore you start, set the cones out in a line about 2 strides apart.\n\n"
            "Leg swings - 10 each side\n")
    assert [e.canonical_name for e in a.exercises] == ["leg swing"]


# ---------------------------------------------------------------- section headings


def test_part_heading_with_a_bracket_about_rest_is_the_part_named_without_it():
    a = run("Trail Legs\n\nBlock A (superset, rest 90 sec after A2)\nA1. Step-up - 3 x 8 each leg\nA2. Side plank - 3 x 20s each side\n\n"
            "Block B (pair these, resting 45 seconds after B2)\nB1. Split squat - 3 x 8 each leg\nB2. Dead bug - 3 x 6 each side\n")
    assert [section_of(a, e) for e in a.exercises] == ["Block A", "Block A", "Block B", "Block B"]


def test_bracketed_note_under_a_part_heading_is_not_a_part():
    a = run("Knee Plan\n\nPhase 1: Calm it down\n(Weeks 1-2)\n\nWall sit\nSlide down the wall and hold 30 seconds.\n")
    assert section_of(a, a.exercises[0]) == "Phase 1: Calm it down"


def test_numbered_heading_of_any_label_word_is_a_part():
    a = run("Tendon Ladder\n\nTier 1: Holds\nHolds come first, before any bouncing.\n\nWall sit\nSlide down and hold 30 seconds.\n\n"
            "Tier 2: Movement\nThen add movement.\n\nPogo hops\nBounce lightly for 20 seconds.\n")
    assert [section_of(a, e) for e in a.exercises] == ["Tier 1: Holds", "Tier 2: Movement"]


def test_heading_ending_on_a_label_word_over_instructions_is_no_exercise():
    a = run("Hip Plan\n\nUsage tips\n- Do the plan on days you do not run.\n- Keep each move slow.\n\n"
            "Main set\n\nClamshell - 2 x 15 each side\n")
    assert [e.canonical_name for e in a.exercises] == ["clamshell"]


def test_heading_in_capitals_opened_by_a_function_word_over_instructions_is_no_exercise():
    a = run("Ankle Plan\n\nHOW OFTEN\nDo the session on three days a week.\n\nMain set\n\nClamshell - 2 x 15 each side\n")
    assert [e.canonical_name for e in a.exercises] == ["clamshell"]


def test_summary_table_exercises_belong_to_the_labelled_parts_that_describe_them():
    a = run("Six Weeks of Home Strength\n\nThe plan week by week\n\nCopy this into your log.\n\n"
            "Exercise\tWeeks 1-3\tWeeks 4-6\nA1 Goblet squat\t2 x 8\t3 x 10\nB1 Side plank\t2 x 20s each side\t3 x 30s each side\n\n"
            "Superset A\n\nA1 - Goblet squat\nHold the bell at your chest and sit between your heels.\n\n"
            "Superset B\n\nB1 - Side plank\nStack your feet and lift your hips.\n")
    assert [section_of(a, e) for e in a.exercises] == ["Superset A", "Superset B"]


def test_summary_then_details_headings_are_no_parts():
    a = run("KNEE EXERCISE SHEET\n\nWORKOUT SUMMARY\nExercise | Sets | Reps\nWall sit | 2 | 3\nStep-up | 3 | 10\n\n"
            "EXERCISE DETAILS\n\n1) WALL SIT\nLean on the wall and slide down a little.\n\n"
            "2) STEP-UP\nStep onto the bottom stair and stand tall.\n")
    assert [e.canonical_name for e in a.exercises] == ["wall sit", "step-up"]
    assert [section_of(a, e) for e in a.exercises] == [None, None]


# ---------------------------------------------------------------- other names of one exercise


def test_abbreviations_in_the_notes_are_the_exercises_listed_above():
    a = run("Ultra Strength\n\nMain block\nA1. Rear-foot elevated split squat - 3 x 8 each leg\n"
            "A2. Single-leg Romanian deadlift - 3 x 8 each leg\n\nSome notes:\n\n"
            "RFESS: keep the front shin upright and lower slowly.\n\nSL RDL: reach the free leg long behind you.\n")
    assert [e.name for e in a.exercises] == ["Rear-foot elevated split squat", "Single-leg Romanian deadlift"]
    assert "RFESS" in a.exercises[0].aliases and "SL RDL" in a.exercises[1].aliases
    assert [section_of(a, e) for e in a.exercises] == ["Main block", "Main block"]


def test_a_shorter_heading_under_a_how_to_heading_is_the_table_exercise():
    a = run("Bell Circuit\n\nMain circuit\n\nExercise\tWork\nKettlebell deadlift\t40s\nKettlebell swing\t40s\n\n"
            "How to do each move\n\nDeadlift\nPush your hips back and stand up tall.\n\n"
            "Swing\nHike the bell back and snap the hips.\n")
    assert [e.name for e in a.exercises] == ["Kettlebell deadlift", "Kettlebell swing"]
    assert any("stand up tall" in c.text for c in a.exercises[0].cues)


def test_paragraph_naming_its_heading_by_its_last_word_describes_it():
    a = run("Spring Plan\n\nPhase 3\n\n1. Rope skipping\n\nSkipping builds the number of landings a tendon can take. "
            "Start with 30 seconds of easy skipping.\n\n2. Pogo hops\n\nBounce lightly.\n")
    assert [e.name for e in a.exercises] == ["Rope skipping", "Pogo hops"]
    assert [d.stage for d in a.exercises[0].dosages] == ["start"]


def test_heading_in_a_later_part_adding_a_word_to_a_described_exercise_is_the_harder_variant():
    a = run("Calf Plan\n\nPhase 1\n\n1. Single-leg heel raise\nRise on one foot and lower slowly. 3 sets of 12.\n\n"
            "Phase 2\n\n2. Weighted single-leg heel raise\nHold a dumbbell on the working side. 4 sets of 8.\n")
    assert [e.name for e in a.exercises] == ["Single-leg heel raise", "Weighted single-leg heel raise"]
    assert [main(e).reps_min for e in a.exercises] == [12, 8]


def test_high_pull_and_halo_are_movements_of_the_lexicon():
    a = run("Upper Body Work for Trail Runners\n\nTwo moves for strong shoulders on long climbs.\n\nMain set\n\n"
            "Dumbbell high pull - 3 x 8\nPlate halo - 2 x 6 each way\n")
    assert [e.canonical_name for e in a.exercises] == ["high pull", "halo"]


# ---------------------------------------------------------------- summaries, part headings with notes


def test_summary_cell_of_several_exercises_gives_each_its_own_dose_and_the_stage_heading_is_their_part():
    a = run("Achilles Loading Sheet\n\nWork through the phases in order and move on only when the tendon allows.\n\n"
            "PLAN AT A GLANCE\n\n"
            "Phase | Aim | Exercises | Sets x reps | Progress when\n"
            "1. Calm | Settle the tendon | Wall sit; Seated calf raise | 4 x 30 s hold; 3 x 15 | Morning stiffness gone\n"
            "2. Build | Add load | Goblet squat; Step-up | 3 x 10; 3 x 8 each leg | No pain the next day\n\n"
            "PHASE 1 - CALM\n\nWall sit\nSlide your back down the wall until your knees are bent.\n\n"
            "Seated calf raise\nSit with a weight on your knees and lift your heels.\n\n"
            "PHASE 2 - BUILD\n\nGoblet squat\nHold the bell at your chest and sit down between your heels.\n\n"
            "Step-up\nDrive through the top foot and stand tall on the box.\n")
    assert [e.canonical_name for e in a.exercises] == ["wall sit", "seated calf raise", "goblet squat", "step-up"]
    assert main(a.exercises[0]).hold_seconds_min == 30
    assert (main(a.exercises[1]).reps_min, main(a.exercises[2]).reps_min, main(a.exercises[3]).reps_min) == (15, 10, 8)
    assert main(a.exercises[3]).per_side and not main(a.exercises[2]).per_side
    assert [section_of(a, e) for e in a.exercises] == ["PHASE 1 - CALM"] * 2 + ["PHASE 2 - BUILD"] * 2


def test_row_of_a_table_without_a_known_header_is_no_cue_or_dose():
    a = run("Knee Plan\n\nMain set\n\nWall sit\nSlide down the wall and keep your knees over your toes. Hold 30 seconds.\n"
            "Level one | This builds strength in the quads and calves | Wall sit and step-up | 3 x 12 | Twice a week on easy days\n")
    sit = a.exercises[0]
    assert [c.text for c in sit.cues] == ["Slide down the wall and keep your knees over your toes."]
    assert not sit.purpose
    assert [(d.sets_min, d.reps_min, d.hold_seconds_min) for d in sit.dosages] == [(None, None, 30)]


def test_part_heading_with_rounds_and_work_time_in_brackets_opens_the_part_and_sets_its_rule():
    a = run("Lunchtime Legs\n\nWarm-up\n\n- Leg swings - 10 each leg\n\n"
            "Main circuit (4 rounds: 30 seconds work, 15 seconds rest)\n\n"
            "1. Goblet squat\nHold the bell at your chest and sit down between your heels.\n\n"
            "2. Skater jumps\nLeap sideways and land softly on the outside foot.\n")
    swings, squat, skater = a.exercises
    assert section_of(a, swings) == "Warm-up" and (main(swings).sets_min, main(swings).duration_seconds_min) == (None, None)
    assert [section_of(a, e) for e in (squat, skater)] == ["Main circuit"] * 2
    assert [(main(e).sets_min, main(e).duration_seconds_min) for e in (squat, skater)] == [(4, 30), (4, 30)]


def test_part_word_alone_that_ends_like_a_movement_heads_the_exercises_under_it():
    a = run("Hip Rehab\n\nPhase 1: Strength\n\nMonster walk\nStay low and step wide against the band. 2 x 10 each way.\n\n"
            "Stretching\n\nKneeling hip flexor stretch\nTuck your pelvis under and ease forward. Hold 30 seconds each side.\n")
    assert [e.canonical_name for e in a.exercises] == ["monster walk", "hip flexor stretch"]
    assert section_of(a, a.exercises[1]) == "Stretching"


def test_summary_after_the_routine_repeats_its_exercises_under_other_names():
    a = run("Calf and Hip Plan\n\nPart 1: Standing\n\nCalf raise with bent knee\nKeep the knee soft and rise slowly. 3 x 15.\n\n"
            "Lateral lunge\nPush the hips back over the bent leg. 2 x 8 each side.\n\n"
            "Quick reference\n\nExercise | Sets x reps\nBent-knee calf raise | 3 x 15\nSide lunges | 2 x 8 each side\n")
    assert [e.name for e in a.exercises] == ["Calf raise with bent knee", "Lateral lunge"]
    assert "Bent-knee calf raise" in a.exercises[0].aliases and "Side lunges" in a.exercises[1].aliases
    assert [section_of(a, e) for e in a.exercises] == ["Part 1: Standing"] * 2


def test_part_heading_made_long_by_a_note_in_brackets_is_the_part_named_without_it():
    a = run("Back to Running After Surgery\n\n"
            "STAGE 2: STRENGTHEN (once walking feels comfortable and you can climb the stairs without any pain)\n\n"
            "Wall sit\nSlide down the wall and hold for 30 seconds.\n\n"
            "Stage 3: Load (from roughly 8 to 10 weeks)\n\nGoblet squat\nHold the bell at your chest. 3 x 10.\n")
    assert [section_of(a, e) for e in a.exercises] == ["STAGE 2: STRENGTHEN", "Stage 3: Load"]


def test_table_at_a_glance_before_the_descriptions_is_one_list_with_them_and_no_part():
    a = run("Hip Plan for Trail Runners\n\nThe routine at a glance\n\n"
            "Exercise\tSets x reps\nClamshell\t2 x 15 each side\nBanded lateral walk\t2 x 12 steps each way\nGlute bridge\t3 x 12\n\n"
            "1) Side-lying clam\nLie on your side with your knees bent and open the top knee.\n\n"
            "2) Crab walk\nLoop a band round your ankles and step sideways, staying low.\n\n"
            "3) Glute bridge\nLie on your back and push your hips up through your heels.\n")
    assert [e.name for e in a.exercises] == ["Clamshell", "Banded lateral walk", "Glute bridge"]
    assert "Crab walk" in a.exercises[1].aliases
    assert a.exercises[1].cues and a.exercises[0].cues
    assert [section_of(a, e) for e in a.exercises] == [None, None, None]


def test_period_label_before_a_prescription_is_the_dose_of_the_exercise_above():
    a = run("Strong Calves\n\nMain work\n\n1. Goblet squat\nHold the bell at your chest and sit down between your heels.\n"
            "Weeks 1-3: 3 x 10 with a light bell. Weeks 4-6: 4 x 6, heavier.\n\n"
            "2. Wall sit\nSlide down the wall until your knees are bent.\nFirst phase: 3 x 30-second holds.\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "Wall sit"]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 10)
    assert main(a.exercises[1]).hold_seconds_min == 30


def test_row_of_a_weekly_timetable_is_no_exercise():
    a = run("Half Marathon Strength\n\nHow a week looks\n\nThe gym goes on a hard day so easy days stay easy.\n\n"
            "Day\tRun\tGym\nMonday\tRest\t-\nWednesday\tHill repeats: 8 x 400 m at mile pace\tGym session 1\n"
            "Thursday\tEasy 40 min\t-\n\nSession 1\n\nReverse lunge - 3 x 8 each leg\nStep back and drop the back knee.\n")
    assert [e.name for e in a.exercises] == ["Reverse lunge"]


def test_exercises_the_next_sentence_turns_away_from_are_left_out():
    a = run("Knee Care for Runners\n\nThe routine\n\nStep-up - 3 x 10 each leg\nDrive through the front heel.\n\nAnd the machines?\n\n"
            "Gyms are full of people doing leg extensions on the machine. Skip those until the knee settles.\n")
    assert [e.name for e in a.exercises] == ["Step-up"]


def test_tab_separated_rows_without_a_header_row_are_a_routine_table():
    a = run("Garden Strength\n\nSTATION WORK\nTwo laps of the stations, one minute of rest between laps.\n\n"
            "Reverse lunge\t10 each leg\tStep back long and drop the back knee towards the grass.\n"
            "Plank shoulder tap\t16\tWide feet, and keep the hips from swaying as you tap.\n"
            "Wall sit\t45 seconds\tBack flat on the fence, knees over ankles.\n\n"
            "Cool down with an easy walk.\n")
    lunge, tap, sit = a.exercises
    assert [e.name for e in a.exercises] == ["Reverse lunge", "Plank shoulder tap", "Wall sit"]
    assert (main(lunge).reps_min, main(lunge).per_side) == (10, True)
    assert main(tap).reps_min == 16
    assert main(sit).hold_seconds_min == 45 or main(sit).duration_seconds_min == 45
    assert [c.text for c in lunge.cues] == ["Step back long and drop the back knee towards the grass."]


def test_a_single_tab_separated_line_is_no_table():
    a = run("Hip Work\n\nClamshell\tKeep the feet together and open the knee. 2 x 15 each side.\n\n"
            "Side plank\nStack the hips and hold 30 seconds.\n")
    assert [e.canonical_name for e in a.exercises] == ["clamshell", "side plank"]
    assert main(a.exercises[0]).reps_min == 15


def test_tick_box_beside_a_numbered_heading_is_not_part_of_the_name():
    a = run("Knee Leaflet\n\nYour exercises\n\nExercise 1: Short arc quad  [ ]\nRoll a towel under the knee and straighten the leg. "
            "Do 2 sets of 12.\n\nExercise 2: Mini squat  [x]\nHold the worktop and bend the knees a little. Do 3 sets of 8.\n")
    assert [e.name for e in a.exercises] == ["Short arc quad", "Mini squat"]
    assert (main(a.exercises[1]).sets_min, main(a.exercises[1]).reps_min) == (3, 8)


def test_heading_on_making_the_moves_harder_is_no_exercise():
    a = run("Lunge Plan\n\nReverse lunge\nStep back and lower the back knee. Do 3 sets of 8 each leg.\n\n"
            "Making the split squats harder\nOnce 3 sets feel easy, hold a dumbbell in each hand.\n")
    assert [e.canonical_name for e in a.exercises] == ["reverse lunge"]


def test_a_count_of_each_exercise_of_a_kind_goes_to_all_of_them():
    a = run("Hamstring Leaflet\n\nExercise 1: Straight-leg bridge\nHeels on a chair, lift the hips. Do 3 sets of 10.\n\n"
            "Exercise 2: Bent-knee bridge\nFeet near the chair, lift the hips. Do 3 sets of 10.\n\n"
            "If that is too much\nStart with 2 sets of 5 repetitions of each bridge and add one every few days.\n")
    first, second = a.exercises
    for e in (first, second):
        assert ("start", 2, 5) in [(d.stage, d.sets_min, d.reps_min) for d in e.dosages], e.dosages


def test_heading_between_numbered_exercises_is_an_aside_not_a_part():
    a = run("Shin Leaflet\n\nYour exercises\nDo these once a day.\n\n"
            "Exercise 1: Toe raise\nLean on a wall and lift the front of both feet. Do 2 sets of 15.\n\n"
            "Exercise 2: Heel walk\nWalk on your heels across the room. Do this 3 times.\n\n"
            "Taking it further\nAfter a fortnight, carry a light bag while you walk.\n\n"
            "Exercise 3: Calf stretch\nLean into the wall with the back heel down. Hold 30 seconds on each leg.\n")
    assert [section_of(a, e) for e in a.exercises] == ["Your exercises"] * 3


def test_watch_line_under_an_exercise_heading_keeps_the_description_with_it():
    a = run("Ankle Videos\n\n---\n\nCalf raise\n\nWatch: Calf raise (1:10)\n\n"
            "Transcript: \"Stand tall near a wall and rise onto your toes, then lower for three seconds.\"\n\n"
            "Dose: 3 x 15\n\n---\n\nSingle-leg balance\n\nWatch: Single-leg balance (0:55)\n\n"
            "Transcript: \"Stand on one foot near a wall, hips level, and keep the standing knee soft.\"\n\n"
            "Dose: 3 x 30 seconds each leg\n")
    assert [e.canonical_name for e in a.exercises] == ["calf raise", "single-leg balance"], [e.name for e in a.exercises]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 15)


# ---------------------------------------------------------------- sub-labels, lead-ins and list layouts


def test_bare_steps_label_under_an_exercise_keeps_its_steps_with_it():
    a = run("Knee Care Routine\n\nWall sit\nA good way to load the quads without impact.\n\nHow to do it:\n"
            "- Rest your back flat against a wall.\n- Slide down until the knees reach about 90 degrees.\n\n"
            "Step-down\nTrains control of the knee on the way down.\n\nTechnique\n"
            "- Stand on a low step on one foot.\n- Lower the other heel to the floor slowly, then rise again.\n")
    sit, down = a.exercises
    assert [c.text for c in sit.cues] == ["Rest your back flat against a wall.",
                                          "Slide down until the knees reach about 90 degrees."]
    assert "Stand on a low step on one foot." in [c.text for c in down.cues]


def test_hyphenated_and_reason_labels_alone_keep_the_lines_below_with_the_move():
    # "How-To:" is the "How to:" label with a hyphen; "Why It Helps Sore Ankles:" a reason's label with the
    # reader's problem after it. Neither is a heading that ends the move: the steps are its cues, the
    # lines under the reason its purposes.
    a = run("Ankle Care Moves\n\nHeel Walks\nHow-To:\nRise onto your heels with the toes up.\n"
            "Walk ten steps forward, then ten back.\nWhy It Helps Sore Ankles:\nWakes up the muscles at the front of the shin.\n"
            "Toe Taps\nSet-Up:\nSit tall on a firm chair.\nTap the toes of one foot quickly on the floor.\n")
    walks, taps = a.exercises
    assert [c.text for c in walks.cues] == ["Rise onto your heels with the toes up.",
                                            "Walk ten steps forward, then ten back."]
    assert [p.text for p in walks.purpose] == ["Wakes up the muscles at the front of the shin."]
    assert [c.text for c in taps.cues][:1] == ["Sit tall on a firm chair."]


def test_a_goal_label_that_gives_the_dose_is_no_purpose():
    # "Goal: 2 sets of 40 seconds" says how much, not what the move is for.
    a = run("Foot Programme\n\nSingle-leg stance\n\nThis exercise improves balance.\n\n"
            "Goal: 2 sets of 40 seconds, twice per day\n\nToe yoga\n\nGoal: better control of the toes\n")
    stance, yoga = a.exercises
    assert [p.text for p in stance.purpose] == ["This exercise improves balance."]
    assert (main(stance).sets_min, main(stance).hold_seconds_min) == (2, 40)
    assert [p.text for p in yoga.purpose] == ["Goal: better control of the toes"]


def test_numbered_items_after_moves_are_moves_even_when_the_lexicon_lacks_them():
    # "3. Toe Flips" follows "2. Butt Kicks" in one numbered list: the next move, named or with its how-to in
    # brackets, though no lexicon entry knows it.
    a = run("Sprint Drills\n\nDo these before a fast session.\n\n1. A-Skips\n\n2. Butt Kicks\n\n3. Toe Flips\n\n"
            "4. Wall Drives (lean on a wall and punch one knee up fast)\n")
    assert [e.name for e in a.exercises] == ["A-Skips", "Butt Kicks", "Toe Flips", "Wall Drives"]


def test_a_rule_for_all_the_exercises_with_a_modal_is_no_part_heading():
    # "All the band exercises should be done at 3 x 12": a rule said of the moves below, not the title of a part.
    a = run("Band Workout\n\n* All the band exercises should be done at 3 x 12\n\n"
            "1. Band Row – Pull the band to your ribs.\n2. Band Press – Push the band forward from your chest.\n")
    assert [e.name for e in a.exercises] == ["Band Row", "Band Press"]
    assert [s.title for s in a.sections] == []
    assert [e.section_id for e in a.exercises] == [None, None]
    assert [(main(e).sets_min, main(e).reps_min) for e in a.exercises] == [(3, 12), (3, 12)]


def test_a_stage_with_its_aim_after_the_colon_is_a_part_not_a_move():
    # "Phase 1: Calm the tendon down." says what the phase is for; the items under it are its moves. A
    # one-word order after it ("Stage 1: March.") still names the stage's move.
    a = run("Achilles Rehab\n\nPhase 1: Calm the tendon down.\n  • Seated calf raises\n  • Towel stretch\n"
            "Phase 2: Build load and spring.\n  • Single-leg calf raises\n  • Pogo hops\n")
    assert [s.title for s in a.sections] == ["Phase 1: Calm the tendon down", "Phase 2: Build load and spring"]
    assert [e.name for e in a.exercises] == ["Seated calf raises", "Towel stretch", "Single-leg calf raises", "Pogo hops"]
    b = run("Morning Routine\n\nStage 1: March.\nLift each knee to hip height for a minute.\n")
    assert [e.name for e in b.exercises] == ["March"]


def test_aim_label_alone_under_an_exercise_gives_the_line_below_as_its_purpose():
    # A leaflet's "Aim" over the purpose, then "Instructions" over the steps: sub-labels of the move,
    # never a part heading, and the line under "Aim" is the purpose however it is worded.
    a = run("Knee Leaflet\n\nHeel slide\nAim\nTo get more bend in your knee.\nInstructions\n"
            "Lie on your back. Slide your heel towards your bottom.\nRepeat 10 times.\n\n"
            "Straight leg raise\nAim\nTo strengthen the front of your thigh.\nInstructions\n"
            "Lie on your back with one knee bent. Lift the straight leg a hand width off the bed.\nRepeat 10 times.\n")
    slide, raise_ = a.exercises
    assert [s.title for s in a.sections] == []
    assert [c.text for c in slide.purpose] == ["To get more bend in your knee."]
    assert [c.text for c in slide.cues] == ["Lie on your back.", "Slide your heel towards your bottom."]
    assert [c.text for c in raise_.purpose] == ["To strengthen the front of your thigh."]


def test_aim_label_with_its_text_under_a_heading_is_the_purpose_and_the_heading_a_move():
    # "Aim: ..." on the line under a heading the lexicon does not know: the how-to comes a line later, and the
    # heading is still the move's (not a part over an aim); the aim is its purpose, not an instruction to aim.
    a = run("Back Care Exercises\n\n1) Tummy Bracing\n\nAim: To ease stiffness in the lower back.\n\n"
            "Lie on your back with your knees bent. Rock your pelvis gently up and down.\n\n"
            "2) Leg Sliding\n\nAim: To loosen the hips.\n\nLie on your back and let both knees roll to one side.\n")
    rock, rolls = a.exercises
    assert (rock.name, rolls.name) == ("Tummy Bracing", "Leg Sliding")
    assert [c.text for c in rock.purpose] == ["Aim: To ease stiffness in the lower back."]
    assert [c.text for c in rock.cues] == ["Lie on your back with your knees bent.", "Rock your pelvis gently up and down."]
    assert [c.text for c in rolls.purpose] == ["Aim: To loosen the hips."]


def test_a_name_written_in_quotes_is_a_move_without_its_quotes():
    a = run("Back Care Exercises\n\n1) \u2018Cat Stretch\u2019\n\nKneel on all fours and round your back.\n\n"
            "2) \u2018Cat Stretch with Arm Reach\u2019\n\nFrom the same position, reach one arm forward.\n")
    assert [e.name for e in a.exercises] == ["Cat Stretch", "Cat Stretch with Arm Reach"]
    assert [c.text for c in a.exercises[1].cues] == ["From the same position, reach one arm forward."]


def test_a_handouts_line_to_fill_in_is_no_heading_and_keeps_the_move_going():
    # "Hold ____ seconds" is left blank for the therapist: no part heading over the next move, and the
    # "Advanced:" tip under it is still the move's
    a = run("Chair Exercises\n\nPatient Name__________\n\nKnee Straightening\n\nSit tall. Straighten one knee.\n\n"
            "Hold _____ seconds, do _____ a day\n\nAdvanced: Slow the lowering right down.\n\n"
            "Heel Raise\n\nSit tall. Lift both heels.\n\nHold _____ seconds, do _____ a day\n")
    knee, heel = a.exercises
    assert (knee.name, heel.name) == ("Knee Straightening", "Heel Raise")
    assert [s.title for s in a.sections] == []
    assert "Advanced: Slow the lowering right down." in [c.text for c in knee.cues]
    assert knee.dosages == [] and heel.dosages == []


def test_lead_in_of_a_prescription_is_no_exercise():
    a = run("Shin Routine\n\nToe raise\nLean against a wall and lift the front of both feet.\n\n"
            "Aim for: 3 x 12 reps. You can hold a light weight on your toes later.\n\n"
            "Heel walk\nWalk on your heels across the room.\n- Build up to 4 x 20\n")
    assert [e.name for e in a.exercises] == ["Toe raise", "Heel walk"]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 12)
    assert (4, 20) in [(d.sets_min, d.reps_min) for d in a.exercises[1].dosages]


def test_slash_list_numbers_are_list_markers():
    a = run("Glute Moves\n\n1/ SIDE PLANKS\nHold the hips high for 30 seconds.\n\n2/ GLUTE BRIDGES\nLift the hips 12 times.\n")
    assert [e.name for e in a.exercises] == ["SIDE PLANKS", "GLUTE BRIDGES"]
    assert main(a.exercises[1]).reps_min == 12


def test_headed_variants_sharing_a_movement_are_separate_exercises():
    a = run("Bridges are a useful move for runners.\n\n- Bridge variation 1\nLift the hips and lower them slowly.\n\n"
            "- Bridge variation 2\nLift the hips and hold them up for ten seconds.\n\n"
            "- Marching bridge\nHold the hips up and lift one foot, then the other.\n")
    assert [e.name for e in a.exercises] == ["Bridge variation 1", "Bridge variation 2", "Marching bridge"]
    assert not [d for e in a.exercises for d in e.dosages if d.reps_min is not None]  # the variant's number is no count


def test_two_headings_naming_one_movement_without_parts_are_two_exercises():
    a = run("Hop Progression\n\nLine hop\nHop over a line on the floor and back.\n\n"
            "Line hop sideways travel\nHop side to side along the line.\n\nLine hop forward travel\nHop forward along the line.\n")
    assert len(a.exercises) == 3, [e.name for e in a.exercises]


def test_capitals_headings_inside_a_flattened_paragraph_start_exercises():
    a = run("Two moves for stronger ankles that take ten minutes and need only a step and a wall to lean on. "
            "Do them after your easy runs. STEP CALF RAISES Place the balls of both feet on a stair and let the heels hang. "
            "Rise up, then lower the heels slowly. Do 3 sets of 12 reps. WALL ANKLE ROCKS Face a wall with one "
            "foot forward. Drive the knee toward the wall without lifting the heel. Do 2 sets of 10 reps.\n")
    assert [e.name for e in a.exercises] == ["STEP CALF RAISES", "WALL ANKLE ROCKS"]
    assert (main(a.exercises[1]).sets_min, main(a.exercises[1]).reps_min) == (2, 10)


def test_benefit_list_line_is_no_exercise():
    a = run("Why Hop?\n\nHopping pays off for runners:\nBoosts Landing Control - steadier feet on trails.\n"
            "Builds Stride Length - more push from the calves.\n\nPogo hop\nBounce on the balls of the feet. Do 3 x 20.\n")
    assert [e.canonical_name for e in a.exercises] == ["pogo jump"], [e.name for e in a.exercises]


def test_a_heading_on_why_a_kind_of_training_matters_is_no_exercise():
    for head in ("The Importance of Glute Strengthening for Hill Runners", "The Role of Calf Raises in Trail Running",
                 "Importance of Squats for Older Runners"):
        a = run(f"Stronger Legs\n\nA short opener on the plan.\n\n{head}\n\nStrong legs keep your stride steady on climbs.\n\n"
                "Step-up\n\nStep onto a box and drive the knee up. Do 3 x 10.\n")
        assert [e.canonical_name for e in a.exercises] == ["step-up"], (head, [e.name for e in a.exercises])


def test_a_heading_over_its_dose_line_and_how_to_is_a_move():
    # names the lexicon lacks, each over a line of its labels and values (a rest with them) and its steps
    a = run("Ankle Circuit\n\nCompass reaches\n\nSets 2 Reps 6 each side Rest 30sec\n\n"
            "Stand on one foot and reach the other toe to each point around you.\n\n"
            "Toe taps\n\nSets 3 Reps 12\n\nTap the toes of one foot on a low step, then swap.\n")
    assert [(e.name, main(e).sets_min, main(e).reps_min, main(e).per_side) for e in a.exercises] == [
        ("Compass reaches", 2, 6, True), ("Toe taps", 3, 12, False)]
    # a topic heading over a dose line and a claim is no move
    a = run("Ankle Circuit\n\nWhy it helps\n\nSets 2 Reps 6\n\nAnkles that are strong recover faster.\n\n"
            "Toe taps\n\nSets 3 Reps 12\n\nTap the toes of one foot on a low step, then swap.\n")
    assert [e.name for e in a.exercises] == ["Toe taps"]


def test_one_move_in_two_positions_is_two_moves():
    a = run("Hip Exercises\n\nHip rotation (sitting)\n\nSit with your knees bent and press them down.\n\n"
            "Hip rotation (lying)\n\nLie with your knees bent and let one knee drop out.\n\n"
            "Heel slide\n\nLie on your back and slide the heel in.\n")
    assert [e.name for e in a.exercises] == ["Hip rotation (sitting)", "Hip rotation (lying)", "Heel slide"]
    assert [c.text for c in a.exercises[1].cues] == ["Lie with your knees bent and let one knee drop out."]


def test_a_line_listing_moves_by_commas_is_each_move():
    a = run("Leg Day\n\nSquats, lunges and step-ups\n\nDo each for 30 seconds.\n\n"
            "Finisher\n\n- jumping jacks, burpees, mountain climbers, star jumps\n")
    assert [e.name for e in a.exercises] == ["Squats", "lunges", "step-ups", "jumping jacks", "burpees",
                                             "mountain climbers", "star jumps"]
    assert [main(e).duration_seconds_min for e in a.exercises[:3]] == [30, 30, 30]
    # two names joined are one move's name, as before
    a = run("Power\n\nSquat and press\n\nHold the bells at your shoulders, squat, then press up. Do 3 x 8.\n")
    assert [e.name for e in a.exercises] == ["Squat and press"]


def test_a_leg_of_a_club_run_between_stops_is_no_move_and_no_part():
    a = run("Tuesday Club Session\n\nJog to the bandstand\n\nBird dog\n\nKneel on all fours and reach long.\n\n"
            "Run back to the car park\n\nSquat jumps x 10\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [("Bird dog", None), ("Squat jumps", None)]
    # a step that walks somewhere on the reader's body stays the move's step
    a = run("Ankle Work\n\nHeel walks\n\nStand tall with your toes up\nWalk to the wall and back on your heels\n")
    assert len(a.exercises[0].cues) == 2


def test_a_numbered_moves_remark_and_spaced_steps_are_its_own():
    # each numbered move: two blank lines, a remark on what it does, then its steps one blank line apart, the
    # first of them an order the lexicon also knows as a move ("Stand on one leg")
    a = run("Hip Strength\n\nStrengthening exercises\n\nSome words on hips.\n\n1) Forefoot balance\n\n\n"
            "This builds strength through the whole leg.\n\n- Stand with feet apart\n\n- Lift one leg up keeping the pelvis level\n\n"
            "Perform 3 sets of 10 repetitions.\n\n2) Single leg squat\n\n\nBuilds balance in the pelvis.\n\n"
            "- Stand on one leg\n\n- Bend the knee to 90 degrees.\n\nPerform 2 sets of 8 repetitions.\n")
    assert [e.name for e in a.exercises] == ["Forefoot balance", "Single leg squat"]
    balance, squat = a.exercises
    assert [c.text for c in balance.cues] == ["Stand with feet apart", "Lift one leg up keeping the pelvis level"]
    assert [p.text for p in balance.purpose] == ["This builds strength through the whole leg."]
    assert [c.text for c in squat.cues] == ["Stand on one leg", "Bend the knee to 90 degrees."]
    assert (main(squat).sets_min, main(squat).reps_min) == (2, 8)


def test_a_notice_to_the_reader_under_a_heading_makes_it_no_move():
    # a byline item over the page's heading, then its disclaimer: the heading is neither a move nor the warm-up's
    a = run("  - Writer: Helen\n\nStrength and Conditioning for runners\n\n(Please note these stretches and exercises are "
            "generic suggestions, so they will not suit everyone. Please seek advice from your physio first.)\n\n"
            "Warm up\n\nDo some dynamic stretching first.\n\nBridge\n\nLie on your back and lift the hips. Do 3 x 10.\n")
    assert [e.name for e in a.exercises] == ["Bridge"]


def test_an_easier_or_harder_way_after_a_dash_is_a_cue_of_the_move_above():
    a = run("Knee Plan\n\n1. Wall sits - lean on a wall and slide down until the knees bend.\n\n"
            "Regression - do not go as far down\n\nProgression - bend the knees to 90 degrees\n\n"
            "2. Lunges - step forward and bend both knees.\n\nProgression - Alternate sides\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [("Wall sits", None), ("Lunges", None)]
    assert [c.text for c in a.exercises[0].cues] == ["lean on a wall and slide down until the knees bend.",
                                                     "Regression - do not go as far down",
                                                     "Progression - bend the knees to 90 degrees"]
    assert [c.text for c in a.exercises[1].cues][-1] == "Progression - Alternate sides"


def test_a_counted_listicle_heading_is_no_counted_move():
    # the count is of the moves the page lists; the plural that stands for them names none of them
    for head in ("4 Moves to Power Up Hills", "4 MOVES TO POWER UP HILLS", "6 Best Moves for Trail Runners",
                 "3 Ways to Build Calf Strength"):
        a = run(f"Hill Legs\n\n{head}\n\nStrong legs keep your stride steady on climbs.\n\n"
                "Step-up\n\nStep onto a box and drive the knee up. Do 3 x 10.\n")
        assert [e.canonical_name for e in a.exercises] == ["step-up"], (head, [e.name for e in a.exercises])
    # an acronym in capitals still opens a move's name
    a = run("Hip Work\n\nIT BAND ROLL\n\nRoll the outer thigh slowly. Do 2 x 30 seconds.\n")
    assert [e.name for e in a.exercises] == ["IT BAND ROLL"]


def test_a_sentence_about_a_move_before_a_colon_is_not_its_name():
    a = run("Ankle Work\n\nHeel walks\n\nWalk on your heels with the toes up.\n"
            "Heel walks should be kept slow: take short steps and keep the shins tall.\n")
    assert [e.name for e in a.exercises] == ["Heel walks"]
    assert len(a.exercises[0].cues) == 2


def test_a_subtitle_under_a_moves_heading_is_no_move_of_its_own():
    a = run("Hill Legs\n\nA short opener.\n\nLunges\nLunges for a steadier stride\nStep long and drop the back knee. Do 3 x 8.\n"
            "Wall sit\nWall sit to build quad endurance\nSlide down the wall and hold 30 seconds.\n")
    assert [e.name for e in a.exercises] == ["Lunges", "Wall sit"]
    assert [len(e.cues) for e in a.exercises] == [1, 1]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 8)
    # in a bulleted list every line is a move of its own
    b = run("Hill Legs\n\n- Lunges\n- Lunges for distance\n")
    assert len(b.exercises) == 2


def test_numbered_orders_to_do_a_counted_move_are_each_a_move():
    a = run("Garage Circuit\n\nGo straight from one to the next.\n\n1. Do 15 goblet squats.\n\n2. Perform 12 step-ups on each leg.\n\n"
            "3. Do 10 push-ups with a shoulder tap.\n\n4. Hold a wall sit for 25 seconds.\n")
    assert [e.name for e in a.exercises] == ["goblet squats", "step-ups", "push-ups with a shoulder tap", "wall sit"]
    assert [(main(e).reps_min, main(e).hold_seconds_min, main(e).per_side) for e in a.exercises] == [
        (15, None, False), (12, None, True), (10, None, False), (None, 25, False)]
    # an order that counts no known move stays a step of the move above
    b = run("Garage Circuit\n\nLunge\n\n1. Do 10 steps forward.\n2. Turn round.\n")
    assert [e.name for e in b.exercises] == ["Lunge"]


def test_bulleted_paragraphs_that_each_describe_a_move_are_each_a_move():
    a = run("Happy Feet\n\nA few habits we like.\n"
            "- Do toe yoga each evening to wake up the feet. Lift the big toe while the others stay down. Repeat ten times.\n"
            "- Do heel raises three days a week. Rise slowly on a step and lower past level. Perform 2 sets of 12.\n"
            "- Walk barefoot on grass when you can.\n")
    assert [e.canonical_name for e in a.exercises][:2] == ["toe yoga", "calf raise"], [e.name for e in a.exercises]
    assert (main(a.exercises[1]).sets_min, main(a.exercises[1]).reps_min) == (2, 12)
    # bulleted steps under a move described in prose name no other move: they stay its steps
    b = run("Happy Feet\n\nThe heel drop is the one to do.\n- Stand on a step.\n- Lower the heels slowly.\n- Rise on both feet.\n")
    assert len(b.exercises) == 1, [e.name for e in b.exercises]
    assert [c.text for c in b.exercises[0].cues][-3:] == ["Stand on a step.", "Lower the heels slowly.", "Rise on both feet."]


def test_advice_heading_and_repeated_title_are_no_routine_parts():
    a = run("Calf Routine for Runners\n\nTips When Doing The Exercises\n- Move slowly.\n- Stop if it hurts.\n\n"
            "Exercise 1 - Calf raise\nRise onto the toes and lower slowly.\nTarget reps = 12\n\n"
            "Calf Routine for Runners\n\nSeated calf raise\nSit with a weight on the knees and lift the heels. Do 3 x 15.\n")
    assert [section_of(a, e) for e in a.exercises] == [None, None], [e.name for e in a.exercises]
    assert main(a.exercises[0]).reps_min == 12


# ---------------------------------------------------------------- notes in a list are not exercises


def test_claims_and_comparisons_in_a_plan_list_are_not_exercises():
    article = run(
        "Hill Strength Plan\n\n"
        "Session layout\n"
        "- Do this twice a week after an easy jog\n\n"
        "Main block\n"
        "- Goblet Squats\n"
        "- 3 sets x 10 reps\n"
        "- Calf Raises\n"
        "- 3 sets x 15 reps\n\n"
        "Effort guide\n"
        "- Final 3 reps must feel tough\n"
        "- Control > speed\n"
        "- Knees happier \u2192 longer runs\n"
        "- Shin soreness will fade\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["goblet squat", "calf raise"], \
        [e.name for e in article.exercises]


def test_a_count_of_days_is_not_an_exercise():
    article = run(
        "Weekly Gym Plan\n\n"
        "Session one\n"
        "- Reverse Lunges\n"
        "- 3 sets x 8 each leg\n\n"
        "Schedule\n"
        "- 3 days: one + two\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["reverse lunge"], [e.name for e in article.exercises]


def test_a_structure_heading_is_no_exercise():
    article = run(
        "Easy Strength for Runners\n\n"
        "Structure\n"
        "- Do it after your shortest runs\n\n"
        "Circuit\n"
        "- Step Ups x 12 each leg\n"
        "- Side Plank x 30 sec each side\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["step-up", "side plank"], [e.name for e in article.exercises]


def test_a_note_heading_over_its_remark_is_no_part_of_the_routine():
    article = run(
        "Knee Care Exercises\n\n"
        "Safety Note:\n"
        "Stop any movement that makes your knee ache for more than a day.\n\n"
        "- Wall Sit\n\n"
        "Slide down the wall until your knees are bent to about sixty degrees and stay there.\n\n"
        "- Straight Leg Raise\n\n"
        "Lie on your back and lift the straight leg to the height of the bent knee.\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["wall sit", "straight leg raise"], [e.name for e in article.exercises]
    assert {section_of(article, e) for e in article.exercises} == {None}


def test_a_footnote_line_is_not_a_part_heading():
    article = run(
        "Band Routine for Runners\n\n"
        "*Use a lighter band for the first week\n\n"
        "Banded Clamshell: Lie on your side with the band above your knees and open the top knee.\n\n"
        "Banded Glute Bridge: Lie on your back with the band above your knees and lift your hips.\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["clamshell", "glute bridge"], [e.name for e in article.exercises]
    assert {section_of(article, e) for e in article.exercises} == {None}


def test_list_items_naming_a_move_then_a_sentence_with_its_dose_are_exercises():
    article = run(
        "Ankle Work After a Sprain\n\n"
        "Do these on three days a week:\n"
        "- Wobble board tilts. Do 3 sets of 15.\n"
        "- Crossover hop drill. Do 3 sets of 6 each leg.\n"
        "- Keep the knee soft. Do it slowly.\n"
    )
    names = [e.name for e in article.exercises]
    assert names == ["Wobble board tilts", "Crossover hop drill"], names
    assert main(article.exercises[1]).sets_min == 3


def test_list_items_naming_a_move_then_a_comma_and_its_count_are_exercises():
    article = run(
        "Trail Legs\n\n"
        "- Lateral Band Steps, 15 each way with a light band\n"
        "- Box Step Downs, 20-30 per leg, extra weight if easy\n"
        "- Marathon training is hard, 9 in 10 runners say so\n"
        "- Kettlebell, 2 bands and a mat\n"
    )
    names = [e.name for e in article.exercises]
    assert names == ["Lateral Band Steps", "Box Step Downs"], names
    assert main(article.exercises[1]).reps_min == 20
    assert "weight" in article.exercises[1].equipment, article.exercises[1].equipment


def test_list_item_of_a_title_cased_name_is_an_exercise():
    article = run(
        "Quad Strength for Descents\n\n"
        "Try these three in the gym:\n"
        "- Slow Eccentric Goblet Squats\n"
        "- Weighted Vest Walking Lunge & Pause\n"
        "- Banded Box Squats\n\n"
        "Take three seconds on the way down for each of them.\n"
    )
    assert len(article.exercises) == 3, [e.name for e in article.exercises]


def test_list_item_of_a_name_and_a_long_bracketed_note_is_an_exercise():
    article = run(
        "Floor Work for Runners\n\n"
        "- Clamshell (wakes up the outer hip before a run and keeps the knees from caving in)\n"
        "Lie on your side with your knees bent and open the top knee ten times.\n"
        "- Donkey kick (works the big glute muscle through its whole range)\n"
        "On hands and knees, push one heel towards the ceiling, then switch.\n"
    )
    assert [e.name for e in article.exercises] == ["Clamshell", "Donkey kick"], [e.name for e in article.exercises]


def test_a_named_move_with_its_dose_and_a_rest_note_is_no_rest_line():
    article = run(
        "Calf Plan\n\n"
        "- Bent Knee Calf Raise - 3 x 15 (rest 60 seconds between sets)\n"
        "- Single Leg Calf Raise - 3 x 10 (rest 60 seconds between sets)\n"
    )
    assert [e.name for e in article.exercises] == ["Bent Knee Calf Raise", "Single Leg Calf Raise"]


def test_a_numbered_circuit_line_with_its_rounds_is_a_part():
    article = run(
        "Total Body Strength\n\n"
        "Circuit A: Complete three times, then take a short walk.\n"
        "Goblet Squats: 12 reps\n"
        "Push-ups: 10 reps\n"
        "Circuit B: Complete twice.\n"
        "Reverse Lunges: 10 reps each leg\n"
        "Dead Bug: 8 reps each side\n"
    )
    assert [section_of(article, e) for e in article.exercises] == ["Circuit A", "Circuit A", "Circuit B", "Circuit B"]


def test_advice_and_page_part_headings_are_no_parts_and_steps_are_no_exercises():
    article = run(
        "Band Routine\n\n"
        "Choosing your band\n"
        "Start with a light band and move up once fifteen reps feel easy.\n\n"
        "- Monster Walks\n"
        "- Stand with the band above your knees and step forward on a diagonal.\n"
        "- Pause\n"
        "- Step the other foot out the same way.\n"
        "Safety tip:\n"
        "Keep your knees in line with your toes.\n\n"
        "- Glute Bridge\n"
        "- Press your heels into the floor and lift your hips.\n"
        "- Lower your hips slowly\n"
    )
    assert [e.canonical_name for e in article.exercises] == ["monster walk", "glute bridge"], [e.name for e in article.exercises]
    assert {section_of(article, e) for e in article.exercises} == {None}


def test_a_closing_markdown_mark_is_not_part_of_a_part_title():
    article = run(
        "Hill Legs\n\n"
        "Uphill block ##\n"
        "- Step-ups (x20)\n"
        "- Walking lunges (x20)\n"
    )
    assert {section_of(article, e) for e in article.exercises} == {"Uphill block"}


def test_a_list_of_race_results_names_no_exercise():
    article = run(
        "Club News\n\n"
        "Congratulations to everyone who raced on Sunday:\n"
        "- Ana Ruiz, 1:32:10, a new best by four minutes!\n"
        "- Tom Berg, 1:45:02, back after a calf strain.\n\n"
        "Goblet Squats: 3 x 10\n"
    )
    names = [e.name for e in article.exercises]
    assert "Ana Ruiz" not in names and "Tom Berg" not in names, names


# ---------------------------------------------------------------- page furniture, table cells and name forms


def test_slide_counters_and_image_alt_lines_are_not_exercises():
    a = run("Ankle Care At Home\n\nSkip navigation\n\nHow to do them\n\nSeated ankle circle\n\nPhoto of a person circling one foot\n"
            "slide 1 of 4\nslide 1 of 4, Seated ankle circle,\n  1. Sit tall on a firm chair.\n"
            "  2. Draw slow circles with your toes.\n  3. Do 10 circles each way.\n\n"
            "Heel drop\n\nImage of a runner on a stair\nslide 2 of 4\nslide 2 of 4, Heel drop,\n"
            "  1. Stand on the edge of a step.\n  2. Lower both heels below the step, then rise.\n  3. Repeat 12 times.\n")
    assert [e.name for e in a.exercises] == ["Seated ankle circle", "Heel drop"]


def test_frequency_cells_and_a_bare_exercise_column_heading_are_no_parts():
    a = run("Shin Splint Plan\n\nStage 1: Calm It Down\n\nExercise\n\nInstructions\n\nFrequency\n\n"
            "Toe Raises\n\nStand with your back to a wall and lift your toes towards your shins.\n\n"
            "Twice daily\n\nSeated Calf Stretch\n\nLoop a towel round the ball of your foot and pull gently.\n\n"
            "2-4 times a day\n\nStage 2: Build It Up\n\nExercise\n\nInstructions\n\nFrequency\n\n"
            "Heel Walks\n\nWalk on your heels for twenty steps.\n\n3 times a day\n")
    assert [e.name for e in a.exercises] == ["Toe Raises", "Seated Calf Stretch", "Heel Walks"]
    assert [section_of(a, e) for e in a.exercises] == ["Stage 1: Calm It Down"] * 2 + ["Stage 2: Build It Up"]


def test_treatment_headings_of_an_injury_page_are_no_exercises():
    a = run("Looking After A Sore Heel\n\nIce\n\nWrap a cold pack in a cloth and rest it on the heel.\n\n"
            "Strapping\n\nA simple arch strap can ease the load while you walk.\n\n"
            "Calf raise\n\nRise onto your toes and lower slowly. Do 15 reps.\n")
    assert [e.name for e in a.exercises] == ["Calf raise"]


def test_a_heading_giving_the_pose_in_two_languages_is_named_in_the_second():
    a = run("Easy Yoga After A Long Run\n\nBalasana :: Child's Pose\n\nKneel, sit back onto your heels and "
            "reach your arms forward.\n\nAnjaneyasana :: Low Lunge\n\nStep one foot forward and sink your hips.\n")
    assert [e.name for e in a.exercises] == ["Child's Pose", "Low Lunge"]


def test_list_items_opening_with_a_move_and_its_count_then_remarks_are_exercises():
    a = run("Tuesday Gym Session\n\nRun through the list twice.\n\n"
            "* Glute bridge 15-20 reps (squeeze at the top! it makes a big difference)\n"
            "* Wall sit 45 seconds (your thighs should burn a little by the end, that is fine)\n"
            "* Step-ups 12 reps. Use a sturdy bench. Drive through the front heel!\n"
            "* Hold for 10 seconds at the top of each step, then step down.\n")
    assert [e.name for e in a.exercises] == ["Glute bridge", "Wall sit", "Step-ups"]
    assert (main(a.exercises[0]).reps_min, main(a.exercises[0]).reps_max) == (15, 20)
    assert main(a.exercises[1]).duration_seconds_min == 45 or main(a.exercises[1]).hold_seconds_min == 45
    assert main(a.exercises[2]).reps_min == 12


def test_block_labels_with_a_colon_between_letter_and_number_are_cut_from_timed_items():
    a = run("Twenty Minute Gym Finisher\n\nConditioning Block:\n\nB:1 - Med Ball Slams - 40 seconds\n\n"
            "B:2 - Alt Cable Chop Press - 40seconds\n\nB:3 - Skater Hops - 40 seconds\n\nRest 90 seconds and go again.\n")
    assert [e.name for e in a.exercises] == ["Med Ball Slams", "Alt Cable Chop Press", "Skater Hops"]
    assert {section_of(a, e) for e in a.exercises} == {"Conditioning Block"}


def test_a_greeting_line_of_a_forum_reply_heads_no_part():
    a = run("Hi Team,\nFor a cranky knee some easy moves to start are wall sits 3 sets of 30 seconds and "
            "step-downs 3 sets of 10 reps.\nGood luck\n")
    assert [section_of(a, e) for e in a.exercises] == [None] * len(a.exercises)
    assert "Hello everyone" not in [s.title for s in a.sections]


def test_a_heading_over_a_dash_line_and_its_instructions_is_an_exercise():
    a = run("Shin Care Moves\n\nPebble Grab\n\n-\n\nWith your heel on the floor, lift your toes and point them "
            "up to the ceiling. Do 3 sets of 10.\n\nHeel Walks\n\n-\n\nWalk on your heels for twenty steps.\n")
    assert [e.name for e in a.exercises] == ["Pebble Grab", "Heel Walks"]


def test_a_heading_over_a_two_word_setup_then_an_order_is_an_exercise():
    a = run("Band Work For Sore Ankles\n\nInside Push\n\nSit tall. Loop the band around your forefoot and push "
            "the foot inward. Do 2 sets of 12.\n\nOutside Sweep\n\nFace the post. Stand on the banded foot and "
            "sweep the other leg out. Do 2 sets of 12.\n")
    assert [e.name for e in a.exercises] == ["Inside Push", "Outside Sweep"]


def test_a_session_part_label_before_a_colon_is_no_exercise():
    a = run("Thursday Gym Notes\n\nFinisher: 2 rounds of 12 goblet squats and a 30 second wall sit.\n\n"
            "Cool down: 5 min walk and a loose stretch\n")
    names = [e.name.lower() for e in a.exercises]
    assert "finisher" not in names and "cool down" not in names


def test_numbered_stations_head_their_moves():
    a = run("Park Circuit\n\nStation 1:\n\nBox step ups: 12 each leg\n\nStation 2:\n\nBear crawl: 20 metres\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [("Box step ups", "Station 1"), ("Bear crawl", "Station 2")]


def test_both_moves_of_a_superset_line_are_exercises():
    a = run("Gym Day\n\nLower body (3 rounds)\n\n1. Goblet squat (10 reps) superset with box jumps (5)\n\n"
            "2. Reverse lunge (8 each side) superset with calf raises (15)\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "box jumps", "Reverse lunge", "calf raises"]


def test_an_outline_numeral_and_a_footnote_mark_are_no_part_of_a_name():
    a = run("Knee Plan\n\nStrength\n\nII. Wall sit 3 x 30 seconds\n\niii. Split squats* 3 x 8\n\n"
            "*Hold a rail if you need to.\n")
    assert [e.name for e in a.exercises] == ["Wall sit", "Split squats"]


def test_a_dash_glued_to_the_name_parts_it_from_its_description_as_a_spaced_one_does():
    a = run("Easy Hip Stretches\n\n"
            "Figure Four- Lie on your back and cross one ankle over the other knee. Hold 20 seconds, repeat other leg.\n\n"
            "Butterfly\u2013 Sit with the soles of your feet together and let the knees drop. Hold 10-30 seconds.\n")
    assert [e.name for e in a.exercises] == ["Figure Four", "Butterfly"]
    assert [c.text for c in a.exercises[0].cues] == ["Lie on your back and cross one ankle over the other knee."]
    # "repeat other leg", said tersely, is the other side
    assert (main(a.exercises[0]).hold_seconds_min, main(a.exercises[0]).per_side) == (20, True)
    assert (main(a.exercises[1]).hold_seconds_min, main(a.exercises[1]).hold_seconds_max) == (10, 30)


def test_the_ground_a_drill_covers_is_no_part_of_its_name():
    a = run("Track Warm-up\n\nDrills\n\n1. Backward skip x 20 m\n2. Grapevine for 30 metres\n"
            "3. Bear crawl (about 15 yards)\n4. Walking lunge. for 10 meters\n5. 400 m run\n")
    # a distance before the name is the name of the run; one after it is how far to go
    assert [e.name for e in a.exercises] == ["Backward skip", "Grapevine", "Bear crawl", "Walking lunge", "400 m run"]


def test_steps_after_a_lead_in_or_a_double_blank_line_stay_with_their_exercise():
    steps = {"Hip Flexor Stretch": ("Kneel on one knee with the other foot in front.", "Push the hips forward gently. Hold for 30 seconds."),
             "Glute Stretch": ("Lie on your back and cross one ankle over the other knee.", "Pull the lower leg towards you. Hold for 30 seconds.")}
    for lead, blank in ((" Here's what to do:", "\n\n"), ("\n\nHere’s how:", "\n\n"), ("", "\n\n\n"), (" Here's what to do:", "\n\n\n")):
        text = "Post Run Stretch Guide" + blank + "Stretch while your muscles are still warm." + blank
        for name, (one, two) in steps.items():
            text += f"{name}\n\nA kind one for tired legs.{lead}{blank}1. {one}{blank}2. {two}{blank}"
        a = run(text)
        assert [e.name for e in a.exercises] == list(steps), (lead, blank)
        for e in a.exercises:
            cues = [c.text for c in e.cues]
            assert steps[e.name][0] in cues and steps[e.name][1].split(" Hold")[0] in cues, (lead, blank)
            assert (main(e).hold_seconds_min, main(e).hold_seconds_max) == (30, 30), (lead, blank)


# ---------------------------------------------------------------- moves listed in running prose


def test_a_prose_list_of_known_moves_after_a_verb_of_doing_is_the_routine():
    a = run("My Kettlebell Week\n\nI lift twice a week before my long run.\n\n"
            "On the second day, I do some goblet squats, single-arm kettlebell swings, pogo hops, glute bridges and planks.\n")
    names = [e.name for e in a.exercises]
    for name in ("goblet squats", "single-arm kettlebell swings", "glute bridges", "planks"):
        assert name in names, names


def test_a_bracketed_list_after_a_warm_up_word_is_the_routine():
    a = run("Track Night\n\nStart with a 10 minute mobility warm-up (leg swings, hip circles, walking lunges, butt kicks).\n\n"
            "Then run 6 x 400 m at 5K pace.\n")
    names = [e.name for e in a.exercises]
    assert names[:4] == ["leg swings", "hip circles", "walking lunges", "butt kicks"], names


def test_a_list_after_an_exercises_colon_is_the_routine():
    # "Floor exercises: bridges, clams and dead bugs." names what to do, one comma or two; a bracket the
    # sentencizer leaves on the list's sentence is no part of the last name.
    a = run("Home Strength\n\n- Floor exercises: glute bridges, clamshells and dead bugs. (Add a band to the bridges later).\n"
            "- Aim for 2 sets of 12 of each.\n")
    assert [e.name for e in a.exercises] == ["glute bridges", "clamshells", "dead bugs"]


def test_a_prose_list_only_compared_or_ruled_out_is_no_routine():
    a = run("Why Hops Matter\n\nUnlike squats, lunges, deadlifts and bridges, hopping loads the tendon fast.\n\n"
            "If your knee is sore, don't do squats, lunges or step-ups for a week.\n")
    names = [e.name for e in a.exercises]
    assert not {"squats", "deadlifts", "bridges", "step-ups"} & set(names), names


def test_a_hash_or_no_list_number_is_no_part_of_a_name():
    a = run("Core Work\n\nThese help.\n\n#4 Bird Dog\nKneel on all fours and reach one arm forward. Do 8 per side.\n\n"
            "No. 5 - Side Plank\nLie on your side and lift the hips. Hold for 20 seconds.\n")
    assert [e.name for e in a.exercises] == ["Bird Dog", "Side Plank"]


def test_kettlebell_snatches_and_cleans_are_known_moves_but_clean_form_is_not():
    a = run("Bell Day\n\nTwice a week I do goblet squats, snatches, cleans and halos with one bell.\n\n"
            "Keep every rep clean and stop before your grip goes.\n")
    assert [e.canonical_name for e in a.exercises] == ["goblet squat", "kettlebell snatch", "power clean", "halo"]


# ---------------------------------------------------------------- group headings, series numbers, names after counts


def test_numbered_set_heading_naming_two_moves_gives_both_in_that_set():
    a = run("Gym Day For Cyclists\n\nHow I lay it out.\n\n"
            "Set 1: Goblet Squats & Bent-Over Rows\n"
            "I swap between the two moves and keep the rests short, about a minute between rounds.\n\n"
            "Set 2: Step-Ups and Overhead Press\n"
            "Both are done with light dumbbells for three easy rounds on each side of the body.\n")
    assert [e.name for e in a.exercises] == ["Goblet Squats", "Bent-Over Rows", "Step-Ups", "Overhead Press"]
    assert [section_of(a, e) for e in a.exercises] == ["Set 1", "Set 1", "Set 2", "Set 2"]


def test_plus_sign_in_a_set_heading_gives_a_move_the_lexicon_lacks_next_to_a_known_one():
    a = run("Hallway Circuit\n\nTwo moves a set, 30 seconds each.\n\n"
            "Set 1: Starfish + Push-ups\n"
            "Set 2: Lunges + Crab shuffle\n")
    assert [e.name for e in a.exercises] == ["Starfish", "Push-ups", "Lunges", "Crab shuffle"]
    assert [section_of(a, e) for e in a.exercises] == ["Set 1", "Set 1", "Set 2", "Set 2"]


def test_body_region_circuit_heading_with_its_sets_is_a_part_not_a_move():
    a = run("My Accessory Work\n\nTwo short circuits after the gym session.\n\n"
            "Hip circuit: 2 sets of 10 reps each side. Finish every move on one side first.\n"
            "Fire hydrants:\nOn all fours, lift one bent knee out to the side and lower it.\n"
            "Donkey kicks:\nOn all fours, push one heel up toward the ceiling.\n")
    assert [e.name for e in a.exercises] == ["Fire hydrants", "Donkey kicks"]
    assert [section_of(a, e) for e in a.exercises] == ["Hip circuit", "Hip circuit"]


def test_suitability_and_caution_labels_under_a_move_are_neither_moves_nor_parts():
    a = run("Gentle Ankle Moves\n\n"
            "Exercise 1: Ankle Circles (Easy)\nGood for:\nStiff ankles after a long flight.\nInstructions:\n"
            "Sit tall and draw slow circles with the toes.\nDo ten each way.\nPrecautions:\nStop if the joint clicks with pain.\n"
            "Exercise 2: Heel Raises (Moderate)\nGood for:\nWeak calves after a cast comes off.\nInstructions:\n"
            "Rise onto the toes and lower slowly.\nPrecautions:\nHold a counter for balance.\n")
    assert [e.canonical_name for e in a.exercises] == ["ankle circle", "calf raise"], [e.name for e in a.exercises]
    assert [section_of(a, e) for e in a.exercises] == [None, None]
    # the first move's count stays its own
    assert a.exercises[1].dosages == []


def test_advert_label_and_contents_widget_are_neither_title_nor_publisher():
    a = run("Sponsored\n\nHill Legs: A Strength Workout for Trail Runners\n\n"
            "Hold a goblet squat for three slow breaths at the bottom of each rep.\n")
    assert a.title == "Hill Legs: A Strength Workout for Trail Runners"
    assert a.organization is None
    b = run("Table of Contents\nThree easy drills keep older walkers steady on their feet.\n\n"
            "Why balance fades\nThe ankles lose strength first.\n")
    assert b.title != "Table of Contents"


def test_item_number_after_a_repeated_list_title_leaves_the_exclaimed_name():
    a = run("Hip Work For Cyclists\n\nA few moves for the saddle-bound.\n\n"
            "Hip moves for cyclists # 1- Clamshell!\n\n"
            "Lie on your side with the knees bent and open the top knee like a book, 12 times.\n\n"
            "Hip moves for cyclists # 2- Dead Bug!\n\n"
            "Lie on your back with the arms up and lower the opposite arm and leg slowly.\n")
    assert [e.name for e in a.exercises] == ["Clamshell", "Dead Bug"]


def test_joining_word_or_sign_of_a_count_is_no_part_of_the_name():
    a = run("Easy Leg Circuit\n\nThe circuit\n\n"
            "12 reps of reverse lunges\nStep back slowly and keep the chest tall.\n\n"
            "1) Wall sit x 40 seconds.\nSlide down the wall until the knees are bent.\n")
    assert [e.name for e in a.exercises] == ["reverse lunges", "Wall sit"]


# ---------------------------------------------------------------- page structure (set 9 fixes)


def test_broken_image_placeholder_is_not_a_part_heading():
    text = (
        "A Short Routine for Stiff Hips\n\n"
        "Warmup: 1 Round\n\n"
        "1. Cat Cow\n\n8 reps\n\nPicture not available\n\n"
        "2. Thread the Needle\n\n6 reps per side\n\nPicture not available\n\n"
        "3. Pigeon Pose\n\n40 seconds per side\n"
    )
    a = run(text)
    assert {section_of(a, e) for e in a.exercises} == {"Warmup"}, [(e.name, section_of(a, e)) for e in a.exercises]


def test_titled_part_with_its_rounds_after_a_colon_is_a_part():
    text = (
        "A Short Routine for Stiff Hips\n\n"
        "Warmup: 1 Round\n\n"
        "1. Clamshell\n\n12 reps per side\n\n"
        "2. Side Plank\n\n20 seconds per side\n\n"
        "Leg Power: 3 Rounds\n\n"
        "1. Goblet Squat\n\n10 reps\n\n"
        "2. Step Up\n\n8 reps per side\n"
    )
    a = run(text)
    sections = {e.name: section_of(a, e) for e in a.exercises}
    assert sections["Goblet Squat"] == "Leg Power", sections
    assert sections["Step Up"] == "Leg Power", sections


def test_table_headings_stacked_one_per_line_are_no_exercise():
    text = (
        "Hip Programme\n\n"
        "Clamshell\n\n"
        "Lie on your side with knees bent and lift the top knee without rolling back.\n\n"
        "Repeat\nHold\nComplete\nPerform\n15 Times\n2 Seconds\n2 Sets\n1 Times a Day\n\n"
        "Bridge\n\n"
        "Lie on your back and lift your hips until your body is straight.\n\n"
        "Repeat\nHold\nComplete\nPerform\n10 Times\n5 Seconds\n2 Sets\n1 Times a Day\n"
    )
    a = run(text)
    names = [e.name for e in a.exercises]
    assert "Hold" not in names and "Repeat" not in names, names
    assert not any(s.title in ("Repeat", "Complete", "Perform") for s in a.sections), [s.title for s in a.sections]


def test_page_type_label_over_the_title_is_no_organization_and_a_clinic_byline_is_the_publisher():
    text = (
        "News Article\n\n"
        "Four Calf Drills for Trail Runners\n\n"
        "Ridgeway Physio \u2022 Mar 3, 2023\n\n"
        "Trail running loads the calves hard, so strong calves keep you going on the climbs.\n\n"
        "1. Calf Raise\n\nDo 3 sets of 15 reps.\n"
    )
    a = run(text)
    assert a.organization == "Ridgeway Physio"
    assert a.author is None


def test_tag_archive_label_is_neither_title_nor_part():
    text = (
        "Posts tagged \u2018hill running\u2019\n\n"
        "Hill running builds strength in the legs, and a few moves in the gym help you climb faster.\n\n"
        "Walking lunges build single-leg strength.\n\n"
        "Step ups train the same push you use uphill.\n"
    )
    a = run(text)
    assert a.title is None or "tagged" not in a.title.lower()
    assert not any("tagged" in (s.title or "").lower() for s in a.sections)


def test_level_labels_of_a_progression_ladder_are_not_part_of_the_names():
    text = """Single-leg strength ladder

Hips:
Beginner: Banded clamshell walk with a pause
Intermediate: Single leg glute bridge
Advanced: Hip thrust with barbell on bench

Move up a rung once three sets of twelve feel easy.
"""
    article = run(text)
    names = [e.name for e in article.exercises]
    assert "Banded clamshell walk with a pause" in names, names
    assert "Single leg glute bridge" in names, names
    assert "Hip thrust with barbell on bench" in names, names
    assert not any(n.lower().startswith(("beginner", "intermediate", "advanced")) for n in names), names


def test_numbered_heading_ending_in_a_colon_over_its_moves_is_a_part():
    text = """Two-zone home plan

1. Upper back:
Beginner: Prone Y raise
Advanced: Band pull-apart
2. Trunk:
Beginner: Dead bug
Advanced: Hollow body hold

Do two rounds of each zone on easy days.
"""
    article = run(text)
    assert section_of(article, by_canonical(article, "dead bug")) == "Trunk"
    assert section_of(article, by_canonical(article, "band pull-apart")) == "Upper back"
    assert not any(e.name in ("Trunk", "Upper back") for e in article.exercises), [e.name for e in article.exercises]


def test_numbered_leaflet_moves_on_consecutive_lines_are_each_their_own_exercise():
    # No blank lines between the numbered items and no names: each item still describes a move of its own.
    text = ("Knee exercises after your operation\n\n"
            "1. Sit upright on a dining seat, feet flat. Firm up the front muscle of the thigh and straighten "
            "your knee until the shin is level, stay there for five seconds, then lower the foot slowly.\n"
            "2. With a kitchen worktop beside you, lift one foot off the ground and stay steady on the other leg. "
            "Keep it up for twenty seconds.\n")
    article = run(text)
    assert [(e.canonical_name, e.named_in_text) for e in article.exercises] == [
        ("long arc quad", False), ("single-leg balance", False)]


# ---------------------------------------------------------------- page furniture and run-in names

_CAMERA_FILES = """Hip Work for Trail Runners

A short set for the days between long runs.

DSC_4410 DSC_4411

Lie on your side with your knees stacked and bent. Lift the top knee without rolling your hips back.

Clamshell

Do 15 on each side.

Photo from https://example.org/hips/clamshell-demo.html

Glute bridge

Lie on your back and press your hips up. Do 12 reps.
"""


def test_camera_file_names_and_photo_credits_are_neither_moves_nor_parts():
    a = run(_CAMERA_FILES)
    names = [e.canonical_name for e in a.exercises]
    assert "clamshell" in names and "glute bridge" in names
    assert not any("dsc" in (e.name or "").lower() for e in a.exercises)
    assert not any("photo" in s.title.lower() or "dsc" in s.title.lower() for s in a.sections)


_ADDRESS_FOOTER = """Calf Work for Runners

Single-leg calf raise

Rise onto the ball of one foot and lower slowly. Do 3 sets of 15.

Our clinics

48 Harbour Road Suite #210

Call to book a visit.
"""


def test_a_clinic_street_address_is_no_exercise_and_its_number_no_reps():
    a = run(_ADDRESS_FOOTER)
    assert [e.canonical_name for e in a.exercises] == ["single-leg calf raise"]


_STEP_LABELS = """Leg Day for Cyclists

Step 1

Perform goblet squats to load the quads. Hold a dumbbell at your chest and sit down between your heels.

Step 2

Do walking lunges to train each leg alone. Take a long step and lower the back knee toward the floor.
"""


def test_a_step_number_alone_over_a_paragraph_names_no_exercise():
    a = run(_STEP_LABELS)
    assert not any((e.name or "").lower().startswith("step") for e in a.exercises)
    assert not any(s.title.lower().startswith("step") for s in a.sections)


_CAPS_RUN_IN = """Core Set

SIDE PLANK (on a forearm) Prop yourself up on one elbow and lift your hips off the mat, 2 sets of 20 seconds.

TABLE TOP REACH Kneel on all fours and reach one arm forward, 8 per side.

STRETCHING Hold each stretch below for 30 seconds.
"""


def test_a_name_in_capitals_run_into_its_how_to_is_an_exercise():
    a = run(_CAPS_RUN_IN)
    assert [e.name.lower() for e in a.exercises] == ["side plank", "table top reach"]


def test_a_day_heading_of_a_weekly_plan_heads_the_rows_below_it():
    a = run("Four Week Gym Block\n\nKeep the loads moderate and rest a minute between sets.\n\n"
            "Friday - Leg Day.\n\nGoblet squat [3 x 8]\nStep-ups [3 x 10]\n\n"
            "Saturday - Pulling Work\n\nInverted row [3 x 8]\nFace pull [3 x 12]\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "Step-ups", "Inverted row", "Face pull"]
    assert [section_of(a, e) for e in a.exercises] == ["Friday - Leg Day"] * 2 + ["Saturday - Pulling Work"] * 2


def test_a_list_number_glued_to_a_name_and_its_how_to_is_an_exercise():
    a = run("Hip Work for Runners\n\n"
            "1.Glute Bridge- Lie on your back and push your hips up, hold for 20 seconds.\n"
            "2.Reverse Lunges- Step one leg back and lower the knee until it nearly touches the floor.\n")
    assert [e.canonical_name for e in a.exercises] == ["glute bridge", "reverse lunge"]


def test_numbered_levels_of_a_progression_are_its_moves():
    a = run("Hopping Ladder After Ankle Rehab\n\nWork up the ladder one rung a week.\n\n"
            "Level 1 - Begin with pogo hops because they keep the load low.\n"
            "Level 2 - Lateral Hops. Jump side to side over a line and land softly.\n"
            "Level 3 - Single Leg Hops. Hop forward on one leg and stick each landing.\n")
    assert [e.name.lower() for e in a.exercises] == ["pogo hops", "lateral hops", "single leg hops"]


def test_list_items_counting_a_known_move_with_manner_words_sides_or_sets_first_are_that_move():
    a = run("Track Warm-up\n\n"
            "- 12 slow, deep walking lunges\n"
            "- 15 lateral leg swings each side\n"
            "- 2 x 12 Calf raises (6 with the toes in, 6 with them turned out - keep the knees soft)\n")
    assert [e.name for e in a.exercises] == ["walking lunges", "lateral leg swings", "Calf raises"]
    assert main(a.exercises[0]).reps_min == 12
    # the side after the name is the count's, as in "12 lunges per leg"
    assert (main(a.exercises[1]).reps_min, main(a.exercises[1]).per_side) == (15, True)
    assert not main(a.exercises[0]).per_side
    assert (main(a.exercises[2]).sets_min, main(a.exercises[2]).reps_min) == (2, 12)


def test_a_statement_about_the_moves_below_is_no_exercise():
    a = run("Ankle Return Plan\n\nPick one of the two ladders.\n\n"
            "Ladder A is a Lateral Hop Progression:\n\n"
            "Level 1 - Lateral Hops. Jump side to side over a line.\n"
            "Level 2 - Skater Jumps. Bound sideways and land on one foot.\n")
    assert len(a.exercises) == 2
    assert not any(" is " in e.name for e in a.exercises)


# ---------------------------------------------------------------- causes and symptoms


def test_a_list_of_causes_or_symptoms_makes_no_exercises():
    # the list follows a line that names exercises, so its short items read like the list of moves it announces
    a = run("Runner's Knee\n\nWhat causes it?\n\nStrengthening exercises help, but first the causes:\n\n"
            "- Tight quads\n- Weak hips\n- Increased hill running\n\nThe Exercises\n\n"
            "Do 3 sets of 10 of each exercise.\n\nWall Sit\nSlide down the wall.\n\nClamshell\nLie on your side.\n")
    assert [e.name for e in a.exercises] == ["Wall Sit", "Clamshell"]


def test_condition_item_reads_the_first_word_of_a_short_item():
    from runstrength.extract.vocab import condition_item

    assert condition_item("Tight hip flexors")
    assert condition_item("Redness or warmth around the joint")
    assert condition_item("Lack of sleep")
    assert not condition_item("Stiff-leg deadlift")  # a move's name
    assert not condition_item("Tight hamstrings can pull on the pelvis and change how you move when tired")  # a sentence
    assert not condition_item("Glute bridge")


def test_muscle_headings_of_a_slideshow_over_their_how_to_name_the_moves():
    # a foam-rolling page scraped from a slideshow: each slide's counter glued to its text
    a = run("Roll Before You Run\n\nRoll each area for 30 to 60 seconds.\nHamstrings\n"
            "Thigh 1 of 6Sit with the roller under your thighs. Roll from the knee to the hip.\nAdductors\n"
            "Thigh 2 of 6Lie face down with one leg out to the side on the roller. Roll the inner thigh.\n")
    assert [e.name for e in a.exercises] == ["Hamstrings", "Adductors"]
    assert a.exercises[0].cues[0].text == "Sit with the roller under your thighs."


def test_two_part_headings_naming_two_variants_of_one_movement_are_two_exercises():
    a = run("Quad Loading\n\nDo 4 sets of each exercise, 30 seconds per set.\n\n"
            "Stage 1: Split Squat Hold\nSink into the split squat and hold still.\n\n"
            "Stage 2: Split Squat Pulses\nFrom the bottom, pulse up and down a few centimetres.\n")
    assert [e.name for e in a.exercises] == ["Split Squat Hold", "Split Squat Pulses"]
    assert [section_of(a, e) for e in a.exercises] == ["Stage 1", "Stage 2"]


def test_a_heading_over_steps_that_open_with_come_is_the_move_they_describe():
    a = run("Knee Programme\n\n1. Seated Knee Bend\n- Come into sitting on a firm chair\n- Slide the foot back under the chair\n\n"
            "2. Wall Slide\n- Come up tall with your back on the wall\n- Bend the knees a little, then straighten\n")
    assert [e.name for e in a.exercises] == ["Seated Knee Bend", "Wall Slide"]


def test_a_benefits_label_over_sentences_gives_one_purpose_a_sentence():
    a = run("Hip Strength\n\nSide Plank\n\nHow: Lie on your side and lift your hips.\n\n"
            "Benefits: It trains the side of the hip. A strong hip keeps the knee in line when you land.\n\n"
            "Clamshell\n\nTarget: glutes, hip rotators\n")
    plank, clam = a.exercises
    assert [p.text for p in plank.purpose] == ["Benefits: It trains the side of the hip.",
                                               "A strong hip keeps the knee in line when you land."]
    assert [p.text for p in clam.purpose] == ["Target: glutes, hip rotators"]


def test_one_move_listed_once_for_each_side_is_one_exercise_done_per_side():
    a = run("Core Routine\n\n1. Bird Dog Left Side\nOn all fours, reach the left arm and right leg long. Hold 30 seconds.\n\n"
            "2. Bird Dog Right Side\nNow reach the right arm and left leg.\n\n"
            "3. Single Leg Bridge - Left Leg\nLift your hips with the left foot down. 10 reps.\n\n"
            "4. Glute Bridge - Right Leg\nSame on the right foot.\n")
    assert [e.name for e in a.exercises] == ["Bird Dog Left Side", "Single Leg Bridge - Left Leg",
                                             "Glute Bridge - Right Leg"]
    dog = a.exercises[0]
    assert "Bird Dog Right Side" in dog.aliases
    assert [c.text for c in dog.cues] == ["On all fours, reach the left arm and right leg long.", "Now reach the right arm and left leg."]
    assert main(dog).hold_seconds_min == 30 and main(dog).per_side
    assert not main(a.exercises[1]).per_side  # two moves, one per side, are not one move done on each side


def test_a_table_exported_one_cell_per_line_gives_each_row_its_prescription():
    cells = ["Exercise", "Sets", "Reps", "Goblet Squat", "3", "8-10", "Walking Lunge", "2", "12 each leg",
             "Farmer Carry", "3", "40 seconds"]
    for sep in ("\n", "\n\n"):  # cells on their own lines, or a blank line between every cell
        a = run("Leg Day\n\nWarm up for five minutes first.\n\n" + sep.join(cells) + "\n\nStretch afterwards.\n")
        assert [e.name for e in a.exercises] == ["Goblet Squat", "Walking Lunge", "Farmer Carry"]
        squat, lunge, carry = (main(e) for e in a.exercises)
        assert (squat.sets_min, squat.reps_min, squat.reps_max) == (3, 8, 10)
        assert (lunge.sets_min, lunge.reps_min, lunge.per_side) == (2, 12, True)
        assert (carry.sets_min, carry.duration_seconds_min) == (3, 40)
        assert a.sections == [] or all(s.title not in ("Sets", "Reps") for s in a.sections)



# ---------------------------------------------------------------- page furniture


def test_a_clinics_addresses_make_no_exercises():
    a = run("Riverside Physio\n\nOur clinics\n\nRiverside\n\n2nd Floor\n12-14 Mill Road\nCambridge\nCB1 2AD\n\n"
            "Northside\n\n8 Hill Lane\nSpringfield, IL 62701\n\n"
            "Three moves for sore knees\n\n1. Wall Sit\nSlide down the wall and hold 30 seconds.\n\n"
            "2. Step Down\nStand on a step and lower one heel to the floor. 10 reps each leg.\n")
    assert [e.name for e in a.exercises] == ["Wall Sit", "Step Down"]


def test_address_lines_are_found_from_the_postcode_up():
    from runstrength.extract.addresses import address_lines
    from runstrength.extract.text import normalize, split_lines

    text = "Contact us\n\nUnit 4\n22 Station Street\nToronto, ON M5V 2T6\n\nSquats\n10 reps\n"
    lines = split_lines(normalize(text), text)
    assert [lines[i].text for i in sorted(address_lines(lines))] == ["Unit 4", "22 Station Street", "Toronto, ON M5V 2T6"]
    # a count and a name with a capital pair and numbers are no postcode
    text = "Plank\nHold 30 seconds, 3 sets.\nGoblet Squat\n3 x 10 at RPE 7\n"
    assert address_lines(split_lines(normalize(text), text)) == set()


def test_rest_days_of_a_weekly_plan_and_a_parts_day_are_no_exercises():
    a = run("Beginner Strength Plan\n\nWeekly schedule\n\n- Day 1: Lower Body Strength\n- Day 2: Off or Easy Cardio\n"
            "- Day 3: Upper Body Strength\n- Day 4: Rest\n- Day 5: Active Recovery (swim, walk)\n\n"
            "Lower Body Strength: Day 1\n\n1. Goblet Squat - 3 x 10\n2. Reverse Lunge - 3 x 8 each leg\n")
    assert [e.name for e in a.exercises] == ["Goblet Squat", "Reverse Lunge"]
    assert {section_of(a, e) for e in a.exercises} == {"Lower Body Strength: Day 1"}


def test_rest_day_reads_every_word_outside_brackets():
    from runstrength.extract.vocab import rest_day

    assert rest_day("Off or easy cardio")
    assert rest_day("Active recovery (swim, walk, mobility)")
    assert rest_day("OFF")
    assert not rest_day("Rest-pause squats")
    assert not rest_day("Easy run plus strides")


def test_a_plans_frequency_and_length_lines_are_neither_a_part_nor_a_dose():
    a = run("Hamstring Rehab: Phase 2\n\nDuration: 3 weeks\nFrequency of sessions: twice a week\n"
            "- Bridges: 3 x 12 reps. Lift the hips high.\n- Nordic curls: 2 x 5 reps. Lower slowly.\n")
    assert [e.name for e in a.exercises] == ["Bridges", "Nordic curls"]
    assert [section_of(a, e) for e in a.exercises] == [None, None]
    assert [(d.sets_min, d.reps_min) for e in a.exercises for d in e.dosages] == [(3, 12), (2, 5)]
    assert (a.frequency_min, a.frequency_max) == (2, 2)


def test_a_plans_length_in_weeks_is_no_dose_of_the_moves_below():
    a = run("Knee Plan\n\nDuration: 6 weeks\n\nExercises\n\n- Wall sit: hold 30 seconds\n- Step-ups\n")
    assert [e.name for e in a.exercises] == ["Wall sit", "Step-ups"]
    assert [(d.reps_min, d.hold_seconds_min) for e in a.exercises for d in e.dosages] == [(None, 30)]


def test_a_line_of_counted_moves_lists_each_move_with_its_count():
    a = run("Hotel Room Burner\n\nAMRAP in 12 minutes\n\n5 pull-ups, 10 push-ups, 15 air squats\n\n"
            "Ladder\n\n8 lunges (per leg) and 8 sit-ups\n6 lunges and 6 sit-ups\n")
    assert [e.name for e in a.exercises] == ["pull-ups", "push-ups", "air squats", "lunges", "sit-ups"]
    assert [main(e).reps_min for e in a.exercises] == [5, 10, 15, 8, 8]
    assert main(a.exercises[3]).per_side and not main(a.exercises[4]).per_side
    # the second rung of the ladder is a second prescription of the same two moves
    assert [d.reps_min for d in a.exercises[4].dosages] == [8, 6]


def test_a_line_of_counted_moves_then_its_rounds_gives_every_move_the_rounds():
    a = run("Garage Legs\n\nFinisher\n\n12 goblet squats, 10 push-ups, 20 walking lunges\n\nRepeat 3 times.\n")
    assert [(main(e).sets_min, main(e).reps_min) for e in a.exercises] == [(3, 12), (3, 10), (3, 20)]


def test_a_prescription_or_a_sentence_of_counts_is_no_line_of_moves():
    a = run("Core Basics\n\nDead bug\n\n3 sets, 10 reps\n\nSide plank\n\n2 sides, 20 seconds each and rest\n")
    assert [e.name for e in a.exercises] == ["Dead bug", "Side plank"]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 10)


def test_a_capital_x_between_sets_and_reps_keeps_a_bullet_a_dose_line():
    a = run("Calf Care\n\nBent-knee calf raise\n\n- Stand on one leg with the knee soft.\n- Rise onto the toes, then lower.\n"
            "- Build up to 3 X 20\n\nWall push\n\n- Lean into the wall with straight arms.\n- Hold 30 seconds.\n")
    assert [e.name for e in a.exercises] == ["Bent-knee calf raise", "Wall push"]
    target = [d for d in a.exercises[0].dosages if d.stage == "target"]
    assert [(d.sets_min, d.reps_min) for d in target] == [(3, 20)]


def test_a_verbless_step_inside_a_bulleted_list_of_steps_is_a_cue_not_a_move():
    a = run("Squat Basics\n\nGoblet squat\n\n- Hold the weight at your chest.\n- Chest up and elbows in\n"
            "- Sit back between your heels.\n- Knees over toes\n- Do 3 sets of 10.\n\n"
            "Split squat\n\n- Step one foot back.\n- Lower the back knee to the floor.\n")
    assert [e.name for e in a.exercises] == ["Goblet squat", "Split squat"]
    assert "Knees over toes" in [c.text for c in a.exercises[0].cues]
    assert (main(a.exercises[0]).sets_min, main(a.exercises[0]).reps_min) == (3, 10)


def test_numbered_moves_over_bulleted_steps_stay_moves():
    # the guard of the rule above: a line with another mark than the steps around it heads a move
    a = run("Hip Routine\n\n1. Clamshell\n- Lie on your side with knees bent.\n- Lift the top knee.\n"
            "2. Doorway lean\n- Stand in a doorway with a hand on each side.\n- Lean through until you feel the chest open.\n")
    assert [e.name for e in a.exercises] == ["Clamshell", "Doorway lean"]


def test_a_date_alone_at_the_top_is_no_routine_part():
    for date in ("04.17.2019", "April 17, 2019", "17 April 2019 | Strength, Injury"):
        a = run(f"{date}\n\nBands travel well, so here is a short hotel-room session.\n\n"
                "BAND ROW - Loop the band round a table leg and pull the handles to your ribs. Do 12 reps.\n\n"
                "BAND PRESS - Anchor the band behind you and press the handles forward. Do 12 reps.\n")
        assert len(a.exercises) == 2, date
        assert [section_of(a, e) for e in a.exercises] == [None, None], date


def test_a_move_named_in_a_simile_for_a_toy_is_no_exercise():
    a = run("Bounce Back\n\nMuch like a pogo stick, your tendons store energy when you land and give it back. "
            "That is why plyometrics matter for runners.\nSquat Jump\nSquat down and jump as high as you can. Do 8 reps.\n"
            "Skater\nLeap sideways from one foot to the other. Do 10 reps per side.\n")
    assert [e.name for e in a.exercises] == ["Squat Jump", "Skater"]


def test_bulleted_steps_set_apart_by_several_blank_lines_stay_with_their_numbered_move():
    # scraped pages leave empty paragraphs (a space or a no-break space) around lists
    a = run("Single Leg Work\n\nMy top exercises:\n\n1. Split Squats: 8-12 x3 sets \n\n \n\n"
            "  - Keep the weight over the front leg\n  - Drive through the front heel \n\n \n\n"
            "2. Step Downs: 8-12 x3 sets\n\n\u00a0\n\n  - Lower the free heel slowly\n  - Keep the knee over the toes\n")
    assert [[c.text for c in e.cues] for e in a.exercises] == [
        ["Keep the weight over the front leg", "Drive through the front heel"],
        ["Lower the free heel slowly", "Keep the knee over the toes"]]


def test_move_names_with_a_video_transcript_note_are_the_moves_headings():
    a = run("Hip Exercises\nTap each picture to watch the video.\nHeel Slides Transcript is below\n"
            "Lie on your back and slide one heel towards your bottom. Repeat 10 times.\nBridges Transcript is below\n"
            "Lie on your back with knees bent and lift your hips. Hold for 5 seconds. Repeat 10 times.\n")
    assert [e.name for e in a.exercises] == ["Heel Slides", "Bridges"]
    assert [c.text for c in a.exercises[1].cues] == ["Lie on your back with knees bent and lift your hips."]


def test_circuit_headings_with_their_repeats_after_a_colon_give_the_part_its_rounds():
    a = run("Plyo Day\n\nWarm up first.\n\nCircuit 1: 2 rounds\n\n1. Drop jumps x 10\n2. Skater hops x 10\n\n"
            "Circuit 2: repeat 3 times\n\n1. Jump lunges x 10\n2. Tuck jumps x 8\n\n"
            "CIRCUIT 3: REPEAT 4X\n\n1. Squat jumps x 10\n")
    assert [(section_of(a, e), main(e).sets_min, main(e).reps_min) for e in a.exercises] == [
        ("Circuit 1", 2, 10), ("Circuit 1", 2, 10), ("Circuit 2", 3, 10), ("Circuit 2", 3, 8), ("CIRCUIT 3", 4, 10)]


def test_steps_that_lost_their_full_stop_stay_the_moves_steps():
    a = run("Hip Strength\n\nBridge with band\nWith a strong band placed around the knees\n"
            "Perform a bridge while pressing out on the band.\nAllow your hips to lightly touch the floor then repeat\n"
            "Perform for 1 minute\n\nClamshell\nLie on your side with knees bent\nOpen the top knee.\n")
    bridge, clam = a.exercises
    assert [c.text for c in bridge.cues] == ["With a strong band placed around the knees",
                                             "Perform a bridge while pressing out on the band.",
                                             "Allow your hips to lightly touch the floor then repeat"]
    assert main(bridge).duration_seconds_min == 60



def test_a_priced_item_or_a_question_word_heading_is_no_step():
    from runstrength.extract.nlp import build_nlp
    from runstrength.extract.roles import analyse_line
    from runstrength.extract.text import normalize, split_lines

    text = ("Allow your hips to lightly touch the floor then repeat\nSet of 3 resistance bands - $14.50\n"
            "What to pack for your first trail race\nUsing a resistance band for hip strength\n")
    lines = split_lines(normalize(text), text)
    kinds = [analyse_line(line, doc).kind for line, doc in zip(lines, build_nlp().pipe([ln.text for ln in lines]))]
    assert kinds[0] == "prose"
    assert "prose" not in kinds[1:], kinds


def test_a_dose_table_printed_as_labels_then_values_is_the_moves_dose():
    # a leaflet's little table flattened to text: the labels, then one value per label on the same line or the
    # lines below, or label and value in turn; the values are no exercise and no part
    a = run("Knee Leaflet\n\nSTEP UP Step onto the stair with your sore leg. Step down slowly.\n\nSETS REPS 2\n\n10\n\n"
            "WALL SQUAT Lean on the wall and bend your knees a little.\n\nSets Reps Hold\n3 8-12 5\n\n"
            "HEEL RAISE Rise onto your toes and lower slowly.\n\nSets 1 Reps 15\n")
    step, wall, heel = a.exercises
    assert [e.name for e in a.exercises] == ["STEP UP", "WALL SQUAT", "HEEL RAISE"]
    assert [(d.sets_min, d.reps_min, d.reps_max) for d in step.dosages] == [(2, 10, 10)]
    assert [(d.sets_min, d.reps_min, d.reps_max, d.hold_seconds_min) for d in wall.dosages] == [(3, 8, 12, 5)]
    assert [(d.sets_min, d.reps_min) for d in heel.dosages] == [(1, 15)]
    assert [s.title for s in a.sections] == []
    # two labels for one field (a hold and a time) make no row to read
    b = run("Knee Leaflet\n\nWALL SQUAT Lean on the wall and bend your knees a little.\n\nSets Hold Seconds\n3 5 30\n")
    assert [e.dosages for e in b.exercises] == [[]]


def test_a_pictures_credit_above_a_moves_heading_is_no_exercise():
    # the picture's caption and alt text, the name with a credit in sentence case, sit above the title-cased
    # heading they show; a line with text of its own above a heading is a move
    a = run("Two moves for stronger knees\n\nReverse lunge by Sam @kneestudio\nReverse lunge by Sam\n\n"
            "1. Reverse Lunge\nStep one foot back and lower the back knee.\n\n"
            "Split squat jumps\nJump and switch legs in the air.\n\nSplit Squat\nStep one foot forward and lower.\n")
    assert [e.name for e in a.exercises] == ["Reverse Lunge", "Split squat jumps", "Split Squat"]
    assert [c.text for c in a.exercises[0].cues] == ["Step one foot back and lower the back knee."]


def test_a_list_counted_from_one_again_under_a_named_move_is_its_steps():
    # "2. Hip Hinge Reach", a remark, then "1. Stand on one leg ...": the steps of the move, although the first
    # sets up a balance; a second such list under the move's own steps is another move, known by its movement
    a = run("Two moves for stronger knees\n\n1. Reverse Lunge\nThese build control of the knee when you land.\n\n"
            "1. Stand tall with your feet together.\n2. Step one foot back and lower the back knee.\n\n"
            "2. Hip Hinge Reach\nIt is important that your hamstrings can take the load.\n\n"
            "1. Stand on one leg near a wall for balance.\n2. Hinge forward and reach both hands to the floor.\n"
            "3. Return to standing.\n\n\n1. Stand on one leg and hold the position for 30 seconds.\n")
    assert [e.name for e in a.exercises][:2] == ["Reverse Lunge", "Hip Hinge Reach"]
    assert [c.text for c in a.exercises[1].cues] == ["Stand on one leg near a wall for balance.",
                                                     "Hinge forward and reach both hands to the floor.", "Return to standing."]
    assert len(a.exercises) == 3 and a.exercises[2].canonical_name == "single-leg balance"


def test_a_title_cased_item_with_a_dash_between_its_names_is_a_move():
    # the dash has no case: "Foot Drills - Marble Pick-Ups" is written as a name, not a sentence
    a = run("Foot Rehab\n\n1. Calf Raises\nBuilds strength in the calf.\n2. Foot Drills - Marble Pick-Ups\n"
            "Strengthens the small muscles of the arch.\n3. Ankle Circles\nKeeps the ankle moving.\n")
    assert len(a.exercises) == 3
    assert a.exercises[1].name.startswith("Foot Drills")


def test_how_long_the_session_takes_is_no_exercise_and_no_dose():
    a = run("Easy Return Plan\n\nSquat\nSit back and stand up.\n\nTotal time: 20-30 minutes.\n"
            "Session length: 30 minutes\n")
    assert [e.name for e in a.exercises] == ["Squat"]
    assert a.exercises[0].dosages == []


def test_a_list_of_cross_training_sessions_is_no_list_of_moves():
    # cycling, swimming and the elliptical offered for rest days are training around the routine; a list
    # with moves in it keeps every item
    a = run("Knee Plan\n\nSquat\nSit back and stand up.\n\nOther days\n"
            "On days off running, rest or try cycling, swimming, or the elliptical to keep your fitness.\n")
    assert [e.name for e in a.exercises] == ["Squat"]
    b = run("Warm-up\n\nMy warm-up: leg swings, hip circles, skips and strides.\n")
    assert [e.name for e in b.exercises] == ["leg swings", "hip circles", "skips", "strides"]


def test_a_leaflets_counted_unnamed_moves_are_each_known_by_their_description():
    # "Exercise #2 - ..." opens the next move, even on the very next line
    towel = ("sit on the floor with your legs out straight, loop a towel around the ball of your foot and pull the ends "
             "towards you to stretch the calf.")
    seated = "seated on a stool, cross your foot over the other knee and pull your toes back with your hand to stretch the arch."
    a = run(f"Heel Pain Stretches\n\nExercise #1 - {towel}\nExercise #2 - {seated}\n")
    assert [e.name for e in a.exercises] == ["Towel calf stretch", "Seated plantar fascia stretch"]
    assert not any(e.named_in_text for e in a.exercises)
    assert a.exercises[1].cues[0].text.startswith("Exercise #2 - seated on a stool")
    # unlabelled, a paragraph describing another movement after a move known only from its description is
    # another move
    b = run(f"Heel Pain Stretches\n\n{towel.capitalize()}\n\n{seated.capitalize()}\n")
    assert [e.name for e in b.exercises] == ["Towel calf stretch", "Seated plantar fascia stretch"]


def test_a_dose_for_a_kind_of_day_is_the_lists_rule_not_a_move():
    # "On hill days: 2-3 sets of 8 of each" names no move: the moves below take it
    a = run("Hip Routine\n\nDo these on hill days and before easy runs.\n\n"
            "ON HILL DAYS: 2-3 sets of 8 reps (on each leg) of each\n\nSide lunges\n\nStep-ups\n")
    assert [e.name for e in a.exercises] == ["Side lunges", "Step-ups"]
    assert [(main(e).sets_min, main(e).sets_max, main(e).reps_min, main(e).per_side) for e in a.exercises] == [
        (2, 3, 8, True), (2, 3, 8, True)]


def test_a_numbered_item_after_a_move_named_only_in_the_item_before_is_a_move_of_its_own():
    # a flattened leaflet numbers each move; "2. Do ten step-ups ..." names its move in prose, and
    # "3. ..." describing another movement is the next move, not more of the step-up
    a = run("Knee Exercises\n\n1. Stand holding a chair and bend your knee, bringing your foot towards your bottom. Repeat ten "
            "times.\n2. Do ten step-ups onto the bottom stair.\n3. Cross your arms, stand up tall, then lower yourself back down "
            "on a chair. Repeat ten times.\n")
    assert [e.canonical_name for e in a.exercises][-2:] == ["step-up", "sit to stand"]
    assert [c.text for c in a.exercises[-1].cues][:1] == ["Cross your arms, stand up tall, then lower yourself back down on a chair."]


def test_short_orders_opening_a_list_of_steps_are_steps_not_headings():
    # "1. Lie on your side" and "2. Bend the bottom knee a little" have no full stop, like headings; followed by more steps
    # with their mark, they are the first steps of the move above
    a = run("Bed Exercises\n\n\"Side Leg Lifts\"\n\n  1. Lie on your side\n  2. Bend the bottom knee a little\n"
            "  3. Raise the top leg straight up, without letting it come forward\n  4. Repeat 10 times\n\n"
            "\"Bridges\"\n\n  1. Lie face up with knees bent\n  2. Raise your hips\n  3. Repeat 10 times\n")
    assert [e.name for e in a.exercises] == ["Side Leg Lifts", "Bridges"]
    assert [c.text for c in a.exercises[0].cues][:2] == ["Lie on your side", "Bend the bottom knee a little"]
    # a numbered list of moves whose names open with a verb stays a list of moves
    b = run("Warm-up\n\n1. Step ups\n2. Walking lunges\n3. Jump squats\n")
    assert [e.name for e in b.exercises] == ["Step ups", "Walking lunges", "Jump squats"]



def test_a_list_item_counted_in_sets_of_a_move_is_named_by_the_move():
    a = run("Quick Legs\n\nToday:\n- 3 sets of goblet squats\n- 2 rounds of walking lunges\n")
    assert [(e.name, main(e).sets_min) for e in a.exercises] == [("goblet squats", 3), ("walking lunges", 2)]


def test_numbered_moves_written_name_slash_count_keep_the_name_and_count():
    a = run("Dumbbell Circuit\n\n1.Sumo squat/10\n2.Bent-over row/8-10\n3.Reverse lunge/12 each leg\n")
    assert [(e.name, main(e).reps_min, main(e).reps_max, main(e).per_side) for e in a.exercises] == [
        ("Sumo squat", 10, 10, False), ("Bent-over row", 8, 10, False), ("Reverse lunge", 12, 12, True)]


def test_easier_and_harder_ways_alone_under_a_move_are_its_cues():
    # "Variations" alone over more steps is a sub-label of the move, not a part that takes the next moves
    a = run("Core Routine\n\n1. Dead Bug\n\nLie on your back with arms up.\n\nVariations\n\n"
            "Keep your feet on the floor if your back arches.\n\nHold a light weight to make it harder.\n\n"
            "2. Side Plank\n\nLie on your side and lift your hips.\n\nProgressions\n\nLift the top leg.\n\n"
            "3. Bird Dog\n\nKneel on all fours.\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [("Dead Bug", None), ("Side Plank", None), ("Bird Dog", None)]
    dead_bug, side_plank, _ = a.exercises
    assert [c.text for c in dead_bug.cues] == ["Lie on your back with arms up.", "Keep your feet on the floor if your back arches.",
                                               "Hold a light weight to make it harder."]
    assert [c.text for c in side_plank.cues] == ["Lie on your side and lift your hips.", "Lift the top leg."]


def test_a_step_with_a_number_that_lost_its_full_stop_is_a_step():
    # the number is a clock face or an angle of the reader's body, not a count of a list's item
    a = run("Ankle Care\n\nSeated Calf Stretch\nSit with your leg out straight and loop a towel around your foot.\n"
            "Try to keep your toes pointing straight up to 12 o'clock\nHold for 20 seconds and repeat 4 times.\n\n"
            "Towel Scrunch\nScrunch the towel with your toes.\n")
    stretch = a.exercises[0]
    assert [e.name for e in a.exercises] == ["Seated Calf Stretch", "Towel Scrunch"]
    assert "Try to keep your toes pointing straight up to 12 o'clock" in [c.text for c in stretch.cues]
    assert (main(stretch).hold_seconds_min, main(stretch).reps_min) == (20, 4)


def test_moves_in_a_row_between_dashes_are_each_a_move():
    a = run("Hill Strength\n\nWarm Up\n\nLeg Swings - Lunges - Squats\n\nGlute Bridge - Single Leg\n")
    assert [e.name for e in a.exercises] == ["Leg Swings", "Lunges", "Squats", "Glute Bridge - Single Leg"]


def test_what_a_move_does_said_without_a_full_stop_is_its_purpose_not_a_part():
    text = ("Knee Guide\n\n1. Quad Stretch\n- Stretches the quadriceps muscle in the front of your thigh\n"
            "- Hold this stretch for 15 seconds and repeat 4 times\n\n2. Hamstring Stretch\n"
            "- Works the hamstring muscles on the back of the thigh\n- Hold this stretch for 20 seconds and repeat 3 times\n\n"
            "Stretches and Strength for runners\n\nCalf Stretch\nLean on a wall with one leg behind you.\n")
    a = run(text)
    assert [e.name for e in a.exercises] == ["Quad Stretch", "Hamstring Stretch", "Calf Stretch"]
    quad, ham, calf = a.exercises
    assert [p.text for p in quad.purpose] == ["Stretches the quadriceps muscle in the front of your thigh"]
    assert (quad.dosages[0].hold_seconds_min, quad.dosages[0].reps_min) == (15, 4)
    assert (ham.dosages[0].hold_seconds_min, ham.dosages[0].reps_min) == (20, 3)
    assert section_of(a, calf) == "Stretches and Strength for runners"  # a part's heading still


def test_a_numbered_parts_slogan_is_no_move():
    a = run("Workout 6: All dumbbells! All the time!\n\nThis is a good plan for a home gym.\n\n"
            "Goblet Squat\nHold a dumbbell at your chest and sit back. Do 3 sets of 10 reps.\n")
    assert [e.name for e in a.exercises] == ["Goblet Squat"]


def test_a_name_whose_words_stand_apart_in_its_line_is_never_cut_inside_a_word():
    from runstrength.extract.line_names import name_span
    line = "8 lateral lunges per side (light dumbbell)"
    assert name_span(line, "lateral lunges (light dumbbell)", 2) == (2, len(line))
    assert name_span("Squat with  band", "Squat with band", 0) == (0, 16)
    assert name_span("- Goblet squat", "Goblet squat", 0) == (2, 14)
    # read whole, a count taken from inside the name and a doubled space keep every word of it
    a = run("Gym Legs\n\n10 step-downs per leg (20 cm step)\n\nHip thrust with  resistance band\n")
    assert [e.name for e in a.exercises] == ["step-downs per leg (20 cm step)", "Hip thrust with  resistance band"]
    assert [e.dosages[0].per_side for e in a.exercises[:1]] == [True]


def test_a_line_of_moves_each_timed_by_a_hyphened_unit_is_each_move():
    a = run("Quick Circuit\n\n30-second skaters, 30-second squat jumps, 20-second plank\n")
    assert [(e.name, main(e).duration_seconds_min or main(e).hold_seconds_min) for e in a.exercises] == [
        ("skaters", 30), ("squat jumps", 30), ("plank", 20)]


def test_a_move_whose_plural_adds_es_is_still_named_by_its_movement_word():
    # "crunches", "presses", "marches": the plural of a movement word ending in ch or ss
    a = run("Core Work\n\n1.Bicycle Crunches– Lie on your back and bring each elbow to the opposite knee.\n"
            "2.Seated Presses– Sit tall and push the weights overhead.\n3.Hip Marches– Lift one knee at a time.\n")
    assert [(e.name, len(e.cues)) for e in a.exercises] == [("Bicycle Crunches", 1), ("Seated Presses", 1), ("Hip Marches", 1)]


def test_moves_to_choose_from_in_one_list_item_are_each_a_move():
    a = run("Upper Day\n\n1. incline dumbbell press OR pushups\n3 x 8-12\n\n2. goblet squat or reverse lunge\n3 x 10\n\n"
            "- Hold the plank or side plank for 20 seconds.\n")
    assert [(e.name, main(e).sets_min, main(e).reps_min) for e in a.exercises][:4] == [
        ("incline dumbbell press", 3, 8), ("pushups", 3, 8), ("goblet squat", 3, 10), ("reverse lunge", 3, 10)]
    # an order to do one of two moves is an instruction, not two names
    assert "Hold the plank" not in [e.name for e in a.exercises]


def test_a_list_item_naming_a_known_move_as_its_own_sentence_is_that_move_without_a_count():
    a = run("Stage 1 (weeks 1-2)\n- Ball squeeze\n- Lie on your back with a ball between the knees. Squeeze and hold 10 seconds.\n"
            "Do this routine twice a week.\n"
            "Stage 2 (weeks 3-8) Do four sets of 8 reps of each of these exercises:\n"
            "- Side-lying abduction. Lie on your side with the top leg straight. Lift the top heel up.\n"
            "- Copenhagen plank. Rest the top knee on a bench and lift the hips.\n- Single leg squats.\n"
            "- Get into a side plank. Hold it as long as you can.\n- Bounding - big springy skips. Push off hard.\n")
    names = [e.name for e in a.exercises]
    assert names[1:4] == ["Side-lying abduction", "Copenhagen plank", "Single leg squats"]
    assert [(main(e).sets_min, main(e).reps_min) for e in a.exercises[1:4]] == [(4, 8)] * 3
    assert [c.text for c in a.exercises[1].cues] == ["Lie on your side with the top leg straight.", "Lift the top heel up."]
    # an order is no name, and a dash leaves the name to the reader that splits there
    assert "Get into a side plank" not in names and "Bounding" in names


def test_a_dose_label_between_a_name_and_its_number_starts_the_prescription():
    # "Sets:" after the name holds the line's colon: the name ends before the label
    a = run("Knee Replacement Exercises\n\nDo these every morning.\n\nExercise 1: Ankle Pumps Sets: 3 / Reps: 15\n\n"
            "Exercise 2: Terminal Knee Extension Reps: 12\n")
    assert [(e.name, main(e).sets_min, main(e).reps_min) for e in a.exercises] == [
        ("Ankle Pumps", 3, 15), ("Terminal Knee Extension", None, 12)]



def test_a_pre_run_or_post_run_part_given_as_a_time_heads_its_moves():
    a = run("Runner Routine\n\nPre-run Activation (5-7 min)\n- Glute bridge x 10\n- Leg swings x 10 each leg\n\n"
            "Post-run Mobility\n- Pigeon stretch 30 seconds per side\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [
        ("Glute bridge", "Pre-run Activation"), ("Leg swings", "Pre-run Activation"), ("Pigeon stretch", "Post-run Mobility")]


def test_a_bracket_left_open_when_its_count_is_taken_off_is_no_part_of_the_name():
    a = run("Balance Work\n\n- Single-leg stands (~30 seconds each)\n- Dead bugs (about 8 slow reps\n"
            "- Side planks (~20 seconds per side)\n")
    assert [e.name for e in a.exercises] == ["Single-leg stands", "Dead bugs", "Side planks"]
    assert [main(e).hold_seconds_min or main(e).reps_min for e in a.exercises] == [30, 8, 20]


def test_a_dose_label_set_apart_by_a_dash_is_the_prescription_of_the_move_above():
    a = run("Ankle Strength\n\nSingle-leg balance\n- Stand on one foot with a soft knee.\n- Sets – 2-3 sets\n"
            "- Repetitions – 12-15 reps for the moving exercises (the ankle circles count each way)\n")
    assert [e.name for e in a.exercises] == ["Single-leg balance"]
    d = main(a.exercises[0])
    assert (d.sets_min, d.sets_max, d.reps_min, d.reps_max) == (2, 3, 12, 15)


def test_how_to_do_the_named_move_is_the_label_of_its_steps_not_a_heading_that_ends_it():
    a = run("Three Moves for Runners\n\n1. Step-ups: Climb Stronger\n\nStep-ups build single-leg strength.\n\n"
            "How to perform step-ups:\n\n  • Stand facing a low box.\n\n  • Drive through the front heel to stand tall.\n\n"
            "2. Side Plank\n\nHow to do a side plank\n\n  • Lie on your side and prop up on one elbow.\n")
    assert [(e.name, [c.text for c in e.cues]) for e in a.exercises] == [
        ("Step-ups", ["Stand facing a low box.", "Drive through the front heel to stand tall."]),
        ("Side Plank", ["Lie on your side and prop up on one elbow."])]


def test_a_list_items_short_name_before_a_colon_and_an_order_is_a_move_the_lexicon_lacks():
    a = run("Groin Rehab\n\n- Sweepers: Stand on one leg and sweep the other foot across the floor.\n"
            "- Paddlers: Lie face down and kick your feet in small flutters.\n"
            "- Important: Stop if it hurts.\n- Timing with runs: Do these after an easy run.\n"
            "- Always: Keep your core tight.\n")
    assert [e.name for e in a.exercises] == ["Sweepers", "Paddlers"]
    assert [c.text for c in a.exercises[0].cues] == ["Stand on one leg and sweep the other foot across the floor."]


def test_a_list_number_in_words_or_glued_to_its_dash_marks_a_list_item():
    a = run("Pre-Run Mobility\n\nOne- Leg Swings: Swing one leg forward and back from the hip.\n\n"
            "Two: Walking Lunges: Step long and drop the back knee.\n\n3- Calf Raises: Rise onto your toes and lower slowly.\n")
    assert [e.name for e in a.exercises] == ["Leg Swings", "Walking Lunges", "Calf Raises"]
    assert [c.text for c in a.exercises[2].cues] == ["Rise onto your toes and lower slowly."]


def test_a_tagline_in_title_case_after_a_moves_name_is_no_sentence_of_it():
    a = run("Four Moves for Hill Runners\n\n1. Step-Ups: The Hill Builder\n\nStep onto a sturdy box and drive through the heel.\n\n"
            "2. Goblet Squat: Kettlebell to Chest\n\nSit down between your heels.\n\n"
            "3. Glute Bridge: lift the hips and squeeze at the top.\n")
    assert [(e.name, [c.text for c in e.cues]) for e in a.exercises] == [
        ("Step-Ups", ["Step onto a sturdy box and drive through the heel."]),
        ("Goblet Squat", ["Sit down between your heels."]),
        ("Glute Bridge", ["lift the hips and squeeze at the top."])]
    # the tagline's words are still the move's: its kit is named there
    assert "kettlebell" in [k.lower() for k in a.exercises[1].equipment]


def test_a_bulleted_known_move_with_its_variant_is_a_name_not_a_cue():
    a = run("Hip strength session\nHold each for 20 seconds.\n- Forearm plank\n- Forearm plank with arm reach\n"
            "- Single leg deadlift to knee drive\n- Banded glute bridge with adductor squeeze\n"
            "Technique points\n- Hips level during the bridge\n- Chest tall through the whole squat\n"
            "- Slow lowering into the lunge\n- Keep your hips square in the plank\n")
    names = [e.name for e in a.exercises]
    assert names == ["Forearm plank", "Forearm plank with arm reach", "Single leg deadlift to knee drive",
                     "Banded glute bridge with adductor squeeze"]
    # a small word before the move makes a phrase of form: these stay the list's cues
    cues = {c.text for e in a.exercises for c in e.cues}
    assert {"Hips level during the bridge", "Chest tall through the whole squat", "Slow lowering into the lunge"} <= cues


def test_a_heading_over_a_how_to_that_opens_with_the_place_is_a_move():
    a = run("Knee control drills\n\nCrossover drop-offs\nOn a low box, stand on your right leg and slowly lower the left "
            "heel to the floor in front of you. Do 3 sets of 8.\n\nDoorway leans\nAgainst a wall, lean in until your "
            "shins tilt forward and hold for 20 seconds.\n\nRace week\nOn race day, skip the drills and keep your legs fresh.\n")
    assert [e.name for e in a.exercises] == ["Crossover drop-offs", "Doorway leans"]
    assert a.exercises[0].cues[0].text.startswith("On a low box, stand")


def test_a_heading_over_what_the_move_is_for_then_its_how_to_is_a_move():
    a = run("Trail ankle work\n\nAnkle wakers\nThis drill wakes up the small muscles around the ankle. Stand on one "
            "leg and rock from heel to toe 10 times.\n\nPebble grabs\nImproves grip of the toes on uneven ground.\n"
            "Sit on a chair and pick up 10 marbles with your toes.\n\nWhy we start slowly\nWe start on the floor because "
            "it takes balance out of the equation. Stand up only when the floor work is easy.\n")
    assert [e.name for e in a.exercises] == ["Ankle wakers", "Pebble grabs"]
    assert [p.text for p in a.exercises[0].purpose] == ["This drill wakes up the small muscles around the ankle."]
    assert [c.text for c in a.exercises[1].cues] == ["Sit on a chair and pick up 10 marbles with your toes."]


def test_sets_to_build_up_to_leave_the_circuits_rounds_to_the_prescription_now():
    a = run("Leg circuit\nGo through the circuit 3 times.\n\n- Split squat x 12\n- Step-up x 10\n\n"
            "Make it harder: work up to 5 rounds of the split squats.\n")
    squat = a.exercises[0]
    assert [(d.stage, d.sets_min, d.reps_min) for d in squat.dosages] == [("main", 3, 12), ("target", 5, None)]
    # with no prescription now, the sets to start from and build to are the exercise's own
    b = run("Leg circuit\nGo through the circuit 3 times.\n\n- Split squat: start with 1 set of 5, build up to 2 sets of 15\n")
    assert [(d.stage, d.sets_min, d.reps_min) for d in b.exercises[0].dosages] == [("start", 1, 5), ("target", 2, 15)]


def test_a_moving_bout_done_n_times_is_n_sets_and_a_held_one_n_reps():
    a = run("Conditioning\n\n1. Skater hops: go for 40 seconds, 4 times.\n2. Plank: hold 30 seconds, 3 times.\n"
            "3. Press-ups: 10 x in 30 seconds.\n")
    got = [(d.sets_min, d.reps_min, d.hold_seconds_min, d.duration_seconds_min) for e in a.exercises for d in e.dosages]
    assert got == [(4, None, None, 40), (None, 3, 30, None), (None, 10, None, 30)]
    # the count of times in words is a count of times too; a count of reps said as such stays reps
    b = run("Conditioning\n\n1. High knees: go for 20 seconds, repeat five times.\n"
            "2. Jumping jacks: 30 seconds, about 25 reps.\n")
    got = [(d.sets_min, d.reps_min, d.duration_seconds_min) for e in b.exercises for d in e.dosages]
    assert got == [(5, None, 20), (None, 25, 30)]


def test_a_bare_repeat_right_under_a_list_of_counted_moves_is_the_lists_rounds():
    a = run("Warm up\n- Inchworms x 8\n- Leg swings x 10 each leg\n- Pogo hops x 20\nRepeat x2\n\nMain set\n- Goblet squat 3 x 10\n")
    assert [(e.name, main(e).sets_min, main(e).reps_min) for e in a.exercises] == [
        ("Inchworms", 2, 8), ("Leg swings", 2, 10), ("Pogo hops", 2, 20), ("Goblet squat", 3, 10)]
    # under a move dosed on lines of its own, the repeat is its reps
    b = run("Leg work\n\nWall sit\nHold 30 seconds.\nRepeat 3 times.\n")
    assert (main(b.exercises[0]).hold_seconds_min, main(b.exercises[0]).reps_min) == (30, 3)


def test_a_how_to_two_blank_lines_under_a_move_told_only_its_purpose_is_its_own():
    a = run("Gentle strength\n\nGlute Bridges\nGlute bridges build the muscles that steady your pelvis.\n\n\n"
            "  • Lie on your back with your knees bent.\n  • Lift your hips until your body makes a straight line.\n"
            "  • Do 8-12 repetitions.\n\nBird Dogs\nBird dogs train balance across the trunk.\n\n\n"
            "  • Kneel on all fours.\n  • Reach one arm forward and the opposite leg back.\n")
    bridge, dog = a.exercises
    assert [c.text for c in bridge.cues] == ["Lie on your back with your knees bent.",
                                             "Lift your hips until your body makes a straight line."]
    assert (main(bridge).reps_min, main(bridge).reps_max) == (8, 12) and not dog.dosages
    assert [c.text for c in dog.cues] == ["Kneel on all fours.", "Reach one arm forward and the opposite leg back."]


def test_a_heading_that_opens_with_an_instruction_verb_names_no_move():
    a = run("Hip mobility\n\nFigure-four stretch\nLie on your back and cross one ankle over the other knee.\n\n"
            "Repeat with the left leg\nSwap legs and hold again.\n\nEstablish a steady rhythm\nBreathe out as you lower.\n\n"
            "Keep it smooth\nMove without jerking.\n")
    assert [e.name for e in a.exercises] == ["Figure-four stretch"]


def test_a_heading_naming_a_muscle_over_a_how_to_a_sentence_in_is_a_move():
    a = run("Rolling after a long run\n\nQUADS:\nThe quads cover the front of the thigh. Lie face down with the roller "
            "under your thighs and roll slowly from hip to knee.\n\nCalf muscles\nThe calves take the load of every "
            "stride. Sit with the roller under one calf and cross the other leg over it.\n\nHip pain\n"
            "Pain at the hip has many causes. It often settles with rest.\n")
    assert [e.name for e in a.exercises] == ["QUADS", "Calf muscles"]
    assert [c.text for c in a.exercises[0].cues] == [
        "Lie face down with the roller under your thighs and roll slowly from hip to knee."]


def test_on_a_page_with_no_blank_line_each_line_of_prose_is_a_paragraph():
    a = run("Three drills for faster feet\nCarioca trains your hips to turn while your shoulders stay square. Step across "
            "in front, then behind, moving sideways for 20 metres.\nBest for: hip mobility\nSkipping builds the bounce "
            "your stride needs. Drive one knee up with each skip and land under your hips.\nBest for: rhythm\n"
            "Butt kicks teach a quick heel recovery. Flick each heel toward your glutes as you jog forward.\n"
            "These drills take ten minutes.\n")
    assert [(e.name, [c.text for c in e.cues]) for e in a.exercises] == [
        ("Carioca", ["Step across in front, then behind, moving sideways for 20 metres."]),
        ("Skipping", ["Drive one knee up with each skip and land under your hips."]),
        ("Butt kicks", ["Flick each heel toward your glutes as you jog forward."])]


def test_flat_page_paragraphs_leave_list_items_and_a_headings_first_line_joined():
    from runstrength.extract.text import normalize, split_lines
    text = ("Ankle routine\nDo these every day.\nCalf raises\nRise onto your toes.\n- Hold 2 seconds\n- Lower slowly\n"
            "Finish with a stretch.\nStand tall.\n")
    gaps = [(line.text, line.gap) for line in split_lines(normalize(text), text)]
    assert gaps == [("Ankle routine", 0), ("Do these every day.", 0), ("Calf raises", 1), ("Rise onto your toes.", 0),
                    ("Hold 2 seconds", 0), ("Lower slowly", 0), ("Finish with a stretch.", 0), ("Stand tall.", 1)]


def test_a_counted_exercise_line_names_a_move_the_lexicon_lacks():
    a = run("Achilles loading for trail runners\n\nThese moves load the tendon the way a descent does.\n\n"
            "Exercise 1. Stance and sweep with heel\nExercise 2. Balance and lean with knee\n"
            "Exercise 3. Crossover balance sweep\nExercise 4. Dynamic calf stretch\n")
    assert [e.name for e in a.exercises] == ["Stance and sweep with heel", "Balance and lean with knee",
                                             "Crossover balance sweep", "Dynamic calf stretch"]
    assert not a.sections  # the count over the next count is no heading of a part


def test_a_name_with_a_whole_sessions_word_is_no_move():
    a = run("Hill strength for runners\n\nDo this twice a week.\n\nStrength Training for Hill Runners\n"
            "Step into it slowly and keep your chest up.\n\n1. Step-ups x 10 each leg\n2. Walking lunges x 12\n\n"
            "The Friday Mobility Challenge\nHold each stretch for 30 seconds.\n\nKnee Injury Prevention\n"
            "Lift the knee towards the chest and lower it slowly.\n")
    assert [e.name for e in a.exercises] == ["Step-ups", "Walking lunges"]
    # a known move named with such a word stays
    b = run("Cross-training day\n\n- Elliptical workout: 20 minutes easy\n- Plank: hold 30 seconds\n")
    assert [e.canonical_name for e in b.exercises] == ["elliptical", "plank"]


def test_a_dropped_sections_id_is_never_taken_by_a_later_section():
    """Sections are known by id() in the builder (overview marks, rules of a part): a dropped section freed
    would hand its id, and so its mark, to the next section made (CPython reuses the memory at once), which
    made an article's output depend on the process's hash seed."""
    import gc

    from runstrength.extract.assemble import _Builder
    from runstrength.extract.text import normalize, split_lines

    text = "Programme summary\nWeek one\n"
    raw = RawArticle(article_id="s000", source_file="s000.txt", sha256=SHA, text=text, encoding="utf-8")
    lines = split_lines(normalize(text), text)
    b = _Builder(raw, lines, [])
    marked = 0
    for _ in range(50):
        summary = b._section("Programme summary", lines[0], None)
        assert id(summary) in b._overviews
        b.sections.remove(summary)  # as _settle drops a heading that stood over prose only
        del summary
        gc.collect()
        part = b._section("Week one", lines[1], None)
        marked += id(part) in b._overviews
        b.sections.remove(part)
        del part
    assert marked == 0


def test_a_zero_padded_list_number_is_no_count_of_the_move():
    a = run("Home circuit\n\nDo 3 circuits, 40 seconds per exercise.\n\n01 Box jumps\n02 Push ups\n03 Plank\n")
    # (sets, reps, hold, duration): the plank's 40 seconds are a hold
    assert [(e.name, [(d.sets_min, d.reps_min, d.hold_seconds_min, d.duration_seconds_min) for d in e.dosages])
            for e in a.exercises] == [
        ("Box jumps", [(3, None, None, 40)]), ("Push ups", [(3, None, None, 40)]), ("Plank", [(3, None, 40, None)])]


def test_a_plan_label_alone_names_no_move():
    # a day's kind and a table's group label, as a training plan's flattened cells give them
    a = run("Week 3 plan\n\n- Strength\n- Time: 40m\n- Exercise\n- LEGS\n  Goblet squat\n- Endurance\n")
    assert [e.name for e in a.exercises] == ["Goblet squat"]


@pytest.mark.parametrize("rule", [
    "You will be doing 4 sets of the following exercises:",
    "To warm into the session on a weekday, you will be doing four sets of the following exercises:.",
])
def test_the_lists_count_said_in_the_future_or_with_ing_is_every_moves(rule: str) -> None:
    a = run(f"Strength Training\n\n{rule}\n\n1. Squats (12 reps)\nSit back and stand tall.\n\n"
            "2. Push-ups (10-12 reps)\nLower the chest to the floor.\n")
    assert [(e.name, [(d.sets_min, d.sets_max, d.reps_min, d.reps_max) for d in e.dosages]) for e in a.exercises] == [
        ("Squats", [(4, 4, 12, 12)]), ("Push-ups", [(4, 4, 10, 12)])]


@pytest.mark.parametrize("first, second", [("Position:", "Action:"), ("Starting Position", "Movement")])
def test_a_leaflets_step_labels_are_sub_labels_of_the_move_above(first: str, second: str) -> None:
    # "Position:" / "Action:" alone over each step: the move's own labels, not moves or parts
    a = run(f"Core work for runners\n\nExercise 1: Dead bug\n{first}\nLie on your back with your arms up.\n{second}\n"
            f"Lower one arm and the other leg slowly.\n\nExercise 2: Bird dog\n{first}\nKneel on all fours.\n{second}\n"
            "Reach one arm and the other leg long.\n")
    assert [(e.name, [c.text for c in e.cues]) for e in a.exercises] == [
        ("Dead bug", ["Lie on your back with your arms up.", "Lower one arm and the other leg slowly."]),
        ("Bird dog", ["Kneel on all fours.", "Reach one arm and the other leg long."])]


def test_steps_without_full_stops_are_steps_not_names():
    # A list of steps that lost their full stops: one cut where its count begins ("... hold for 30 seconds"),
    # one a long set-up in sentence case with no "your" ("Sit with ankle resting on ...")
    a = run("Heel pain stretches\n\n1. Soleus Stretch\nStand facing a wall with one foot behind the other\n"
            "Bend both knees and hold for 30 seconds\nRepeat 3 times per leg\n2. Towel Toe Pull\n"
            "Sit with ankle resting on the opposite knee\nPull the toes back toward the shin\nHold for 20 seconds\n")
    assert [(e.name, [(d.reps_min, d.hold_seconds_min, d.per_side) for d in e.dosages]) for e in a.exercises] == [
        ("Soleus Stretch", [(3, 30, True)]), ("Towel Toe Pull", [(None, 20, False)])]
    assert [c.text for c in a.exercises[1].cues] == ["Sit with ankle resting on the opposite knee",
                                                     "Pull the toes back toward the shin"]


def test_a_parts_heading_in_title_case_may_open_with_an_article():
    a = run("Why eccentric work matters\n\nDownhill running asks a lot of the quads.\n\nAn Easy Strength Routine\n\n"
            "- Step-downs, 8-10 reps per leg\n- Split squats, 8-10 reps per leg\n")
    assert [(e.name, section_of(a, e)) for e in a.exercises] == [
        ("Step-downs", "An Easy Strength Routine"), ("Split squats", "An Easy Strength Routine")]


def test_a_lead_in_right_under_a_parts_heading_is_the_parts_instructions():
    # the heading stays the part's title; the lead-in's count is the part's
    a = run("Why eccentric work matters\n\nDownhill running asks a lot of the quads.\n\nHill Strength Routine\n"
            "Perform the following exercises 3 times:\n- Step-downs, 8-10 reps per leg\n- Split squats, 8-10 reps per leg\n")
    assert [(e.name, section_of(a, e), main(e).sets_min, main(e).reps_max) for e in a.exercises] == [
        ("Step-downs", "Hill Strength Routine", 3, 10), ("Split squats", "Hill Strength Routine", 3, 10)]
    # with no heading above, the lead-in heads the list as before
    b = run("Why eccentric work matters\n\nDownhill running asks a lot of the quads.\n\n"
            "Perform the following exercises 3 times:\n- Step-downs, 8-10 reps per leg\n")
    assert section_of(b, b.exercises[0]) == "Perform the following exercises 3 times"


def test_a_label_letter_after_a_name_is_no_cut_sentence():
    # "Superset A" ends on a capital letter that labels it, not on the article of a sentence cut at its count
    from runstrength.extract.line_names import dangling_end

    assert not dangling_end("Superset A") and not dangling_end("Plank variation A")
    assert dangling_end("Lean forward and hold for") and dangling_end("Step onto a")


def test_a_bullet_of_sets_in_a_row_is_the_dose_of_the_move_above():
    # "in a row" is one after another: no row exercise, no heading
    a = run("Knee Plan\n\nWall squat\nSlide down the wall until your knees bend.\n\n- Do it 6-9 times\n- 4 sets in a row\n"
            "- Twice-daily\n\nStep up\nStep onto the box with one foot.\n\n- Do it 12 times\n- 2 sets in a row\n- Twice-daily\n")
    assert [(e.name, main(e).sets_min, main(e).reps_min, main(e).reps_max) for e in a.exercises] == [
        ("Wall squat", 4, 6, 9), ("Step up", 2, 12, 12)]


def test_a_move_introduced_with_its_hold_after_a_comma_is_the_paragraphs_move():
    # "add a child's pose, holding for 45 seconds" names the move; the next sentence introduces another,
    # whatever movement their description resembles
    a = run("Evening Mobility\n\nBegin with a hamstring stretch: sit tall and reach for your toes. Stay there 25 seconds.\n\n"
            "After that, add a child's pose, holding for 45 seconds. Now try a pigeon stretch: slide your front knee "
            "forward and reach your other leg straight behind you. Fold forward over the front shin and hold.\n")
    assert [(e.name, e.named_in_text) for e in a.exercises] == [
        ("hamstring stretch", True), ("child's pose", True), ("pigeon stretch", True)]
    assert main(a.exercises[1]).hold_seconds_min == 45
