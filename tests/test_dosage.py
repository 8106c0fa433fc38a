"""Dosage grammar tests.  Every sentence here is written for the test; none is
taken from the seed or dev articles."""
from __future__ import annotations

import pytest

from runstrength.extract.dosage import (
    DoseMention,
    parse_block_sets,
    parse_dosages,
    parse_frequency,
    parse_rest,
    split_name_dosage,
    to_int,
    to_number,
)


def one(text: str, *, list_item: bool = False) -> DoseMention:
    ds = parse_dosages(text, list_item=list_item)
    assert len(ds) == 1, ds
    return ds[0]


def facts(d: DoseMention) -> tuple:
    return (d.stage, d.sets, d.reps, d.seconds, d.seconds_kind, d.per_side)


# ---------------------------------------------------------------- to_int


@pytest.mark.parametrize(
    "word,value",
    [("12", 12), ("twelve", 12), ("Twenty", 20), ("forty-five", 45), ("a couple", 2),
     ("twice", 2), ("once", 1), ("three", 3), ("sixty", 60), ("½", None), ("1½", None),
     ("banana", None), ("", None)],
)
def test_to_int(word, value):
    assert to_int(word) == value


def test_to_number_fractions():
    assert to_number("1½") == 1.5
    assert to_number("1 1/2") == 1.5
    assert to_number("¾") == 0.75


# ---------------------------------------------------------------- reps / sets


@pytest.mark.parametrize(
    "text,sets,reps",
    [
        ("Do calf raises 8/side.", None, (8, 8)),
        ("Complete 8-12 lunges.", None, (8, 12)),
        ("Do 14 walking lunges.", None, (14, 14)),
        ("Aim for 8–12 reps.", None, (8, 12)),
        ("Aim for 10 - 14 reps today.", None, (10, 14)),
        ("Then 3 x 6 with control.", (3, 3), (6, 6)),
        ("Then 4x6 reps with control.", (4, 4), (6, 6)),
        ("Then 4 × 7 with control.", (4, 4), (7, 7)),
        ("Finish 4 sets of 6 reps.", (4, 4), (6, 6)),
        ("Finish 2 sets of 12 repetitions.", (2, 2), (12, 12)),
        ("Aim for 12 reps and 3 sets.", (3, 3), (12, 12)),
        ("Perform 3 x 12", (3, 3), (12, 12)),
        ("Squats: 6 reps x 4 sets.", (4, 4), (6, 6)),
        ("Rows: 8-10 reps x 2 sets.", (2, 2), (8, 10)),
        ("Perform 3 rounds for 6 reps.", (3, 3), (6, 6)),
        ("Perform 4 rounds of 8.", (4, 4), (8, 8)),
        ("Kick back 4-6x, slowly.", None, (4, 6)),
        ("Skip 25x without stopping.", None, (25, 25)),
        ("Then 1x only.", None, (1, 1)),
        ("Do it 1x only.", (1, 1), None),
        ("Then you repeat 8 times.", None, (8, 8)),
        ("Repeat 14 times.", None, (14, 14)),
        ("Do about 40 reps in total.", None, (40, 40)),
        ("Do 9 repititions.", None, (9, 9)),
        ("Do 7 repetitons slowly.", None, (7, 7)),
        ("Finish with 11 reps.", None, (11, 11)),
        ("Just 1 rep is enough at first.", None, (1, 1)),
        ("Do two sets of eight reps.", (2, 2), (8, 8)),
        ("Do a couple of sets of 12.", (2, 2), (12, 12)),
        # the count hyphenated to its word, as some writers do with every count
        ("Do 3-sets of 10-reps.", (3, 3), (10, 10)),
        ("Complete 2-rounds.", (2, 2), None),
    ],
)
def test_reps_and_sets(text, sets, reps):
    d = one(text)
    assert (d.sets, d.reps) == (sets, reps)


def test_reps_each_leg_for_sets_is_one_mention():
    d = one("Then step for 12 reps on each leg for 3 sets.")
    assert facts(d) == ("main", (3, 3), (12, 12), None, None, True)


def test_nx_each_leg_is_per_side_reps():
    d = one("Lunge 12x each leg.")
    assert (d.reps, d.per_side) == ((12, 12), True)


@pytest.mark.parametrize("after", ["Repeat the stretch on both legs.", "Perform the exercise on each leg.",
                                   "Do the same on both sides."])
def test_a_sentence_doing_it_on_both_sides_after_the_dose_makes_it_per_side(after):
    d = one(f"Hold for 20 seconds. {after}")
    assert (d.seconds, d.per_side) == ((20, 20), True)


@pytest.mark.parametrize("text", ["Hold for 15 seconds, repeat other leg.", "Hold 15 seconds; repeat opposite side."])
def test_a_terse_repeat_on_the_other_side_makes_the_dose_per_side(text):
    assert facts(one(text)) == ("main", None, None, (15, 15), "hold", True)


def test_a_sentence_on_both_feet_that_does_not_repeat_the_move_leaves_the_dose_alone():
    d = one("Hold for 20 seconds. Keep your weight on both feet.")
    assert d.per_side is False


def test_one_direction_is_per_side():
    d = one("Walk the band sideways for 6 to 8 repetitions in one direction.")
    assert (d.reps, d.per_side) == ((6, 8), True)


def test_do_this_nx_is_sets():
    assert one("Rest briefly and do this 2 to 3x.").sets == (2, 3)


def test_do_it_twice_is_sets():
    d = one("Once you are done, do it twice.")
    assert (d.sets, d.reps) == ((2, 2), None)


def test_twice_through_is_sets_without_a_verb():
    # "through" says passes through the work, so no verb before "twice" is needed
    d = one("Save the six moves for a short circuit twice through on easy days.")
    assert (d.sets, d.reps) == ((2, 2), None)


def test_do_this_n_times_is_sets():
    assert one("Do this 4 times.").sets == (4, 4)


def test_repeat_twice_more_is_three_sets():
    assert one("Then repeat twice more.").sets == (3, 3)


def test_times_after_hold_are_reps():
    d = one("Squeeze and hold 8 seconds, then repeat 6 times.")
    assert facts(d) == ("main", None, (6, 6), (8, 8), "hold", False)


def test_repeated_hold_twice_more_counts_holds():
    # a repeated hold counts holds however the repeat is said
    d = one("Hold the stretch for 25 seconds, relax, then repeat twice more.")
    assert facts(d)[:5] == ("main", None, (3, 3), (25, 25), "hold")
    assert one("Do 12 lunges, then repeat twice more.").sets == (3, 3)
    # a moving bout's time is no hold: its repeats stay passes
    assert one("March in place for 40 seconds, rest, and do it twice more.").sets == (3, 3)


def test_hold_said_after_the_repeat_counts_holds():
    d = one("Repeat this 4 times, holding for 15 seconds.")
    assert facts(d)[:5] == ("main", None, (4, 4), (15, 15), "hold")


def test_times_after_reps_become_sets():
    d = one("Do 8 reps, 3 times.")
    assert (d.sets, d.reps) == ((3, 3), (8, 8))


def test_times_each_way_per_side():
    d = one("Circle the ankle 6 times each way.")
    assert (d.reps, d.per_side) == ((6, 6), True)


def test_two_separate_bouts_stay_separate():
    ds = parse_dosages("Swing 12x front to back and 12x across the body.")
    assert [d.reps for d in ds] == [(12, 12), (12, 12)]
    assert all(d.sets is None for d in ds)


def test_verb_with_plural_noun_is_reps():
    assert one("After the jumps, complete 15 skips.").reps == (15, 15)
    assert one("Push up, then follow with 8-12 presses.").reps == (8, 12)


def test_bare_number_in_prose_is_not_reps():
    assert parse_dosages("Take 3 deep breaths before you begin.") == []
    assert parse_dosages("There are 12 moves in this plan.") == []


# ---------------------------------------------------------------- time


@pytest.mark.parametrize(
    "text,seconds,kind",
    [
        ("Hold 20 to 40 seconds.", (20, 40), "hold"),
        ("Squeeze and hold for 4 seconds.", (4, 4), "hold"),
        ("March in place 20-40s.", (20, 40), None),
        ("March in place 45 sec.", (45, 45), None),
        ("March in place 45sec.", (45, 45), None),
        ("March in place 2 min.", (120, 120), None),
        ("Finish with a 2-minute wall sit.", (120, 120), None),
        ("Skip rope for two minutes.", (120, 120), None),
        ("Cycle easily for 2 ½ minutes.", (150, 150), None),
        ("Cycle easily for 2½ min.", (150, 150), None),
        ("Cycle easily for 1 1/2 minutes.", (90, 90), None),
        ("Jog lightly for 3-6 minutes.", (180, 360), None),
        ("Plank 20 or 40 seconds.", (20, 40), None),
        ("Skip for 40 seconds.", (40, 40), None),
        ("Keep holding for 50 seconds.", (50, 50), "hold"),
        ("Hold it for half a minute.", (30, 30), "hold"),
        ("Aim for a 30-second isometric hold.", (30, 30), "hold"),
    ],
)
def test_time(text, seconds, kind):
    d = one(text)
    assert (d.seconds, d.seconds_kind) == (seconds, kind)


def test_mixed_unit_range_per_side():
    d = one("Stay there 40 seconds to one minute per side.")
    assert (d.seconds, d.per_side) == ((40, 60), True)


def test_range_up_to_a_spelled_minute():
    # "a minute" has no number token, yet it closes the range the first time opens
    assert one("Stay low in the lunge for 20 seconds to a minute.").seconds == (20, 60)
    # a minute and a half is its own time, not the end of a one-minute range
    assert [x.seconds for x in parse_dosages("Keep the hold for 40 seconds to a minute and a half.")] == [(40, 40), (90, 90)]


def test_listed_steps_of_time_span_one_range():
    ds = parse_dosages("Keep the hips level for 15 seconds. Build it up to 20, 40, and 60 seconds over the weeks.")
    assert [d.seconds for d in ds] == [(15, 15), (20, 60)]


def test_hold_then_reps_merge_into_one_mention():
    d = one("Hold 20-40 seconds, then follow with 12-15 pulses.")
    assert facts(d) == ("main", None, (12, 15), (20, 40), "hold", False)
    assert d.text.startswith("20-40 seconds")


@pytest.mark.parametrize("text,sets,reps", [
    ("Lunges 3 x 12", (3, 3), (12, 12)),
    ("Floor reaches 12 x 4", (4, 4), (12, 12)),
    ("Calf raises 8-12 x 3", (3, 3), (8, 12)),
    # low counts either side stay sets first: four sets of three jumps, five of five
    ("Box jumps 4 x 3", (4, 4), (3, 3)),
    ("Squats 5 x 5", (5, 5), (5, 5)),
    # a unit says which is which
    ("Step ups 12 x 3 reps", (12, 12), (3, 3)),
])
def test_a_count_by_a_count_is_sets_by_reps_unless_written_reps_first(text: str, sets, reps):
    d = one(text)
    assert (d.sets, d.reps) == (sets, reps)


def test_an_x_between_a_count_and_its_sets_word_still_counts_sets():
    d = one("Do 1 x set of 20 reps.")
    assert (d.sets, d.reps) == ((1, 1), (20, 20))
    assert one("2 x sets").sets == (2, 2)


def test_a_count_after_a_names_slash_is_the_items_reps_but_a_fraction_is_not():
    assert one("Sumo squat/10-12", list_item=True).reps == (10, 12)
    d = one("Step-up/8 each leg", list_item=True)
    assert (d.reps, d.per_side) == ((8, 8), True)
    assert parse_dosages("Wall sit 1/2 way down", list_item=True) == []


def test_holding_a_weight_is_not_a_hold():
    d = one("Holding a dumbbell in each hand, march for 40 seconds.")
    assert (d.seconds, d.seconds_kind, d.per_side) == ((40, 40), None, False)


# ---------------------------------------------------------------- per side


@pytest.mark.parametrize(
    "text",
    [
        "Do 8 reps/leg.", "Do 8 reps each side.", "Do 8 reps each leg.", "Do 8 reps per leg.",
        "Do 8 reps per side.", "Do 8 reps either side.", "Do 8 reps on each leg.",
        "Do 8 reps each way.", "Do 8 reps in each direction.", "Do 8 reps in the other direction.",
        "Do 8 reps on both sides.", "Do 8 reps e/s.", "Do 8 reps each arm.", "Do 8 reps per arm.",
        "Do 8 reps, then switch sides.", "Do 8 reps, then repeat with the other leg.",
        "Do 8 reps and repeat on the opposite leg.",
        # one-handed and one-footed moves change hands and feet as two-sided ones change sides
        "Do 8 reps, then the other foot.", "Do 8 reps and repeat using the opposite hand.",
        # the side named instead of "the other": the same change of side
        "Keep the hips stacked for 25 seconds, then repeat on your right side.",
        "Do 8 reps and repeat with the left leg.",
        # "ea": a training log's "each"
        "Do 8 reps ea side.", "Step-ups 3 x 10 ea leg",
    ],
)
def test_per_side_markers(text):
    assert one(text).per_side is True


def test_other_side_in_next_sentence():
    d = one("Press the knee out for 12 reps. Repeat with the other leg.")
    assert d.per_side is True


def test_not_per_side_without_marker():
    assert one("Bridge up for 12 reps with both feet down.").per_side is False


# ---------------------------------------------------------------- stages


def test_start_then_target():
    ds = parse_dosages("Begin with 4 reps; later you work your way up to 3 sets of 12.")
    assert [facts(d) for d in ds] == [
        ("start", None, (4, 4), None, None, False),
        ("target", (3, 3), (12, 12), None, None, False),
    ]


def test_start_target_and_main_in_one_sentence():
    ds = parse_dosages("Start with 15 to 20 seconds and build up to 45 seconds, do this 2 to 3x.")
    assert [(d.stage, d.sets, d.seconds) for d in ds] == [
        ("start", None, (15, 20)), ("target", None, (45, 45)), ("main", (2, 3), None)]


def test_postfix_to_start_out():
    assert one("Try 20 seconds to start out and add time later.").stage == "start"


def test_postfix_to_begin_with_switch_sides():
    ds = parse_dosages("Hold the bridge 10 seconds to begin, swap legs, and later build up to holding 40 seconds per side.")
    assert [(d.stage, d.seconds, d.seconds_kind, d.per_side) for d in ds] == [
        ("start", (10, 10), "hold", True), ("target", (40, 40), "hold", True)]


def test_progress_into_numbers_is_target():
    assert one("Later, progress into 40 or 50 seconds when it is easy.").stage == "target"


def test_progress_to_equipment_is_not_a_stage():
    assert one("Do 3 sets and progress to a thicker band later.").stage == "main"


def test_until_you_reach_is_target():
    d = one("Add one rep per session until you reach 4 sets of 25.")
    assert (d.stage, d.sets, d.reps) == ("target", (4, 4), (25, 25))


def test_add_extra_reps_is_not_a_dose():
    assert parse_dosages("Add 3 extra repetitions per set each week.") == []


def test_start_again_at_is_progression():
    ds = parse_dosages("After that, strap on a 2 pound weight and start again at 2 sets of 12 reps.")
    assert [(d.stage, d.sets, d.reps) for d in ds] == [("progression", (2, 2), (12, 12))]


def test_build_back_up_and_increase_to_are_target():
    assert one("Build back up to 4 sets of 30.").stage == "target"
    assert one("Then increase to 3 sets of 14.").stage == "target"
    assert one("Aim to reach 25 reps.").stage == "target"


def test_progression_colon():
    d = one("Progression: 4 x 8 with a band.")
    assert (d.stage, d.sets, d.reps) == ("progression", (4, 4), (8, 8))


def test_followed_by_keeps_stage():
    ds = parse_dosages("Start with 6 reps of the arms, followed by 6 reps of the legs.")
    assert [d.stage for d in ds] == ["start", "start"]


def test_participle_clause_keeps_stage():
    # the count after "build up to ..., repeating N times" belongs to the target, not to the main dose
    ds = parse_dosages("Hold for 4 seconds and rest. Later build up to an 8 second hold, repeating 12 times.")
    assert [facts(d) for d in ds] == [
        ("main", None, None, (4, 4), "hold", False), ("target", None, (12, 12), (8, 8), "hold", False)]


# ---------------------------------------------------------------- not dosages


@pytest.mark.parametrize(
    "text",
    [
        "Work at 70-80% of your 1RM.",
        "Pick up a 12-15 lb dumbbell.",
        "Use a 20 kg plate.",
        "Strap on a 2 pound weight.",
        "Raise the heel 4 inches.",
        "Stand on a 20\" box.",
        "Use a 6-8 in step.",
        "Bend the knee to 45 degrees.",
        "Keep the elbow at 90º.",
        "Make a 90-degree angle with your hips.",
        "Point the foot to 3 o'clock.",
        "Pause for 1-2 seconds at the top.",
        "Wait 5 seconds before the next one.",
        "rest 45 seconds.",
        "REST 45sec",
        "Take a 3-minute break.",
        "Rest for 2 minutes between rounds.",
        "Do these moves twice a day.",
        "Do them 4 times a day.",
        "Train 3x/week.",
        "Do it once daily.",
        "1. Lie on your back.",
        "Back in 2019 I ran a lot.",
        "Test your 1RM first.",
        "This is the second and third exercise.",
    ],
)
def test_not_dosage(text):
    assert parse_dosages(text) == []


def test_frequency_excluded_but_dose_kept():
    text = "Do these 3x/week with 3 sets of 8 reps each."
    assert parse_frequency(text) == (3, 3)
    ds = parse_dosages(text)
    assert [(d.sets, d.reps) for d in ds] == [((3, 3), (8, 8))]


def test_twice_a_day_with_dose_and_side():
    d = one("Twice a day, complete 2 sets of 12 repetitions on each leg.")
    assert facts(d) == ("main", (2, 2), (12, 12), None, None, True)


def test_rest_after_dose_dropped():
    d = one("Do 12 reps, rest 40 seconds between sets.")
    assert (d.reps, d.seconds) == ((12, 12), None)


@pytest.mark.parametrize("text", ["Do 12 reps of each move with 45 seconds in between each move.",
                                  "Do 12 reps, 90 seconds between sets.",
                                  "Do 12 reps of each move, with 30 seconds to 1 minute in between exercises."])
def test_a_time_between_the_pieces_of_a_session_is_rest(text):
    d = one(text)
    assert (d.reps, d.seconds) == ((12, 12), None)


def test_a_bout_done_between_sets_of_another_move_is_a_bout():
    # what is done "between each set of lunges" is a bout of its own, not the rest
    assert one("Wall sit for 40 seconds between each set of lunges.").seconds == (40, 40)


def test_per_set_after_a_slash_is_reps():
    assert one("Chin-ups (6-8/set)", list_item=True).reps == (6, 8)
    assert one("Step-ups 10/round", list_item=True).reps == (10, 10)


def test_completing_the_following_circuit_n_times_is_sets():
    d = one("Complete the following circuit three times.")
    assert (d.sets, d.reps) == ((3, 3), None)


def test_without_rest_keeps_time():
    assert one("Step-ups without rest (40 seconds each leg)").seconds == (40, 40)


def test_pause_and_hold_is_a_hold():
    d = one("Pause and hold for 6 seconds at the top.")
    assert (d.seconds, d.seconds_kind) == ((6, 6), "hold")


def test_offsets_point_into_input():
    text = "Lie down. Perform 3 sets of 9 reps now."
    d = one(text)
    assert text[d.start:d.end] == d.text == "3 sets of 9 reps"


def test_empty_text():
    assert parse_dosages("") == []
    assert parse_dosages("Keep your back straight and breathe.") == []


# ---------------------------------------------------------------- list items


@pytest.mark.parametrize(
    "line,reps,seconds,per_side",
    [
        ("14 Sumo Squats", (14, 14), None, False),
        ("Split squats 8 (controlled)", (8, 8), None, False),
        ("Hip thrusts 10-12", (10, 12), None, False),
        ("25 Diamond Push Ups", (25, 25), None, False),
        ("2 Minute Jumping Jacks", None, (120, 120), False),
    ],
)
def test_list_item(line, reps, seconds, per_side):
    d = one(line, list_item=True)
    assert (d.reps, d.seconds, d.per_side) == (reps, seconds, per_side)


@pytest.mark.parametrize(
    "line,sets,seconds,per_side",
    [
        ("1x 2-minute wall sit", (1, 1), (120, 120), False),
        ("1x 45sec side plank (both sides)", (1, 1), (45, 45), True),
        ("Hollow hold: 4 x 25s", (4, 4), (25, 25), False),
    ],
)
def test_count_of_timed_bouts_is_sets(line, sets, seconds, per_side):
    # "4 x 25s" is four timed bouts: sets (a circuit's rounds turn them into reps, see the article tests)
    d = one(line, list_item=True)
    assert (d.sets, d.reps, d.seconds, d.per_side) == (sets, None, seconds, per_side)


def test_bare_number_after_sets_by_reps_is_another_column():
    # effort or tempo columns of a programme table follow the "sets x reps" column
    ds = parse_dosages("Reverse lunges 3x12 6-8", list_item=True)
    assert [(d.sets, d.reps) for d in ds] == [((3, 3), (12, 12))]
    # with only sets written, the bare number still counts the reps
    assert [(d.sets, d.reps) for d in parse_dosages("Reverse lunges 3 sets 12", list_item=True)] == [((3, 3), (12, 12))]


def test_passive_times_of_the_whole_circuit_are_sets():
    assert one("The routine can be repeated 2 to 3 times.").sets == (2, 3)
    assert parse_block_sets("This circuit should be completed 3 times.") == (3, 3)
    # a count of one movement stays reps
    assert one("Each hop should be done 10 times.").reps == (10, 10)


def test_lower_bound_leaves_max_open():
    assert one("Keep it up for at least 40 seconds.").open_max
    # a range, or a full prescription, is read as written
    assert not one("Keep it up for at least 30-40 seconds.").open_max
    assert not one("Keep it up for 40 seconds.").open_max


def test_list_label_number_is_not_reps():
    assert parse_dosages("Circuit 2", list_item=True) == []
    assert parse_dosages("Superset 3:", list_item=True) == []


def test_bare_trailing_number_not_reps_in_prose():
    assert parse_dosages("Hip thrusts 10-12") == []


# ---------------------------------------------------------------- split_name_dosage


@pytest.mark.parametrize(
    "line,name",
    [
        ("4-6x Split Squat Jumps", "Split Squat Jumps"),
        ("Front Squats– 6 reps x 4 sets", "Front Squats"),
        ("Reverse Lunge (12x each leg)", "Reverse Lunge"),
        ("Lateral Step-Downs Without Rest (20 seconds to 1 minute each leg)", "Lateral Step-Downs Without Rest"),
        ("• Box squats 12 (slow)", "Box squats"),
        ("◦ Toe walks 20 (alternating)", "Toe walks"),
        ("1. Calf raises 15/side", "Calf raises"),
        ("Hip circles 8/side", "Hip circles"),
        ("25 Pike Push Ups (each side)", "Pike Push Ups"),
        ("Bear Crawls:", "Bear Crawls"),
        ("½ Kneel hip flexor stretch 6/side", "½ Kneel hip flexor stretch"),
        ("Nordic curls 6/side (use a partner if you can)", "Nordic curls"),
        ("Sled push —", "Sled push"),
        ("Copenhagen Plank – Short Lever", "Copenhagen Plank – Short Lever"),
        ("8 Skater Hops: Leap sideways and land softly on one foot.", "Skater Hops"),
        ("Goblet squat 3x10 ea leg", "Goblet squat"),
        # the count's unit and its "of" before the move are no part of the name
        ("1 set of bear crawls", "bear crawls"),
        ("1 x set of 20 box jumps", "box jumps"),
        # a list's compact "name/count"
        ("Sumo squat/12", "Sumo squat"),
        # a body position in brackets names the variant; a manner in brackets is a note
        ("Hamstring stretch (seated)", "Hamstring stretch (seated)"),
        ("Knee rolls (on your back) 10 each way", "Knee rolls (on your back)"),
        ("Knee rolls (gently) 10 each way", "Knee rolls"),
    ],
)
def test_split_name(line, name):
    assert split_name_dosage(line)[0] == name


def test_split_name_dosages():
    name, ds = split_name_dosage("Reverse Lunge (12x each leg)")
    assert [(d.reps, d.per_side) for d in ds] == [((12, 12), True)]
    name, ds = split_name_dosage("Hip circles 8/side")
    assert ds[0].text == "8/side"
    name, ds = split_name_dosage("Lateral Step-Downs Without Rest (20 seconds to 1 minute each leg)")
    assert [(d.seconds, d.per_side) for d in ds] == [((20, 60), True)]
    name, ds = split_name_dosage("25 Pike Push Ups (each side)")
    assert [(d.reps, d.per_side) for d in ds] == [((25, 25), True)]
    assert split_name_dosage("Bear Crawls:") == ("Bear Crawls", [])


def test_split_offsets_relative_to_line():
    line = "  • Step ups 12/side"
    _, ds = split_name_dosage(line)
    assert line[ds[0].start:ds[0].end] == "12/side"


# ---------------------------------------------------------------- block sets


@pytest.mark.parametrize(
    "heading,value",
    [
        ("Circuit 3 (4 sets):", (4, 4)),
        ("(2) 5 Sets", (5, 5)),
        ("Power Block B: 2 rounds", (2, 2)),
        ("LOWER BODY FINISHER x 4", (4, 4)),
        ("4 Supersets, 2 rounds total", (2, 2)),
        ("Repeat the whole sequence twice", (2, 2)),
        ("Repeat this circuit four times", (4, 4)),
        ("Complete 3-4 rounds", (3, 4)),
        ("Then repeat the sequence 2-3 repetitions.", (2, 3)),
        ("Repeat the circuit 3 rounds", (3, 3)),
        ("Repeat 10 reps", None),
        # a count of each move's repeats too large for passes: its reps, not the group's rounds
        ("Do every exercise 12-15 times before moving on.", None),
        ("Repeat each exercise 3 times.", (3, 3)),
        ("Circuit 2", None),
        ("Superset 4:", None),
        ("Second 10-minute Circuit:", None),
        ("Warm up", None),
    ],
)
def test_block_sets(heading, value):
    assert parse_block_sets(heading) == value


# ---------------------------------------------------------------- frequency


@pytest.mark.parametrize(
    "text,value",
    [
        ("Do the plan 2-3x/week.", (2, 3)),
        ("Train 3x/week.", (3, 3)),
        ("Lift at a minimum of 3x/week.", (3, None)),
        ("Do it at least three times a week.", (3, None)),
        ("Aim for three to four times a week.", (3, 4)),
        ("Do this 2 times per week.", (2, 2)),
        ("Do the long session once a week.", (1, 1)),
        # Counts per day dose the exercises; they are not how often a week the routine is done.
        ("Stretch daily.", None),
        ("Stretch every day.", None),
        ("Do the band work once a day.", None),
        ("Do the holds 2 times daily.", None),
        ("Do the holds 2 times a day.", None),
        ("2 - 4 times a day, do the following.", None),
        ("Hold each stretch twice a day; lift 2 times a week.", (2, 2)),
        # Alternatives give the range.
        ("Get through the circuit once or twice a week.", (1, 2)),
        ("Do 3 sets of 8 reps.", None),
        ("Keep the knee soft during your daily run.", None),
        ("Relax once the set is done.", None),
        # A handout's abbreviated days per week
        ("Balance drills (done 3-4 d/wk):", (3, 4)),
        # ... and its hyphens for spaces
        ("Strength work: twice-weekly.", (2, 2)),
        ("Do it once-a-week.", (1, 1)),
        ("Twice-daily", None),
        ("Follow a 5-day plan.", None),
    ],
)
def test_frequency(text, value):
    assert parse_frequency(text) == value


def test_frequency_this_week_and_sessions_counted_with_words_around_them():
    assert parse_frequency("Fit it in three times this week, ideally after easy runs.") == (3, 3)
    assert parse_frequency("Three quick strength sessions are slotted into each week of the plan.") == (3, 3)
    # "one of the sessions" picks a session, it does not count them
    assert parse_frequency("Pick one of the sessions every week to do at home.") is None


def test_a_count_progressing_by_slashes_spans_its_steps():
    # One number a week or a set ("12/16/20"): the reps or the time span the first to the last.
    assert facts(one("Wall squat 3 x 10/14/18.")) == ("main", (3, 3), (10, 18), None, None, False)
    assert facts(one("3 sets of 6/8/10 reps")) == ("main", (3, 3), (6, 10), None, None, False)
    assert facts(one("3 x 10/12/14 per leg")) == ("main", (3, 3), (10, 14), None, None, True)
    assert facts(one("2 sets of 15/25/35 seconds")) == ("main", (2, 2), None, (15, 35), None, False)
    # A slash before a word is no step: "10/side" is per side.
    assert facts(one("3 x 10/side")) == ("main", (3, 3), (10, 10), None, None, True)


def test_frequency_from_a_sheets_weekly_field():
    assert parse_frequency("REPS: 8 SETS:2 DAILY:1 WEEKLY:4") == (4, 4)
    assert parse_frequency("Times per week: 2-3") == (2, 3)
    # A field of the dose or of the running is no count of sessions.
    assert parse_frequency("Weekly: 3 x 10 reps") is None
    assert parse_frequency("Weekly mileage: 30") is None


def test_frequency_alternatives_widen_within_their_sentence():
    assert parse_frequency("Twice a week is enough, or three times when you feel fresh.") == (2, 3)
    assert parse_frequency("Lift twice a week in the off-season and drop to once a week before a race.") == (1, 2)
    # another sentence, or another unit, is no alternative
    assert parse_frequency("Lift twice a week. Race once a week in summer.") == (2, 2)
    assert parse_frequency("Lift twice a week or 3 sets if short on time.") == (2, 2)


# ---------------------------------------------------------------- rest


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("Rest for 2 minutes between sets.", "Rest for 2 minutes between sets"),
        ("REST 45sec", "REST 45sec"),
        ("Do 10 reps with 40 seconds rest between rounds.", "40 seconds rest between rounds"),
        ("Take a 3-minute break, then go again.", "Take a 3-minute break"),
        ("Rest your palms on the floor.", None),
        ("Squeeze and hold 5 seconds.", None),
    ],
)
def test_parse_rest(text, phrase):
    assert parse_rest(text) == phrase


# ---------------------------------------------------------------- extra grammar


def test_intro_clause_sets_stage():
    assert one("To begin, do 6 reps.").stage == "start"
    assert one("Over time, hold for 50 seconds.").stage == "target"


def test_twice_after_reps_is_sets():
    d = one("Do 12 reps twice.")
    assert (d.sets, d.reps) == ((2, 2), (12, 12))


def test_once_as_conjunction_is_ignored():
    assert parse_dosages("Stand up once the band is tight.") == []
    d = one("Then build up to 50 seconds once it feels easy.")
    assert (d.reps, d.seconds) == (None, (50, 50))


def test_second_pause_is_tempo_not_dose():
    d = one("Do 4 sets of 6 with a 3-second pause at the top.")
    assert (d.sets, d.reps, d.seconds) == ((4, 4), (6, 6), None)


def test_adjective_before_plural_noun():
    assert one("Then do 16 walking lunges.").reps == (16, 16)


def test_far_apart_numbers_are_separate_mentions():
    ds = parse_dosages(
        "Do 8 repetitions of every move, then keep looping through the whole list of moves until 6 minutes pass.")
    assert [(d.reps, d.seconds) for d in ds] == [((8, 8), None), (None, (360, 360))]


@pytest.mark.parametrize(
    "line,name,facts_",
    [
        ("Step-downs 4 x 8/side", "Step-downs", [((4, 4), (8, 8), None, True)]),
        ("B2. Pallof Press 3x12", "Pallof Press", [((3, 3), (12, 12), None, False)]),
        ("Hollow Rock x 15 each side", "Hollow Rock", [(None, (15, 15), None, True)]),
        ("Superman – 8 reps/side, 4 second hold", "Superman", [(None, (8, 8), (4, 4), True)]),
        ("Side Bridge: 2 x 25-35 sec/side", "Side Bridge", [((2, 2), None, (25, 35), True)]),
    ],
)
def test_split_more_list_forms(line, name, facts_):
    n, ds = split_name_dosage(line)
    assert n == name
    assert [(d.sets, d.reps, d.seconds, d.per_side) for d in ds] == facts_


# ---------------------------------------------------------------- tempo, conditions and other times that are no dose


@pytest.mark.parametrize(
    "text",
    [
        "Sink down over three seconds and drive up fast.",
        "Raise the weight for two seconds and lower it for four seconds.",
        "Use a slow count: four seconds down, one second up.",
        "Descend over 3 s and stand tall.",
        "Move smoothly, two seconds each way.",
        "Leave 72 hours between these sessions.",
        "The whole session lasts about 35 minutes.",
        "The warm-up is 8 min total.",
        # the length of the whole block of bouts, not one bout
        "Keep going with these intervals for six minutes.",
        "Repeat this pattern for 8 minutes, then rest.",
        "Once 40 seconds feels easy, move to the harder version.",
        "When you can manage 15 reps, add a band.",
        "The final three reps should be a grind.",
        "And that is one circuit.",
        "Go hard for 30 seconds, then take 10 seconds' rest.",
        # the time of a named phase of the rep paces it
        "Drive up fast in the concentric phase (one second), then lower in the eccentric part (3 seconds).",
        "Keep the eccentric half of each rep slow, 4 seconds.",
        # the two halves of one rep, each paced
        "Open the knees for 3 seconds out and 3 seconds in, keeping the feet together.",
        "Two seconds forward and two back, with no swinging.",
    ],
)
def test_tempo_condition_and_session_times_are_not_doses(text):
    assert [d for d in parse_dosages(text) if d.seconds != (30, 30)] == []


def test_lift_and_hold_is_still_a_hold():
    d = one("Raise the hips and hold them up for 4 seconds.")
    assert (d.seconds, d.seconds_kind) == ((4, 4), "hold")


@pytest.mark.parametrize(
    "line",
    ["June 4, 2023 \u00b7 5 min read", "Front squat 4 x 4, RPE 8"],
)
def test_dates_reading_time_and_effort_are_not_doses(line):
    assert [(d.sets, d.reps, d.seconds) for d in parse_dosages(line, list_item=True)] in ([], [((4, 4), (4, 4), None)])


def test_work_rest_rounds_line():
    d = one("45 seconds on, 15 seconds off, 4 rounds")
    assert (d.sets, d.reps, d.seconds) == ((4, 4), None, (45, 45))


@pytest.mark.parametrize(
    "text,reps,per_side",
    [
        ("Do 12 reps, right and left.", (12, 12), True),
        ("Walk 10 steps each direction.", (10, 10), True),
        ("Do 6 controlled reps per side.", (6, 6), True),
        ("Do 8 of each movement on each leg.", (8, 8), True),
    ],
)
def test_more_per_side_and_rep_forms(text, reps, per_side):
    d = one(text)
    assert (d.reps, d.per_side) == (reps, per_side)


def test_trailing_each_in_list_item_is_per_side():
    d = one("Single-leg hop \u2013 3 x 8 each", list_item=True)
    assert (d.sets, d.reps, d.per_side) == ((3, 3), (8, 8), True)


def test_progress_to_holding_is_target():
    ds = parse_dosages("Begin with 20 seconds and progress to holding for 45 seconds.")
    assert [(d.stage, d.seconds) for d in ds] == [("start", (20, 20)), ("target", (45, 45))]


# ---------------------------------------------------------------- numbers that are not a prescription (round 2)


@pytest.mark.parametrize(
    "text",
    [
        "If you cannot manage 8 clean reps yet, start on your knees.",
        "Once you can complete all four sets of 12 with ease, add load.",
        "Use a load you could press about 10 times.",
        "Landing forces reach five times your body weight.",
        "Runners with weak hips are two times more likely to get hurt.",
        "Trail runners are three times as likely as road runners to turn an ankle.",
        "Take a full three seconds to reach the bottom.",
        "She finished in 2:58:30, a 4-minute PB.",
    ],
)
def test_conditions_loads_paces_and_results_are_not_doses(text):
    assert parse_dosages(text) == []


@pytest.mark.parametrize("text", ["Perform 15 reps and then perform on left-side.",
                                  "Do 12 reps and then do the same with your other leg."])
def test_a_count_done_again_on_the_other_side_is_per_side(text: str):
    assert one(text).per_side


@pytest.mark.parametrize("text,sets,reps", [
    ("Sets: 2-3 sets", (2, 3), None),
    ("Reps: 15-20 reps", None, (15, 20)),
    ("Repetitions: 8-12 reps for the moving drills", None, (8, 12)),
])
def test_a_labelled_range_with_its_unit_again_keeps_both_ends(text: str, sets, reps):
    d = one(text)
    assert (d.sets, d.reps) == (sets, reps)


def test_a_count_done_as_hard_as_possible_is_still_the_count():
    d = one("Hold for 5 seconds and repeat 10 times as hard as you can without pain.")
    assert (d.reps, d.seconds, d.seconds_kind) == ((10, 10), (5, 5), "hold")
    assert one("Squeeze the ball 8 times as hard as possible.").reps == (8, 8)


@pytest.mark.parametrize("line", ["Read Chapter 3", "Newsletter Issue 27", "Warm-up drills ........ 4"])
def test_chapter_issue_and_page_numbers_are_not_reps(line):
    assert parse_dosages(line, list_item=True) == []
    assert split_name_dosage(line)[1] == []


def test_label_colon_keeps_the_count_after_it():
    d = one("Block 3: 15 reps")
    assert d.reps == (15, 15)


def test_every_minute_on_the_minute_counts_sets():
    d = one("Every minute on the minute for 8 minutes, do 5 push-ups.")
    assert (d.sets, d.reps, d.seconds) == ((8, 8), (5, 5), None)
    assert one("EMOM x 6").sets == (6, 6)
    assert parse_block_sets("Finisher: 12-minute EMOM") == (12, 12)


def test_breaths_and_contacts_are_counted_like_reps():
    assert one("Repeat for 8 easy breaths.").reps == (8, 8)
    ds = parse_dosages("Begin with 30 ground contacts and build to 60.")
    assert [(d.stage, d.reps) for d in ds] == [("start", (30, 30)), ("target", (60, 60))]


def test_dropping_back_after_a_harder_step_is_a_progression():
    d = one("Add a heavier band and drop back to 10 reps.")
    assert (d.stage, d.reps) == ("progression", (10, 10))


def test_hold_for_a_count_is_a_hold_of_that_many_seconds():
    d = one("Keep the bridge up and hold it for a count of 8.")
    assert (d.seconds, d.seconds_kind) == ((8, 8), "hold")
    d = one("Stay in the lunge for 12 counts on each side.")
    assert (d.seconds, d.seconds_kind, d.per_side) == ((12, 12), "hold", True)
    # a count that paces a movement stays tempo
    assert parse_dosages("Sink down over a count of three.") == []


def test_count_of_bouts_over_a_distance_is_sets():
    d = one("Walking lunges 4 x 15 m")
    assert (d.sets, d.reps) == ((4, 4), None)
    assert split_name_dosage("Bear crawl 3 x 10m")[0] == "Bear crawl"


def test_cycles_of_a_movement_are_reps():
    assert one("Rock slowly through 6 to 8 cycles.").reps == (6, 8)


def test_holds_on_each_side_are_holds():
    d = one("Do 20-second holds on each side.")
    assert (d.seconds, d.seconds_kind, d.per_side) == ((20, 20), "hold", True)


def test_frequency_of_the_running_itself_is_not_the_routines():
    assert parse_frequency("Most of our members run five times a week already.") is None
    assert parse_frequency("You cycle three times a week and run twice, so lift once or twice a week.") == (1, 2)


def test_frequency_counted_in_classes():
    assert parse_frequency("Members usually book two or three classes a week.") == (2, 3)


def test_laps_of_a_circuit_are_sets():
    assert (one("Finish 4 laps in total.").sets) == (4, 4)


def test_suspended_hyphen_range():
    d = one("Aim for three sets of a 15- to 25-second hold.")
    assert (d.sets, d.seconds) == ((3, 3), (15, 25))


def test_counted_holds_are_reps_of_the_hold():
    ds = parse_dosages("Begin with six holds of 40 seconds and work up to six holds of 60 seconds.")
    assert [(d.stage, d.sets, d.reps, d.seconds, d.seconds_kind) for d in ds] == [
        ("start", None, (6, 6), (40, 40), "hold"), ("target", None, (6, 6), (60, 60), "hold")]
    d = one("Finish with four 25-second holds.")
    assert (d.sets, d.reps, d.seconds, d.seconds_kind) == (None, (4, 4), (25, 25), "hold")
    # "N x T-second holds" counts holds; "N x T-second hold" is sets of one hold
    d = one("Squat against the door for 4 x 45-second holds.")
    assert (d.sets, d.reps, d.seconds) == (None, (4, 4), (45, 45))
    d = one("Brace for 3 x 45-second hold each side.")
    assert (d.sets, d.reps, d.seconds, d.per_side) == ((3, 3), None, (45, 45), True)


def test_seconds_symbol_written_apart_from_the_number():
    d = one("Pallof hold | 3 x 15 s hold | Band", list_item=True)
    assert (d.sets, d.seconds, d.seconds_kind) == ((3, 3), (15, 15), "hold")
    assert one("Jump rope 2 x 45 s", list_item=True).seconds == (45, 45)


def test_times_through_the_work_are_sets():
    d = one("Skip on one foot for 15 seconds per foot, four times through.")
    assert (d.sets, d.reps, d.seconds, d.per_side) == ((4, 4), None, (15, 15), True)


@pytest.mark.parametrize("text", [
    "Checkpoint: you can do 4 x 12 lunges with no pain.",
    "Criteria to progress: you hold 3 x 40 seconds of side plank and jog for 15 minutes.",
    "Before adding load you should be able to do 3 x 20 bridges.",
    "Move on when: you can do 3 x 15.",
    "Try the long lever when 25-second holds are comfortable.",
])
def test_criteria_of_a_stage_are_not_prescriptions(text):
    assert parse_dosages(text) == []


def test_counts_compared_to_say_quality_matters_are_no_dose():
    assert parse_dosages("Remember: six clean reps beat twelve sloppy ones.") == []
    assert parse_dosages("It is better to do 5 good reps than 10 bad ones.") == []
    assert one("Eight slow reps are better than 15 rushed reps. Do 3 x 8.").reps == (8, 8)


@pytest.mark.parametrize("text", [
    "Later add one quicker session, say 5 x 2 minutes at 5K pace.",
    "Do 8 x 90 seconds @ threshold on Tuesdays.",
    "In week one, two steady 45-minute runs are plenty.",
    "Build to 40 minutes of continuous running.",
    "Start with 5 x (3 minutes jogging, 2 minutes walking).",
])
def test_running_sessions_around_the_routine_are_not_dosages(text):
    assert parse_dosages(text) == []


def test_a_timed_jog_or_a_steady_pace_stays_a_dose():
    assert one("Jog on the spot for 3 minutes to warm up.").seconds == (180, 180)
    assert one("Skip rope for 3 x 30 seconds at a steady pace.").seconds == (30, 30)


def test_a_pause_on_each_landing_is_no_bout():
    d = one("Do 3 x 6 box jumps, sticking every landing for 2 seconds.")
    assert (d.sets, d.reps, d.seconds) == ((3, 3), (6, 6), None)


def test_cell_separators_are_not_part_of_the_name():
    name, ds = split_name_dosage("Goblet squat | 3 x 8 | 4 x 6 | 3 x 5")
    assert name == "Goblet squat"
    assert [d.reps for d in ds] == [(8, 8), (6, 6), (5, 5)]


def test_progressing_to_a_named_variant_is_a_progression():
    d = one("Later, progress to single-leg hops for 3 x 10 per leg.")
    assert (d.stage, d.sets, d.reps, d.per_side) == ("progression", (3, 3), (10, 10), True)
    assert one("Progress to 3 x 12.").stage == "target"


# ---------------------------------------------------------------- session length, set-aside counts, rests

def test_plural_take_is_the_routine_length_not_a_bout():
    assert parse_dosages("These four drills take roughly twelve minutes in all.") == []
    # an imperative "take" still paces nothing away: a timed bout after it stays
    assert one("Hop on the spot for 30 seconds.").seconds == (30, 30)


def test_count_set_aside_with_rather_than_is_no_dose():
    d = one("Go for 4 sets of 12 on this one rather than 3 sets of 8.")
    assert (d.sets, d.reps) == ((4, 4), (12, 12))


def test_possessive_minute_of_rest_is_rest():
    d = one("Aim for 3 sets of 8 with a minute's rest between them.")
    assert (d.sets, d.reps, d.seconds) == ((3, 3), (8, 8), None)


def test_count_of_the_variant_the_reader_is_sent_to_is_a_progression():
    d = one("When that is comfortable, try the banded version: 3 x 10.")
    assert (d.stage, d.sets, d.reps) == ("progression", (3, 3), (10, 10))


@pytest.mark.parametrize("text,reps", [
    ("Roll 12 pebbles with each foot.", (12, 12)),
    ("Finish with 8 circles on each arm.", (8, 8)),
    ("8 scoops with either foot.", (8, 8)),
])
def test_any_counted_thing_on_each_side_is_reps_per_side(text, reps):
    d = one(text)
    assert (d.sets, d.reps, d.per_side) == (None, reps, True)


def test_units_counted_on_each_side_keep_their_own_role():
    d = one("Do 2 rounds each side.")
    assert (d.sets, d.reps) == ((2, 2), None)


@pytest.mark.parametrize(
    "text",
    ["Do 3 sets of 6 with a load that leaves two or three clean reps in the tank.",
     "Do 3 sets of 6, stopping each set with 1-2 reps to spare.",
     "Do 3 sets of 6 and keep a couple of reps in reserve - say two reps in reserve."],
)
def test_reps_left_in_reserve_are_how_heavy_not_how_many(text):
    assert facts(one(text)) == ("main", (3, 3), (6, 6), None, None, False)


def test_sets_offered_as_a_choice_are_one_range():
    assert facts(one("Go through 3 rounds if you are new to this, or 4 rounds if you train often.")) == (
        "main", (3, 4), None, None, None, False)
    # a choice between whole prescriptions stays two of them
    assert len(parse_dosages("Do 2 sets if you are new. Otherwise 4 sets.")) == 2


def test_times_per_side_or_before_its_sets_count_reps():
    # "do this N times" alone repeats the whole; per side, or followed by its own sets, it counts the movement
    assert facts(one("Do this 12-14 times on each leg, then repeat for 2 or 3 sets.")) == (
        "main", (2, 3), (12, 14), None, None, True)
    assert facts(one("Do it 6 times per side.")) == ("main", None, (6, 6), None, None, True)
    assert facts(one("Do this whole circuit 3 times.")) == ("main", (3, 3), None, None, None, False)


def test_times_too_many_for_passes_count_reps():
    # six or more passes through a whole is implausible: the count is the movement's reps
    assert facts(one("Rise onto your toes and lower slowly. Do this 10 to 15 times.")) == (
        "main", None, (10, 15), None, None, False)
    assert facts(one("Do it 7 times.")) == ("main", None, (7, 7), None, None, False)
    assert facts(one("Do this 3 times.")) == ("main", (3, 3), None, None, None, False)


def test_doing_this_n_times_while_holding_counts_the_holds():
    # the hold said after "do this N times" is what is repeated, as with "repeat this N times"
    assert facts(one("Try to do this 4 times, holding the stretch for 15 seconds.")) == (
        "main", None, (4, 4), (15, 15), "hold", False)
    assert facts(one("Perform it 3 times, holding each one for 10 seconds.")) == (
        "main", None, (3, 3), (10, 10), "hold", False)
    # with no hold, or with the whole named, it still counts passes
    assert facts(one("Perform it 3 times.")) == ("main", (3, 3), None, None, None, False)
    assert facts(one("Do the whole circuit 3 times, holding each plank for 20 seconds.")) == (
        "main", (3, 3), None, (20, 20), "hold", False)


def test_labels_each_before_its_value_without_colons():
    # "Sets 3 Reps 10": from its opening, a line of labels and values, not "3 Reps"
    assert facts(one("Sets 2 Reps 12 each leg Rest 45 sec")) == ("main", (2, 2), (12, 12), None, None, True)
    assert facts(one("Reps 8 Sets 4")) == ("main", (4, 4), (8, 8), None, None, False)
    got = one("Sets 3 Reps 15 Hold 5 seconds")
    assert (got.sets, got.reps, got.seconds, got.text) == ((3, 3), (15, 15), (5, 5), "Sets 3 Reps 15 Hold 5 seconds")
    # a count before its unit is read as before
    assert facts(one("3 sets 10 reps")) == ("main", (3, 3), (10, 10), None, None, False)


def test_each_drill_n_times_is_sets():
    # "each drill 3x": every drill of the list is gone through 3 times
    assert facts(one("Run each drill over 20 metres. Complete each drill 4x.")) == (
        "main", (4, 4), None, None, None, False)
    assert facts(one("Perform each exercise 2 times before resting.")) == ("main", (2, 2), None, None, None, False)


def test_staying_in_a_position_for_a_time_is_a_hold():
    assert facts(one("Perform 6 jumps, then remain in the finishing position for 2-4 seconds.")) == (
        "main", None, (6, 6), (2, 4), "hold", False)
    assert facts(one("Stay in this pose for 20 seconds per side.")) == ("main", None, None, (20, 20), "hold", True)


def test_ninety_ninety_position_is_no_count():
    assert parse_dosages("Dead bug in 90-90", list_item=True) == []
    assert facts(one("Hip lift from 90/90, 8 reps per side.")) == ("main", None, (8, 8), None, None, True)


def test_times_our_bodyweight_is_a_load_not_reps():
    assert parse_dosages("Each stride sends four to five times our body weight up the leg.") == []


def test_bare_sets_of_a_count():
    assert facts(one("Lift the top arm for a set of 12, then the other arm.")) == ("main", (1, 1), (12, 12), None, None, True)
    assert facts(one("Return under control; repeat for sets of 8-10.")) == ("main", None, (8, 10), None, None, False)
    assert parse_dosages("Grab a set of 2 dumbbells.") == []


def test_part_numbers_and_slash_list_numbers_are_labels():
    assert parse_dosages("Bridge Pt 2", list_item=True) == []
    assert parse_dosages("3/ SIDE PLANK", list_item=True) == []
    assert parse_dosages("3/ Side Plank", list_item=True) == []
    assert one("10/ leg", list_item=True).reps == (10, 10)


def test_that_is_one_rep_defines_a_rep():
    assert parse_dosages("Step back down with the other foot. That is one rep.") == []
    assert parse_dosages("Lower the bar to your shins and stand tall again; this counts as one rep.") == []
    assert parse_dosages("Hop over the line and back again to complete one rep.") == []
    assert parse_dosages("Return both arms to the start. This equals one repetition.") == []
    # the number written as a digit
    assert parse_dosages("Lower the hips back to the mat. This is 1 repetition.") == []


def test_rest_period_said_for_all_exercises_is_no_bout():
    assert parse_dosages("When a round ends, rest on every set for 45 seconds.") == []
    # a body part the weight rests on is no rest period
    assert one("Rest on your elbows for 20 seconds.").seconds == (20, 20)


def test_rest_after_a_count_of_sets_is_no_bout():
    assert facts(one("Complete two to four sets with 90 seconds’ rest between them.")) == ("main", (2, 4), None, None, None, False)
    assert facts(one("Complete 2 sets of 40 seconds.")) == ("main", (2, 2), None, (40, 40), None, False)


def test_repeating_the_routine_without_an_article_is_sets():
    assert one("Go back to the first move and repeat circuit 3-4 times.").sets == (3, 4)
    assert one("Repeat the programme 2 times.").sets == (2, 2)
    assert one("Repeat 3-4 times.").reps == (3, 4)


def test_repeating_the_circuit_by_name_after_its_work_bout_is_sets():
    # the bout's time does not turn passes through the whole into reps, as it does a bare repeat
    assert facts(one("40 seconds on, 20 seconds off; repeat circuit 4 times, then rest 2 minutes.")) == (
        "main", (4, 4), None, (40, 40), None, False)
    assert facts(one("Work for 30 seconds, then repeat the whole workout 3 times.")) == ("main", (3, 3), None, (30, 30), None, False)
    assert one("Hold for 15 seconds and repeat this 4 times.").reps == (4, 4)


def test_a_list_or_circuit_repeated_in_the_passive_is_sets():
    assert one("(3 exercises plus rest repeated four times)").sets == (4, 4)
    assert one("(4 moves repeated twice)").sets == (2, 2)
    assert one("The circuit is repeated 3 times.").sets == (3, 3)
    # one move's bout repeated counts the move
    assert facts(one("Hold 10 seconds; this is repeated 5 times.")) == ("main", None, (5, 5), (10, 10), "hold", False)
    assert facts(one("Hold for 5 seconds, done 10 times.")) == ("main", None, (10, 10), (5, 5), "hold", False)


def test_a_switch_cycle_and_all_fours_are_no_counts():
    assert parse_dosages("Kneel on all 4s with your back flat.") == []
    assert one("March in place, changing legs after every 4 reps, for 40 seconds.").reps is None


def test_entire_circuit_without_the_and_nx_through_are_rounds():
    assert facts(one("Do entire routine 2-3x through.")) == ("main", (2, 3), None, None, None, False)
    assert facts(one("Complete whole sequence 4x.")) == ("main", (4, 4), None, None, None, False)
    assert facts(one("Do 12x.")) == ("main", None, (12, 12), None, None, False)


def test_switching_hands_or_feet_is_per_side():
    assert one("Swing for 20 seconds and then switch hands.").per_side
    assert one("Hop 12 times, then switch to the other foot.").per_side


def test_frequency_cap_is_a_maximum_only():
    assert parse_frequency("Keep the hill drills to no more than twice a week.") == (None, 2)
    assert parse_frequency("Lift heavy at most three times per week.") == (None, 3)
    # "more than" is a cap only when the sentence forbids it
    assert parse_frequency("Never do the jumping circuit more than once a week, as it leaves you sore.") == (None, 1)
    assert parse_frequency("Skip these moves? Do them more than twice a week if you can.") == (2, 2)


def test_one_limb_variant_and_slow_phase_pace_are_no_counts():
    # "1 leg" names a harder variant, not one rep
    assert parse_dosages("Once that feels light, switch to 1 leg squats or hold a plate.") == []
    assert parse_dosages("Row with a 2-arm grip at first.") == []
    assert facts(one("Try 1-leg hops for 12 reps.")) == ("main", None, (12, 12), None, None, False)
    # "slow (a full 4 seconds)" paces the lowering of every rep
    assert parse_dosages("Stay slow (a full 4 seconds) on the way down, every rep.") == []


def test_count_after_an_x_in_brackets_after_the_name():
    assert facts(one("Walking lunges (x16-24)", list_item=True)) == ("main", None, (16, 24), None, None, False)
    assert facts(one("Box step-ups (x40)", list_item=True)) == ("main", None, (40, 40), None, None, False)


def test_a_count_on_one_side_then_the_other_is_per_side():
    assert facts(one("Do eight on the right, then switch to the left leg.")) == ("main", None, (8, 8), None, None, True)
    assert facts(one("Do 12 reps on the left side, then the same on the right.")) == ("main", None, (12, 12), None, None, True)
    # sides that only place the body are no count per side
    assert facts(one("Kneel on the left knee and then raise the right arm. Do 10 reps.")) == ("main", None, (10, 10), None, None, False)


def test_frequency_days_named_for_their_training():
    assert parse_frequency("Plan: 3x gym days per week, each under an hour.") == (3, 3)
    assert parse_frequency("Book two lifting days a week around your long run.") == (2, 2)
    assert parse_frequency("Keep 2 rest days a week free of any hard work.") is None


def test_frequency_least_count_with_the_hoped_for_one():
    assert parse_frequency("Train at least 2, but preferably 3, days a week.") == (2, 3)
    assert parse_frequency("Lift once, preferably twice, a week.") == (1, 2)


def test_frequency_weekly_volume_split_over_days():
    assert parse_frequency("You can spread these sets over 3 to 5 days.") == (3, 5)
    assert parse_frequency("Split it between 2 and 3 days, with a rest day after each.") == (2, 3)


def test_frequency_of_a_job_is_not_the_routines():
    assert parse_frequency("I work four days a week, so I lift on my days off.") is None
    assert parse_frequency("Our 3 days a week in-office rule means I train twice a week at lunch.") == (2, 2)
    assert parse_frequency("Most readers work out three days a week.") == (3, 3)


def test_picture_numbers_after_a_listed_name_are_no_count():
    assert parse_dosages("Wall sit photos 2-4", list_item=True) == []
    assert parse_dosages("Calf raise fig. 6", list_item=True) == []
    assert one("Calf raise 12", list_item=True).reps == (12, 12)


def test_labelled_fields_on_one_line_give_each_number_its_role():
    # an exercise sheet's fields with single spaces between them: the label says which count it is
    assert facts(one("Sets: 2 Reps: 12 Rest: 30s")) == ("main", (2, 2), (12, 12), None, None, False)
    assert facts(one("Sets: 3 Reps: 8 Hold: 6")) == ("main", (3, 3), (8, 8), (6, 6), "hold", False)
    assert facts(one("Repetitions = 15")) == ("main", None, (15, 15), None, None, False)
    # the singular label too, glued to its number as a handout prints it
    assert facts(one("Sets: 2 / Repetition:10")) == ("main", (2, 2), (10, 10), None, None, False)
    # a count written out in full after the label is read as such
    assert facts(one("Sets: 4 x 6")) == ("main", (4, 4), (6, 6), None, None, False)
    assert facts(one("Reps: 2 sets of 10-12")) == ("main", (2, 2), (10, 12), None, None, False)
    # a count of rounds before its colon is no label of the time after it
    assert facts(one("4 rounds: 30 seconds")) == ("main", (4, 4), None, (30, 30), None, False)
    assert facts(one("3 rounds: 10 reps")) == ("main", (3, 3), (10, 10), None, None, False)


def test_bare_number_before_the_count_of_a_flattened_table_row_is_its_sets():
    assert facts(one("Lateral band walk 2 10-12x", list_item=True)) == ("main", (2, 2), (10, 12), None, None, False)
    assert facts(one("Mountain climbers 3 45 seconds", list_item=True)) == ("main", (3, 3), None, (45, 45), None, False)
    # a label's number is no count of sets
    assert facts(one("Week 2 10 reps", list_item=True)) == ("main", None, (10, 10), None, None, False)


def test_other_verbs_for_changing_side_make_the_dose_per_side():
    assert one("Hold the lunge for 20 seconds, then shift to the other side and repeat twice.").per_side
    assert parse_dosages("Hold the reach for 15 seconds. Alternate with the other arm and repeat four times.")[-1].per_side
    assert one("Raise the arm 12 times. Do the movement again on the other arm.").per_side
    assert not one("Shift your weight to the other foot and hold 10 seconds.").per_side


def test_frequency_on_days_kept_apart():
    assert parse_frequency("Pick two or three non-consecutive days a week for this.") == (2, 3)
    assert parse_frequency("Lift on 2 separate days per week.") == (2, 2)


def test_frequency_of_aerobic_work_is_no_alternative_count():
    assert parse_frequency("Lift twice a week and do cardio (like rowing) three to five times a week.") == (2, 2)
    assert parse_frequency("Stretch two or three times a week; aerobic work four to six times a week.") == (2, 3)


def test_every_other_day_as_a_progression_cadence_is_no_frequency():
    assert parse_frequency("Every other day, add two more raises if it feels fine.") is None
    assert parse_frequency("Do these every other day.") == (3, 4)


def test_a_circuit_done_n_times_said_with_a_gerund_gives_its_rounds():
    assert facts(one("Doing this whole routine 2-3 times will build real endurance.")) == ("main", (2, 3), None, None, None, False)
    assert facts(one("Completing the circuit four times is plenty.")) == ("main", (4, 4), None, None, None, False)
    # the gerund of the move itself still counts its reps
    assert facts(one("Keep doing calf raises 3 times")) == ("main", None, (3, 3), None, None, False)


def test_a_tempo_range_with_a_slow_phase_is_no_bout():
    assert facts(one("2x12 / leg (2-3s slow descent)")) == ("main", (2, 2), (12, 12), None, None, True)
    assert facts(one("3 x 8 (4 s controlled lowering)")) == ("main", (3, 3), (8, 8), None, None, False)
    # a plain bout in brackets is still timed
    assert one("3 rounds (40s)").seconds == (40, 40)


def test_a_lowering_paced_over_a_range_of_seconds_is_no_bout():
    assert facts(one("Box step-downs, lowering slowly for three to four seconds, 8-10 reps per leg")) == (
        "main", None, (8, 10), None, None, True)
    assert facts(one("Split squats: lower for 3-4 seconds, 10 reps")) == ("main", None, (10, 10), None, None, False)
    # a hold at the top of "the raise" (a noun) is a hold, not the pace of raising
    assert one("Hold the foot at the top of the raise for 3-5 seconds.").seconds == (3, 5)


def test_the_same_count_done_again_after_a_rest_is_a_second_set():
    assert facts(one("Hold: 3 seconds | Repeat: 12 times | Rest | Repeat: again 12 times")) == ("main", (2, 2), (12, 12), (3, 3), "hold", False)
    assert facts(one("Curl up 15 times, rest a minute, then again 15 times.")) == ("main", (2, 2), (15, 15), None, None, False)
    # a count after the reps that differs from them still counts sets
    assert facts(one("Do 10 reps, then repeat 3 times")) == ("main", (3, 3), (10, 10), None, None, False)


def test_staying_still_for_a_time_is_a_hold():
    assert facts(one("Raise the foot and stay there for 8 seconds before you lower it.")) == ("main", None, None, (8, 8), "hold", False)
    assert facts(one("Remain still for 5 seconds.")) == ("main", None, None, (5, 5), "hold", False)
    # "maintain" a position, or a time right after it, is a hold; maintaining a pace or form is not
    assert facts(one("Maintain 20-40s, twice a day")) == ("main", None, None, (20, 40), "hold", False)
    assert facts(one("Maintain the stretch for 25 seconds.")) == ("main", None, None, (25, 25), "hold", False)
    assert facts(one("Maintain an easy pace for 5 minutes.")) == ("main", None, None, (300, 300), None, False)
    # staying with a move for a time without "for" next to it is no hold
    assert facts(one("March on the spot and stay light on your feet, 30 seconds.")) == ("main", None, None, (30, 30), None, False)



def test_a_time_glued_to_the_x_after_a_name_is_its_time_not_a_count():
    # "Plank x30s": the "x" joins the name to its time, as "x10" joins it to its reps
    assert facts(one("Plank x30s", list_item=True)) == ("main", None, None, (30, 30), None, False)
    assert facts(one("Side plank x20-30sec", list_item=True)) == ("main", None, None, (20, 30), None, False)
    assert facts(one("Wall sit x1min", list_item=True)) == ("main", None, None, (60, 60), None, False)
    assert facts(one("Squats x10", list_item=True)) == ("main", None, (10, 10), None, None, False)


def test_reps_said_as_a_count_of_times_are_marked_so():
    # dose_inheritance reads a timed bout's count of times as passes, so the parse keeps where reps came from
    assert [(d.reps, d.reps_are_times) for d in parse_dosages("Go for 20 seconds, repeat five times.")] == [((5, 5), True)]
    assert [(d.reps, d.reps_are_times) for d in parse_dosages("Hold 20 seconds, 3x.")] == [((3, 3), True)]
    assert [(d.reps, d.reps_are_times) for d in parse_dosages("30 seconds, about 25 reps.")] == [((25, 25), False)]
    # the count of times became the sets: the reps are counted as such
    assert [(d.sets, d.reps, d.reps_are_times) for d in parse_dosages("Do 10 reps, 3 times.")] == [((3, 3), (10, 10), False)]


def test_a_count_after_a_times_x_is_the_bouts_sets():
    # "Hold 30 seconds x 3" is "3 x 30 seconds" said the other way round; a unit after the count counts that
    assert [(d.sets, d.reps, d.seconds) for d in parse_dosages("Hold 30 seconds x 3, building up to 60 seconds.")][:1] == [
        ((3, 3), None, (30, 30))]
    assert [(d.sets, d.reps, d.seconds, d.per_side) for d in parse_dosages("Side plank 20-30 sec x 4 each side")] == [
        ((4, 4), None, (20, 30), True)]
    assert [(d.sets, d.reps, d.seconds) for d in parse_dosages("Wall sit 40s x 2 sets")] == [((2, 2), None, (40, 40))]
    assert [(d.sets, d.reps, d.seconds) for d in parse_dosages("Plank 30 seconds x 10 reps")] == [(None, (10, 10), (30, 30))]
