"""Dosage rules given for a whole part or article, and inherited by its exercises (GOLD_SPEC: sets
or rounds given by the section or the article are inherited by an exercise that has none).

Every mini-article here is written for the test; none is taken from the seed, dev or held-out articles.
"""
from __future__ import annotations

from runstrength.model import Article, Exercise

from test_extract_articles import ex, main, run

TIMED_CIRCUIT = """Core Blast for Trail Runners

Main Circuit
Spend 45 seconds on every exercise and rest 15 seconds before the next. Go through 4 rounds.

Mountain climbers
Drive the knees toward the chest quickly.

Side plank
Prop up on one elbow and lift the hips.

Bird dog
Extend the opposite arm and leg. Do 8 reps on each side.

Stretches
Hamstring stretch
Sit tall and reach for the toes.
"""


def facts(e: Exercise) -> tuple:
    d = main(e)
    return (d.sets_min, d.sets_max, d.reps_min, d.hold_seconds_min, d.duration_seconds_min, d.per_side)


def test_timed_circuit_intro_gives_rounds_and_time_to_its_exercises():
    a = run(TIMED_CIRCUIT)
    assert facts(ex(a, "mountain climber")) == (4, 4, None, None, 45, False)
    assert facts(ex(a, "side plank")) == (4, 4, None, 45, None, False)  # a static hold
    # own reps: only the rounds are inherited, not the time
    assert facts(ex(a, "bird dog")) == (4, 4, 8, None, None, True)
    # another part: nothing inherited
    assert ex(a, "hamstring stretch").dosages == []


def test_work_rest_rounds_line_under_a_heading():
    a = run("Quick Leg Finisher\n\nFinisher\n40 seconds on, 20 seconds off, 3 rounds\nJump squats\nLateral lunges\n")
    for name in ("squat jump", "lateral lunge"):
        assert facts(ex(a, name)) == (3, 3, None, None, 40, False), name


def test_rule_for_every_stretch_gives_hold_and_side():
    a = run("Post-Run Mobility\n\nHold each stretch for 40 seconds, and do both sides.\n\n"
            "Calf stretch\nLean into a wall with the back heel down.\n\n"
            "Hip flexor stretch\nKneel and shift the hips forward.\n")
    for name in ("calf stretch", "hip flexor stretch"):
        d = main(ex(a, name))
        assert (d.hold_seconds_min, d.per_side, d.inherited_from) == (40, True, "article"), name


def test_rule_for_every_stretch_leaves_the_strength_work_alone():
    a = run("Tight Hips Fix\n\nRepeat each stretch 4 times, twice a day.\n\n"
            "Pigeon stretch\nFold the front leg under the chest.\n\n"
            "Glute bridge\nDrive the hips up from the floor and lower slowly.\n")
    assert facts(ex(a, "pigeon stretch"))[2] == 4
    assert ex(a, "glute bridge").dosages == []


def test_circuit_done_n_times_in_the_passive_gives_rounds_and_moving_plank_is_timed():
    a = run("Lunch Break Circuit\n\nSpend 40 seconds on each exercise and rest 20 seconds. "
            "The circuit should be done 2 to 4 times.\n\n"
            "Goblet squat\nHold the weight at the chest and sit down.\n\n"
            "Plank with alternating row\nFrom a high plank, pull one dumbbell to the ribs, then the other.\n")
    assert facts(ex(a, "goblet squat"))[:2] == (2, 4)
    # a row from the plank moves: its time is a bout, not a hold
    assert facts(ex(a, "plank"))[:5] == (2, 4, None, None, 40)


def test_hold_said_as_a_lower_bound_has_no_max():
    a = run("Cool-Down Stretches\n\nCalf stretch\nLean into a wall with the back heel down. "
            "Keep the stretch going for at least 25 seconds, then change legs.\n")
    d = main(ex(a, "calf stretch"))
    assert (d.hold_seconds_min, d.hold_seconds_max, d.per_side) == (25, None, True)


def test_start_and_target_sets_are_the_exercises_own():
    a = run("Knee Care Routine\n\nDo 3 sets of each exercise.\n\n"
            "Wall sit\nSlide down the wall. Hold for 30 seconds.\n\n"
            "Step-down\nLower the heel slowly. Begin with 1 set of 6 on each leg and build up to 2 sets of 12.\n")
    assert facts(ex(a, "wall sit"))[:2] == (3, 3)
    step = ex(a, "step-down")
    assert [(d.stage, d.sets_min) for d in step.dosages] == [("start", 1), ("target", 2)]


def test_dosage_label_lines_belong_to_the_exercise():
    a: Article = run("Lunge Workout\n\nReverse lunge\nSets/Reps: 3 x 10 per leg\nStep back and lower the back knee.\n\n"
                     "Glute bridge\nSets: 3\nReps: 12\nDrive the hips up.\n")
    assert [e.canonical_name for e in a.exercises] == ["reverse lunge", "glute bridge"]
    assert facts(ex(a, "reverse lunge")) == (3, 3, 10, None, None, True)
    assert facts(ex(a, "glute bridge")) == (3, 3, 12, None, None, False)


def test_part_heading_with_rounds_and_rest_gives_its_rounds():
    a = run("Band Strength for Runners\n\nWarm-up\n\nLeg swings - 10 each leg\nSwing one leg forward and back.\n\n"
            "Block B - 4 rounds, rest 90 seconds after each round\n\n"
            "B1. Step-up - 8 per leg\nStep onto the box and drive the knee up.\n\n"
            "B2. Calf raise - 15 reps\nRise onto the toes and lower slowly.\n")
    assert facts(ex(a, "leg swing")) == (None, None, 10, None, None, True)
    assert facts(ex(a, "step-up")) == (4, 4, 8, None, None, True)
    assert facts(ex(a, "calf raise")) == (4, 4, 15, None, None, False)


def test_blank_dosage_label_is_not_an_exercise():
    a = run("Clinic Handout\n\nWall sit\nSlide down the wall until the knees are bent.\nSets: 2\nReps: 3\nHold: 30 seconds\n\n"
            "Clamshell\nLie on your side and open the top knee.\nSets: 2\nReps: 15\nHold: n/a\n")
    assert [e.canonical_name for e in a.exercises] == ["wall sit", "clamshell"]
    assert facts(ex(a, "wall sit")) == (2, 2, 3, 30, None, False)
    assert facts(ex(a, "clamshell")) == (2, 2, 15, None, None, False)


def test_part_count_in_brackets_or_in_a_summary_is_that_parts():
    a = run("Two-Part Leg Session\n\nStage 1 - Control\n\nGlute bridge - 12 reps\nDrive the hips up.\n\n"
            "Stage 2 - Power (3 rounds)\n\nJump squat - 6 reps\nJump as high as you can.\n\n"
            "Stage 3 - Finish\n\nWall sit - 30 seconds\nSit against the wall.\n\n"
            "Summary\nStage 3 x 2 rounds\n")
    assert facts(ex(a, "glute bridge"))[:3] == (None, None, 12)
    assert facts(ex(a, "squat jump"))[:3] == (3, 3, 6)
    assert facts(ex(a, "wall sit"))[:2] == (2, 2)


def test_how_many_label_is_the_exercise_dose():
    a = run("Beginner Leg Circuit\n\nSplit squat\n- How many: 6 to 10 each leg\n- Keep the front knee over the toes.\n"
            "- Drop the back knee toward the floor.\n\nBird dog\n- How many: hold for a count of 6, 4 times per side\n"
            "- Reach long with the arm and leg.\n")
    assert facts(ex(a, "split squat")) == (None, None, 6, None, None, True)
    assert [s.text for s in ex(a, "split squat").cues][-1] == "Drop the back knee toward the floor."
    assert facts(ex(a, "bird dog"))[3] == 6


def test_counts_listed_in_one_sentence_go_to_each_exercise():
    a = run("Quick Home Session\n\nMy go-to: four rounds of 15 air squats, 8 push-ups and a 30-second side plank per side.\n\n"
            "Air squat\nSit the hips back and down.\n\nPush-up\nKeep the body in one line.\n\nSide plank\nStack the feet.\n")
    assert facts(ex(a, "squat"))[:3] == (4, 4, 15)
    assert facts(ex(a, "push-up"))[:3] == (4, 4, 8)
    assert facts(ex(a, "side plank")) == (4, 4, None, 30, None, True)


def test_a_rule_needs_its_every_exercise_close_together():
    # "all ... move" far apart in a sentence about one weight is no rule for every exercise
    a = run("Dumbbell Basics\n\nGoblet squat - 3 x 10\nHold the bell at the chest.\n\nPlank\nBrace the trunk.\n\n"
            "When to go heavier\n\nOnce all four sets of 10 feel light, move on to a heavier bell and start back at 6 reps.\n")
    assert ex(a, "plank").dosages == []


def test_heading_default_unless_noted_is_not_an_exercise():
    a = run("Strength Card\n\nCARD (2 sets unless noted)\nGlute bridge: 12\nDead bug: 3 sets of 6 per side\n")
    assert [e.canonical_name for e in a.exercises] == ["glute bridge", "dead bug"]
    assert facts(ex(a, "glute bridge"))[:3] == (2, 2, 12)
    assert facts(ex(a, "dead bug"))[:3] == (3, 3, 6)


def test_repeats_of_a_hold_that_a_summary_calls_sets_are_sets():
    a = run("Core Basics\n\nWall sit\nSlide down the wall. Hold for 40 seconds and repeat four times.\n\n"
            "Summary\nWall sit: 4 x 40 seconds\n")
    assert facts(ex(a, "wall sit"))[:4] == (4, 4, None, 40)


def test_warm_up_heading_with_its_rounds_is_that_parts_count():
    a = run("Garage Legs Session\n\nRead this first\nWork each move for 30 seconds. After the last one, go three times through.\n\n"
            "Warm-up (do it once)\nLeg swings - 12 per leg\n\nMain block\nMountain climbers\nDrive the knees in fast.\n\n"
            "Reverse lunge\nStep back and drop the knee.\n")
    assert facts(ex(a, "leg swing"))[:3] == (1, 1, 12)
    assert facts(ex(a, "mountain climber")) == (3, 3, None, None, 30, False)


def test_a_move_named_a_hold_holds_its_seconds():
    a = run("Desk Worker Core\n\nKeep each position for 25 seconds.\n\nStarfish hold\nLie face down and lift arms and legs.\n\n"
            "Isometric wall push\nPush both palms into the wall.\n")
    assert facts(ex(a, "starfish hold"))[3:5] == (25, None)
    assert facts(ex(a, "isometric wall push"))[3:5] == (25, None)



def test_emom_minutes_count_its_sets_not_a_bout():
    a = run("Leg Power Finisher\n\nMain block\nReverse lunge - 3 x 8 per leg\n\n"
            "Finisher: Goblet squat EMOM\n\nAt the top of every minute, do 8 goblet squats and rest for the rest of "
            "the minute. Ten minutes, ten sets. Keep your chest up and sit between your heels.\n")
    assert facts(ex(a, "goblet squat")) == (10, 10, 8, None, None, False)
    # minutes of a move that merely changes something every minute stay its bout
    a = run("Easy Cardio Block\n\nMain block\nJumping jacks\nDo jumping jacks for 4 minutes, picking up the pace every minute.\n")
    assert facts(ex(a, "jumping jack")) == (None, None, None, None, 240, False)


def test_an_exercise_named_as_a_prerequisite_does_not_take_the_paragraph():
    a = run("Calf Strength Ladder\n\n1. Calf raise\n\nRise onto both toes and lower slowly over three seconds. 3 x 15.\n\n"
            "2. Skipping\n\nOnly add this once you can do 3 x 20 calf raises with no pain. Skip lightly on the spot. "
            "Start with 3 sets of 30 seconds and build up to 3 x 60 seconds.\n")
    assert facts(ex(a, "calf raise"))[:3] == (3, 3, 15)
    assert [(d.stage, d.sets_min, d.duration_seconds_min) for d in ex(a, "skipping").dosages] == [
        ("start", 3, 30), ("target", 3, 60)]


def test_work_column_of_a_circuit_table_times_each_move():
    a = run("Living Room Circuit\n\nCircuit (4 rounds)\n\nMove\tWork\tNotes\nJump squats\t30 sec\tLand softly\n"
            "Side plank\t15 sec each side\tHips high\n")
    assert facts(ex(a, "squat jump")) == (4, 4, None, None, 30, False)
    assert facts(ex(a, "side plank")) == (4, 4, None, 15, None, True)


def test_piped_table_by_period_without_border():
    a = run("Twelve-Week Gym Block\n\nMain lifts\n\nExercise | Weeks 1-4 | Weeks 5-8\nB1. Goblet squat | 3 x 10 | 4 x 6\n"
            "B2. Step-up | 3 x 8 each leg | 3 x 10 each leg\n\nNotes\nWarm up well first.\n")
    assert [(d.stage, d.sets_min, d.reps_min) for d in ex(a, "goblet squat").dosages] == [("start", 3, 10), ("target", 4, 6)]  # first period to last
    step = ex(a, "step-up")
    assert step.name == "Step-up"
    assert [(d.sets_min, d.reps_min, d.per_side) for d in step.dosages] == [(3, 8, True), (3, 10, True)]


UNLESS_ARTICLE = """Four Moves for New Runners

These four moves take about ten minutes. Unless a move says otherwise, aim for 3 sets of 12 reps with a minute's rest between sets.

Move 1: Reverse lunge
Step back and lower the back knee toward the floor.

Move 2: Glute bridge
Lift the hips until the body is in a line. When 3 sets of 12 feel easy, try the marching version: 2 x 6 on each leg.

Move 3: Side plank
Prop yourself on one forearm and lift the hips.
"""


def test_article_default_gives_sets_and_reps_and_the_routine_length_is_no_bout():
    a = run(UNLESS_ARTICLE)
    assert facts(ex(a, "reverse lunge")) == (3, 3, 12, None, None, False)
    # the variant's sets do not stop the default from reaching the exercise itself
    assert facts(ex(a, "glute bridge")) == (3, 3, 12, None, None, False)
    prog = [d for d in ex(a, "glute bridge").dosages if d.stage == "progression"]
    assert [(d.sets_min, d.reps_min, d.per_side) for d in prog] == [(2, 6, True)]


def test_working_through_the_circuit_twice_gives_its_rounds():
    a = run("Hip Stability Session\n\nPart 1: Circuit\n\nWork through the circuit twice, with a short break between rounds.\n\n"
            "Clamshell\nLie on your side and open the top knee. Do 15 on each side.\n\n"
            "Bird dog\nReach the opposite arm and leg. 8 each side.\n")
    for name in ("clamshell", "bird dog"):
        assert main(ex(a, name)).sets_min == 2, name


def test_a_moving_drill_on_a_balance_board_is_timed_not_held():
    a = run("Ankle Drills\n\nBalance board rocks\nStand on the board and rock it from side to side for 40 seconds.\n\n"
            "Balance board\nStand still on the board and keep it level for 40 seconds.\n")
    moving = main(next(e for e in a.exercises if e.name.lower().endswith("rocks")))
    assert (moving.hold_seconds_min, moving.duration_seconds_min) == (None, 40)


def test_an_exercise_added_after_a_two_part_lead_clause_takes_its_paragraph():
    a = run("Posterior Chain Day\n\n1. Romanian deadlift: 3 sets of 8\nHinge at the hips with a flat back.\n\n"
            "Once the deadlifts feel solid, normally after three weeks, add single-leg glute bridges at the end. "
            "Lie on your back and lift one leg. Start with 2 sets of 6 and build to 3 sets of 10.\n")
    assert main(ex(a, "romanian deadlift")).reps_min == 8
    assert [d.reps_min for d in ex(a, "romanian deadlift").dosages] == [8]
    assert {d.reps_min for d in ex(a, "single-leg glute bridge").dosages} == {6, 10}


def test_a_work_and_rest_interval_before_a_parts_moves_is_its_rule():
    a = run("Quick Home Session\n\nThe circuit\n\n"
            "Work for 30 seconds and then rest for 15 seconds before the next move. "
            "Do 3 rounds if you are just starting out, or 4 rounds once you are fitter.\n\n"
            "Skater hops\nLeap sideways from one foot to the other.\n\n"
            "Bird dog\nReach the opposite arm and leg away from each other.\n")
    for name in ("lateral bound", "bird dog"):
        d = main(ex(a, name))
        assert (d.sets_min, d.sets_max, d.duration_seconds_min) == (3, 4, 30), name


def test_a_time_alone_before_a_parts_moves_is_no_rule():
    a = run("Quick Home Session\n\nThe circuit\n\nJog on the spot for 5 minutes first.\n\n"
            "Skater hops\nLeap sideways from one foot to the other. Do 3 sets of 10.\n")
    d = main(ex(a, "lateral bound"))
    assert (d.sets_min, d.reps_min, d.duration_seconds_min) == (3, 10, None)


def test_a_bare_count_beside_a_hold_column_is_sets_of_that_hold():
    a = run("Hip Rehab Plan\n\n| Exercise | Sets x reps | Hold |\n| Side plank | 4 per side | 15-25 sec |\n"
            "| Clamshell | 2 x 12 per side | - |\n")
    d = main(ex(a, "side plank"))
    assert (d.sets_min, d.reps_min, d.hold_seconds_min, d.hold_seconds_max, d.per_side) == (4, None, 15, 25, True)
    clam = main(ex(a, "clamshell"))
    assert (clam.sets_min, clam.reps_min) == (2, 12)


def test_count_said_once_for_each_of_two_opposite_ways_is_per_side():
    from runstrength.extract import dosage as dz
    for text in ("Shoulder rolls: 12 forwards and 12 backwards.", "Hip circles - 6 clockwise, 6 anticlockwise.",
                 "Trunk turns, 8 to the left and 8 to the right.", "Crab walk: 12 steps forwards and 12 back."):
        got = dz.parse_dosages(text)
        assert [(m.reps, m.per_side) for m in got] == [(got[0].reps, True)] and got[0].reps[0] in (12, 6, 8), (text, got)


def test_steps_walked_in_a_drill_are_its_reps():
    from runstrength.extract import dosage as dz
    got = dz.parse_dosages("Tandem walk: walk 12 steps along a line, heel touching toe. Do this three times.")
    assert [(m.sets, m.reps) for m in got] == [(None, (12, 12)), ((3, 3), None)]
    assert dz.parse_dosages("Walk 40 metres at an easy pace.") == []


def test_count_for_every_exercise_after_the_last_description_is_the_routines():
    a = run("Hip Set for Runners\n\nSide-lying leg lift\nLie on one side and lift the top leg.\n"
            "Fire hydrant\nOn all fours, lift one knee out to the side.\n"
            "Begin with 8 reps for every exercise. Move smoothly from one to the next.\n")
    assert [facts(e)[2] for e in a.exercises] == [8, 8]


def test_a_rule_for_each_variation_is_the_articles():
    a = run("Balance Series\n\nPractise every variation for 45 seconds on each leg.\n\n"
            "Single leg stance\nStand tall on one foot.\n\n"
            "Single leg stance on a pillow\nStand on one foot on a soft pillow.\n")
    for e in a.exercises:
        d = main(e)
        assert (d.hold_seconds_min or d.duration_seconds_min, d.per_side, d.inherited_from) == (45, True, "article"), e.name


def test_one_pass_of_every_move_then_a_count_of_rounds_gives_the_rounds():
    a = run("Band Circuit\n\nGo through every exercise below once for one set. Complete 2-4 sets, resting 90 seconds between sets.\n\n"
            "Glute bridge\nLie on your back and lift your hips.\nDo 12 reps.\n\n"
            "Bird dog\nOn hands and knees, reach out one arm and the opposite leg.\nDo 10 reps per side.\n")
    assert facts(ex(a, "glute bridge"))[:3] == (2, 4, 12)
    assert facts(ex(a, "bird dog"))[:3] == (2, 4, 10)


def test_a_count_for_each_exercise_done_twice_on_its_own_line_under_a_plain_heading():
    a = run("Morning Mobility Drills\n\nHow much\n\nRun through six reps of every drill twice.\n\n"
            "Drill 1: Walking lunges\n\nStep long and keep the chest up.\n\n"
            "Drill 2: Arm circles\n\nDraw wide circles with straight arms.\n")
    assert [facts(e)[:3] for e in a.exercises] == [(2, 2, 6), (2, 2, 6)]


def test_reps_per_exercise_are_the_routines():
    a = run("Mini Band Routine\n\nPick a band light enough that you can finish 10-12 reps per move with good form.\n\n"
            "Monster walk\nStep forward and out with the band around the knees.\n\n"
            "Glute bridge\nLie on your back and drive the hips up.\n")
    for e in a.exercises:
        d = main(e)
        assert (d.reps_min, d.reps_max, d.inherited_from) == (10, 12, "article"), e.name


def test_a_hold_said_of_stretches_in_general_goes_to_the_stretch_without_its_own():
    a = run("Desk Worker Stretches\n\nStretches like these must be held for 20 to 40 seconds.\n\n"
            "Hip flexor stretch\nKneel on one knee and push the hips forward. Hold for 30 seconds.\n\n"
            "Figure four stretch\nLie on your back and cross one ankle over the other knee.\n")
    assert (main(ex(a, "figure four stretch")).hold_seconds_min, main(ex(a, "figure four stretch")).hold_seconds_max) == (20, 40)
    assert main(ex(a, "hip flexor stretch")).hold_seconds_min == 30


def test_time_in_heading_is_the_hold_the_body_describes():
    # the heading's time has no kind; the body holds for the same time, so it is one hold, not a timed bout
    a = run("Knee Care Routine\n\nStraight leg raise – 6 sets of 4 seconds with each leg\n\n"
            "Lie on your back with one knee bent. Lift the straight leg a hand's width and hold it up for 4 seconds.\n\n"
            "Clamshell – 3 sets of 12 with each leg\n\nLie on one side and open the top knee.\n")
    assert facts(ex(a, "straight leg raise")) == (6, 6, None, 4, None, True)


def test_sets_the_writer_recommends_before_the_list_are_every_exercises():
    a = run("Leg Day for Trail Runners\n\nThis session has two moves for the hips and legs. "
            "We recommend doing 2 sets, three times a week.\n\n"
            "Goblet Squat\nHold a weight at the chest and sit back.\n\n"
            "Step-Ups\nStep onto a box and drive through the heel.\n")
    for name in ("goblet squat", "step-up"):
        d = main(ex(a, name))
        assert (d.sets_min, d.sets_max, d.reps_min, d.inherited_from) == (2, 2, None, "article"), name


def test_repeat_on_a_named_side_in_a_numbered_step_makes_the_hold_per_side():
    a = run("Cool-Down Stretches\n\nCalf stretch\n1. Put your hands on a fence, right foot well behind the left.\n\n"
            "2. Sink the right heel and lean forward. Keep it there 15-25 seconds. Now repeat for your left leg.\n")
    d = main(ex(a, "calf stretch"))
    assert (d.hold_seconds_min, d.hold_seconds_max, d.per_side) == (15, 25, True)


def test_repeat_with_the_other_arm_inside_one_alternating_rep_is_not_per_side():
    a = run("Core Finisher\n\nDead bug\n1. Lie back with the arms up and knees bent. Do 14 reps in total.\n\n"
            "2. Lower your right arm behind you. Repeat with your left arm sweeping back past your ear.\n")
    d = main(ex(a, "dead bug"))
    assert (d.reps_min, d.per_side) == (14, False)


def test_each_exercise_n_times_a_side_counts_reps_not_rounds():
    a = run("Single-Leg Strength Session\n\nDo every move single-legged. Repeat each exercise eight times "
            "on each side.\n\n1. Step-up\n\nStep onto a low box and drive the knee high.\n\n"
            "2. Single leg deadlift\n\nHinge at the hip with a soft standing knee.\n")
    for name in ("step-up", "single-leg deadlift"):
        assert facts(ex(a, name)) == (None, None, 8, None, None, True), name


def test_repeat_after_going_through_every_move_counts_rounds():
    # the sentence first passes through the whole list, so its bare "repeat N times" repeats that pass
    a = run("Porch Step Workout\n\nWork through all four moves without a break, rest two minutes and repeat 3 - 4 "
            "times.\n\nStep-Ups\n\nReps: 12 per leg\n\nDrive up through the heel of the top foot.\n\n"
            "Calf Raises\n\nReps: 20\n\nRise onto the balls of both feet.\n")
    assert facts(ex(a, "step-up")) == (3, 4, 12, None, None, True)
    assert facts(ex(a, "calf raise")) == (3, 4, 20, None, None, False)


def test_benefit_label_line_does_not_cut_the_exercise_from_its_reps():
    # "Improves: ..." annotates the exercise above like "Targets: ..."; the "Reps:" line after it still belongs to it
    a = run("Garage Leg Session\n\nReverse Lunge\n\nImproves: balance, hip strength\n\nReps: 9 per side\n\n"
            "Step back and lower the rear knee.\n\nWall Sit\n\nDevelops: quad endurance\n\nReps: 5\n\n"
            "Slide down the wall to a seat.\n")
    assert facts(ex(a, "reverse lunge")) == (None, None, 9, None, None, True)
    assert main(ex(a, "wall sit")).reps_min == 5


def test_once_or_twice_is_one_range_of_repeats_and_its_weekly_range_is_no_rounds():
    # "Do this plan ... once or twice a week" is how often, not passes through the plan
    a = run("Evening Stretch Plan\n\nDo this plan once or twice a week.\n\n"
            "Hold each stretch for 25 seconds and repeat once or twice on each side.\n\n"
            "Calf stretch\nLean into a wall with the back heel down.\n\n"
            "Quad stretch\nPull the heel toward the buttock.\n")
    for name in ("calf stretch", "quad stretch"):
        d = main(ex(a, name))
        assert (d.sets_min, d.reps_min, d.reps_max, d.hold_seconds_min, d.per_side) == (None, 1, 2, 25, True), name


def test_at_least_before_a_range_of_weekly_sessions_keeps_its_upper_end():
    a = run("Evening Stretch Plan\n\nGo through it at least twice or three times a week.\n\n"
            "Calf stretch\nLean into a wall with the back heel down. Hold 30 seconds.\n")
    assert (a.frequency_min, a.frequency_max) == (2, 3)
    b = run("Evening Stretch Plan\n\nGo through it at least twice a week.\n\n"
            "Calf stretch\nLean into a wall with the back heel down. Hold 30 seconds.\n")
    assert (b.frequency_min, b.frequency_max) == (2, None)


def test_interval_told_to_the_reader_before_the_list_times_each_move():
    a = run("Lunchtime Interval Blast\n\nHere is how it works. You work on a move for 30 seconds flat out, then you rest "
            "for 15 seconds.\n\nSkater hops\nLeap from side to side.\n\nPush-ups\nKeep the body in one line.\n")
    for name in ("lateral bound", "push-up"):
        assert main(ex(a, name)).duration_seconds_min == 30, name


def test_labelled_fields_under_an_exercise_give_sets_reps_and_hold():
    a = run("Knee Rehab Sheet\n\nHeel slide\nSlide the heel toward the buttock.\nSets: 2 Reps: 15 Hold: 4\n\n"
            "Mini squat\nBend the knees a little.\nSets: 3 Reps: 10\n")
    assert facts(ex(a, "heel slide")) == (2, 2, 15, 4, None, False)
    assert facts(ex(a, "mini squat")) == (3, 3, 10, None, None, False)


def test_sets_of_the_following_after_a_lead_in_or_a_named_coachs_advice_reach_every_move():
    # "The short version: do ..." and "Our physio Dana advises doing ...": the sets still rule the list
    for intro in ("The short version: do three sets of everything below, with a minute of rest between them.",
                  "Our physio Dana advises doing three sets of each move below to fill a 10-to-15-minute slot."):
        a = run(f"Leg Day\n\nSome words about legs.\n\n{intro}\n\nGoblet squat\nHold a weight at the chest. Do 10 reps.\n\n"
                "Reverse lunge\nStep back and lower the knee. Do 8 reps.\n")
        for name in ("goblet squat", "reverse lunge"):
            d = main(ex(a, name))
            assert (d.sets_min, d.sets_max, d.duration_seconds_min) == (3, 3, None), (intro, name)


def test_repeat_these_exercises_after_the_list_gives_rounds_not_the_weekly_days():
    a = run("Knee Rehab Stage Two\n\nSome words about knees.\n\n"
            "Goblet squat: Hold a weight at the chest and sit back. 8-12 reps\n\n"
            "Step-up: Step onto a box and drive up. 10-15 reps\n\n"
            "Repeat these exercises 2 times 3 days a week. Later you can drop to two days a week once the knee settles.\n")
    for name in ("goblet squat", "step-up"):
        assert main(ex(a, name)).sets_min == 2, name
    assert (a.frequency_min, a.frequency_max) == (3, 3)


def test_sets_of_things_is_no_count_of_one_rep():
    # the things check must not be escaped by reading "12" as "1" followed by "2"
    a = run("Shin Care\n\nWall calf stretch\nLean your hands on a wall, one heel back. Go for 3 sets of 12 exercises.\n")
    assert [d.reps_min for d in ex(a, "calf stretch").dosages] == [None]


def test_side_changed_by_a_joint_or_by_turning_the_other_way():
    a = run("Desk Breaks\n\n1. Seated twist: Sit tall and turn your chest to the left. Hold for 20 seconds. "
            "Then repeat, twisting to the right.\n\n2. Ankle circles: Lift your left foot and draw circles with the "
            "ankle 12 times. After that, repeat it using your right ankle.\n\n3. Chair squat: Sit down and stand up 10 times.\n")
    assert [main(e).per_side for e in a.exercises] == [True, True, False]


def test_doubled_dash_is_a_range_and_a_weekly_count_may_be_set_off_by_its_length():
    a = run("Leg Day\n\nWhat about four, 30-minute workouts each week?\n\nJump lunge\nOne set: 20--40 seconds\n")
    d = main(ex(a, "jumping lunge"))
    assert (d.duration_seconds_min, d.duration_seconds_max) == (20, 40)
    assert (a.frequency_min, a.frequency_max) == (4, 4)


def test_reps_of_every_move_said_with_the_rounds_of_the_circuit_are_a_rule_for_all():
    a = run("Hotel Room Legs\n\nNo kit needed. Doing the whole routine 2 to 4 times keeps the legs honest.\n\n"
            "Do 15 reps of every move and go through the routine 2 - 4 times.\n\n"
            "Lunges: Step forward and lower the back knee toward the floor.\n\n"
            "Glute bridge: Lie on your back and lift your hips.\n")
    for name in ("lunge", "glute bridge"):
        assert facts(ex(a, name)) == (2, 4, 15, None, None, False), name


def test_a_bare_repeat_after_the_rest_line_of_a_dosed_list_gives_its_rounds():
    a = run("Garage Circuit\n\nWarm up first and keep the rests short.\n\nBlock one\n"
            "B1 - Lunges - 45 seconds\nB2 - Plank shoulder taps - 45 seconds\nB3 - Skater hops - 45 seconds\n"
            "45 seconds rest\nRepeat four times.\n")
    for name in ("lunge", "lateral bound"):
        assert facts(ex(a, name))[:5] == (4, 4, None, None, 45), name
    # a move dosed on lines of its own repeats its hold: reps
    b = run("Core handout\n\nSide plank\nLie on one side and lift the hips.\nHold 20 seconds\nRest 10 seconds\nRepeat 4 times\n\n"
            "Glute bridge\nLift the hips off the floor.\nHold 5 seconds\nRest 5 seconds\nRepeat 10 times\n")
    assert facts(ex(b, "side plank"))[:4] == (None, None, 4, 20)
    assert facts(ex(b, "glute bridge"))[:4] == (None, None, 10, 5)


def test_sets_alone_under_a_list_of_bare_names_are_the_rounds_of_the_list():
    a = run("Park Circuit\n\nWork for 45 seconds on each of these moves, one after the other.\n\n"
            "1. Lunges\n2. Burpees\n3. Crunches\n\nGo again twice more (3 sets in all)\n")
    for name in ("lunge", "burpee", "crunch"):
        assert facts(ex(a, name))[:2] == (3, 3), name
    # under names dosed on their own lines the count line may be the last one's
    c = run("Quick circuit\n\n1. Lunges x 10\n2. Burpees x 8\n3. Crunches x 20\nComplete 3 sets a day.\n")
    assert facts(ex(c, "lunge"))[:3] == (None, None, 10)
    assert facts(ex(c, "crunch"))[:3] == (3, 3, 20)
    # under moves dosed on lines of their own, the count line still belongs to the last one
    b = run("Leg Day\n\nLunges\nStep forward and lower the back knee.\n3 sets of 10\n\n"
            "Glute bridge\nLift the hips off the floor.\n2 sets\n")
    assert facts(ex(b, "lunge"))[:3] == (3, 3, 10)
    assert facts(ex(b, "glute bridge"))[:2] == (2, 2)


def test_a_level_label_alone_over_its_dose_line_keeps_the_move_above():
    a = run("Leg circuit\n\nComplete 2 rounds in total.\n\n1. Goblet Squat\n\nNOVICE: 12-15 reps (light)\nEXPERT:\n5-8 reps (heavy)\n\n"
            "  - Hold the bell at your chest.\n  - Sit down between your heels.\n\n2. Reverse Lunge\n\nNOVICE: 12-15 reps\n\n  - Step back.\n")
    squat = ex(a, "goblet squat")
    assert sorted((d.reps_min, d.reps_max) for d in squat.dosages) == [(5, 8), (12, 15)]
    assert len(squat.cues) == 2


def test_rounds_set_apart_under_a_list_of_counted_moves_are_the_lists():
    # Each move carries its count on its own line, so a count of sets below the list, after a blank
    # line, can only be the rounds of the whole list.
    for rounds_line in ("Do 3 rounds.", "Repeat 3 times.", "Complete 3 sets."):
        a = run(f"Garage Legs\n\nFinisher\n\n- 12 goblet squats\n- 10 push-ups\n- 20 walking lunges\n\n{rounds_line}\n")
        assert [facts(e)[:3] for e in a.exercises] == [(3, 3, 12), (3, 3, 10), (3, 3, 20)], rounds_line


def test_a_count_of_sets_under_moves_dosed_on_lines_of_their_own_stays_the_last_moves():
    a = run("Hip Work\n\nClamshell\n\nLie on your side with knees bent.\n\nDo 15 reps.\n\n"
            "Side plank\n\nProp up on one elbow.\n\nHold 20 seconds.\n\nDo 3 sets.\n")
    assert facts(ex(a, "clamshell"))[:3] == (None, None, 15)
    assert facts(ex(a, "side plank"))[:2] == (3, 3)


def test_a_load_in_words_under_a_move_is_its_dose_line_not_a_move():
    # "x heavy weight" after the count says how heavy: the line is the move's dose, and the set count over
    # the list, with its own load note, is the list's
    a = run("Leg Day\n\nCircuit:\n3 sets each // moderate weights\nReverse Lunge\n6-10 reps ea leg\n"
            "Sumo Squat\n12 reps x heavy weight\n")
    assert [e.name for e in a.exercises] == ["Reverse Lunge", "Sumo Squat"]
    lunge, squat = a.exercises
    assert (facts(lunge), main(lunge).reps_max) == ((3, 3, 6, None, None, True), 10)
    assert facts(squat) == (3, 3, 12, None, None, False)


def test_a_dose_line_for_each_under_a_list_of_bare_names_is_every_items():
    for rule in ("Do 15 reps of each.", "Aim for 15 reps per exercise."):
        a = run(f"Hip Prep\n\nMy go-to list:\n\n- Clamshells\n- Fire hydrants\n- Glute bridges\n\n{rule}\n\nThen head out.\n")
        assert [facts(e)[2] for e in a.exercises] == [15, 15, 15], rule
    # without "each" the line under the list is still its last item's
    b = run("Hip Prep\n\n- Clamshells\n- Fire hydrants\n- Glute bridges\nDo 15 reps.\n")
    assert [[d.reps_min for d in e.dosages] for e in b.exercises] == [[], [], [15]]


def test_the_count_in_a_line_introducing_the_list_is_each_moves():
    a = run("Hip Prep\n\nSome background first.\n\nDo 8-12 reps of these three exercises:\n\nClamshells\n\nFire hydrants\n\nGlute bridges\n")
    assert [(main(e).reps_min, main(e).reps_max) for e in a.exercises] == [(8, 12)] * 3
    b = run("Core\n\nPerform the following exercises for 40 seconds each:\n- Dead bug\n- Bird dog\n")
    assert [facts(e)[4] for e in b.exercises] == [40, 40]


def test_a_plural_level_label_before_the_moves_gives_its_dose_to_each():
    a = run("Legs Day\n\nHow to do it\n\nAll levels: 2 x 12 reps each move\n\nStep-up\n\n- Step onto a box.\n\n"
            "Goblet squat\n\n- Hold the bell at your chest.\n")
    assert [e.name for e in a.exercises] == ["Step-up", "Goblet squat"]
    assert [facts(e)[:3] for e in a.exercises] == [(2, 2, 12), (2, 2, 12)]


def test_rounds_said_in_the_passive_go_to_every_move():
    text = ("Garden Circuit\n\nEach move is done for the reps given. The circuit is gone through 3 times.\n\n"
            "Step Up\nDo 10 reps per leg on a low step.\n\nSquat\nDo 12 reps with your weight in your heels.\n")
    a = run(text)
    assert [e.dosages[0].sets_min for e in a.exercises] == [3, 3]
    assert [e.dosages[0].reps_min for e in a.exercises] == [10, 12]


def test_a_side_said_in_the_names_brackets_is_the_doses():
    a = run("Core Finisher\n\n- Side Plank (each side) - 45 sec.\n- Push-Ups - 20 reps.\n")
    assert [(e.name, e.dosages[0].per_side) for e in a.exercises] == [("Side Plank", True), ("Push-Ups", False)]


def test_a_line_of_moves_each_timed_with_a_glued_seconds_unit_is_each_move():
    a = run("Hallway Blast\n\n40s high knees, 40s squat jumps, 20s plank\n")
    assert [(e.name, facts(e)[3:5]) for e in a.exercises] == [
        ("high knees", (None, 40)), ("squat jumps", (None, 40)), ("plank", (20, None))]


def test_a_numbered_part_then_its_counted_moves_on_one_line_is_the_part_and_each_move():
    a = run("Garage Circuit\n\nRound 1: 12 goblet squats, 10 push ups, 8 lunges each leg\n\n"
            "Round 2 - 45s skater hops, 30s side plank & reach, 2 bear crawls\n\nBlock 3: 6 box jumps\n")
    titles = {s.section_id: s.title for s in a.sections}
    assert [(e.name, titles[e.section_id]) for e in a.exercises] == [
        ("goblet squats", "Round 1"), ("push ups", "Round 1"), ("lunges", "Round 1"),
        ("skater hops", "Round 2"), ("side plank & reach", "Round 2"), ("bear crawls", "Round 2"),
        ("box jumps", "Block 3")]
    # "side plank & reach" moves: its time is a duration, not a hold
    assert [facts(e)[2:] for e in a.exercises] == [
        (12, None, None, False), (10, None, None, False), (8, None, None, True),
        (None, None, 45, False), (None, None, 30, False), (2, None, None, False), (6, None, None, False)]


def test_the_following_circuit_done_n_times_gives_its_rounds_after_a_long_lead_in():
    a = run("Bodyweight Blast\n\nCircuits are a quick way to train. Bring water.\n\n"
            "The challenge for this whole week:  COMPLETE THE FOLLOWING CIRCUIT THREE TIMES. "
            "Do 15 repetitions of each exercise with 30 seconds in between each exercise.\n\n"
            "1. Squats: Sit back as if into a chair.\n2. Push-ups: Keep your body straight.\n"
            "3. Lunges: Step forward and drop the back knee.\n")
    # three passes of 15 reps each; the 30 seconds between moves is the rest, no bout
    for name in ("squat", "push-up", "lunge"):
        assert facts(ex(a, name)) == (3, 3, 15, None, None, False), name


def test_a_rules_timed_bout_done_n_times_is_n_passes_of_a_moving_exercise():
    # "repeat 4 times" after a work time counts passes of the bout, as it does in an exercise's own dose;
    # a held position keeps the count as its reps
    a = run("Hotel Circuit\n\n30 seconds on, 15 seconds rest, repeat 3 times.\n\n1. Jumping jacks\n2. Squat jumps\n3. Plank\n")
    assert [(e.name, [(d.sets_min, d.reps_min, d.hold_seconds_min, d.duration_seconds_min) for d in e.dosages])
            for e in a.exercises] == [
        ("Jumping jacks", [(3, None, None, 30)]), ("Squat jumps", [(3, None, None, 30)]), ("Plank", [(None, 3, 30, None)])]


def test_repeat_each_exercise_many_times_is_each_moves_reps_not_rounds():
    a = run("Ankle Rehab at Home\n\nGo through the list every evening. Do every exercise 10-15 times.\n\n"
            "The moves\n\n1. Ankle pumps: Point and flex the foot at an easy pace.\n"
            "2. Toe curls: Curl the toes under, then spread them wide.\n")
    assert [(main(e).sets_min, main(e).reps_min, main(e).reps_max) for e in a.exercises] == [(None, 10, 15)] * 2

