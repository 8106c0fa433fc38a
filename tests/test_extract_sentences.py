"""Sentence roles (extract/sentences.py): cue / purpose / dosage only.

Every sentence here is written for the test; none is taken from the seed or dev articles.
Expectations follow GOLD_SPEC.md: cues tell how (set-up, movement, form, breathing,
tempo, what to avoid, easier/harder), purposes tell why, a bare prescription is neither.
"""
from __future__ import annotations

import pytest

from runstrength.extract.dosage import parse_dosages, parse_rest
from runstrength.extract.sentences import classify, content_words, is_dosage_only


def dosage_only(text: str) -> bool:
    spans = [(d.start, d.end) for d in parse_dosages(text)]
    return is_dosage_only(text, spans, rest=bool(parse_rest(text)))


# ---------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "sentence",
    [
        "Keep your back flat.",
        "Squeeze the glutes at the top.",
        "Place a mini band just above your knees.",
        "Gently press your heels into the floor.",
        "Lying on your side, lift the top leg.",
        "Standing tall, hinge forward at the hips.",
        "Using a chair for balance, rise onto your toes.",
        "Make sure your knee tracks over your second toe.",
        "Your hips should stay level throughout.",
    ],
)
def test_instructions_are_cues(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    ["Exhale as you push the hips up.", "Breathe out as you rise.", "Keep breathing throughout the hold."],
)
def test_breathing_kind(sentence):
    assert classify(sentence) == ("cue", "breathing")


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not let your knees cave in.",
        "Avoid arching your lower back.",
        "Never let your hips sag toward the floor.",
        "Try not to let your lower back arch.",
    ],
)
def test_avoid_kind(sentence):
    assert classify(sentence) == ("cue", "avoid")


@pytest.mark.parametrize(
    "sentence",
    [
        "To make it harder, hold a dumbbell.",
        "If this is too hard, drop to your knees.",
        "You can also do this with a band around your knees.",
        "Alternatively, place your feet on a bench.",
        # a prop one may leave out, a hold one may take: how to fit the move to the reader
        "The mini band is optional for this one.",
        "Fingertips resting on a kitchen counter are fine for balance.",
        "A chair beside you is useful for support.",
        "Resting one hand on a door frame will help with balancing.",
        # leave given to ease the move, whatever it ends on ("... until you build strength" is no reason)
        "It’s fine to kick off the floor at first until your arms get stronger.",
        "It is okay to bend the knees a little to build strength.",
    ],
)
def test_modification_kind(sentence):
    assert classify(sentence) == ("cue", "modification")


def test_what_the_exercise_does_for_balance_stays_a_purpose():
    # the exercise, not a hold or a prop, is useful for balance: what it trains
    assert classify("Single-leg hops are useful for balance.") != ("cue", "modification")
    assert classify("This exercise is useful for balance and stability.") == ("purpose", None)


def test_tempo_kind():
    assert classify("Pause for two seconds at the top.") == ("cue", "tempo")


def test_participle_opener_is_setup_or_movement_cue():
    role = classify("Lying on your side, lift the top leg.")
    assert role[0] == "cue"
    assert role[1] in ("setup", "movement")


def test_adverb_opener_imperative_is_cue():
    assert classify("Slowly lower back down over three seconds.") == ("cue", "tempo")


def test_two_joined_adverbs_before_the_order_still_make_it_a_cue():
    # "so that" says where the foot goes, not why the move is done
    for sentence in ("Slowly and gently bend your knee so that your heel slides toward you.",
                     "Then slowly and carefully lower your hips so that your back touches the mat."):
        role = classify(sentence)
        assert role is not None and role[0] == "cue", sentence


def test_then_opener_imperative_is_cue():
    role = classify("Then slowly return to standing.")
    assert role is not None and role[0] == "cue"


def test_descriptive_form_statement_is_cue():
    role = classify("Knees stay behind the toes throughout.")
    assert role is not None and role[0] == "cue"


# ---------------------------------------------------------------- purpose


@pytest.mark.parametrize(
    "sentence",
    [
        "This exercise strengthens the glutes.",
        "It helps prevent knee pain in runners.",
        "This will help you hold your form late in a race.",
        "Clamshells target the gluteus medius, which keeps your knee from collapsing inward.",
        "Single-leg work improves running economy.",
        # what a set of moves is done for, said with "treat" or "rehabilitate"
        "Therapists use the moves below to treat pain under the kneecap.",
        "Gentle band work like this can rehabilitate a rolled ankle.",
    ],
)
def test_purpose_sentences(sentence):
    assert classify(sentence) == ("purpose", None)


# ---------------------------------------------------------------- dosage only


@pytest.mark.parametrize(
    "sentence",
    ["Perform 3 sets of 12.", "Do 2 x 15 on each leg.", "Hold 30 seconds.", "Complete 2-3 rounds.",
     "Work up to 3 sets of 20.", "Rest 60 seconds between sets.",
     # the dose and that it grows, nothing on how to do the move
     "Begin with eight repetitions and increase as your strength improves.", "Do 12 reps and gradually increase."],
)
def test_dosage_only_sentences(sentence):
    assert dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Perform 3 sets of 12 with a slow lowering phase.", "Keep your back flat.",
     "This exercise strengthens the glutes.", "Do 10 repetitions, and increase the load when it gets easier."],
)
def test_sentences_with_content_are_not_dosage_only(sentence):
    assert not dosage_only(sentence)


def test_number_free_instruction_is_not_dosage_only():
    assert not is_dosage_only("Then return to the start.", [])


def test_content_words_drop_stopwords():
    assert content_words("Keep your hips level with the floor") == ["keep", "hips", "level", "floor"]


# ---------------------------------------------------------------- what the exercise does, asides


@pytest.mark.parametrize(
    "sentence",
    [
        "This hits your quads harder than a squat.",
        "It loads the calf through its whole range.",
        "Reverse crunches teach your trunk to stay still while the legs move.",
        "This wakes up your hamstrings before the sprints.",
        "Your hamstrings are doing the work here, so the hips stay high.",
        "The front squat is our main lower-body lift in winter.",
        "Why it matters: your hips take the load when you land.",
        "Why we like it: your calves get stronger without any jumping.",
    ],
)
def test_what_the_exercise_does_is_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Stop right away if the movement causes sharp pain.",
        "Contact your physical therapist if the swelling comes back.",
        "Some discomfort in your knee is okay, but it should settle within a day.",
        "This guide is not intended as a substitute for medical care.",
        "The clinic and its staff accept no liability for any injury or loss that results from these exercises.",
        "We cannot be held responsible for harm to your knees from following this plan.",
        # a pointer to another page, however it names form or a goal
        "Read up on good squat form before you load the bar.",
        "Learn more about correct hinge technique in our guide.",
    ],
)
def test_safety_and_disclaimer_asides_are_neither(sentence):
    assert classify(sentence) is None


def test_contracted_you_makes_a_remark_a_cue():
    role = classify("If the hold feels easy, you're not bracing hard enough.")
    assert role is not None and role[0] == "cue"


def test_to_clause_before_an_instruction_is_a_cue():
    role = classify("To target the soleus, bend your knees slightly.")
    assert role is not None and role[0] == "cue"


@pytest.mark.parametrize("sentence", ["3 x 12 steps each direction.", "Do 2 sets of 10, left and right."])
def test_sides_and_steps_are_part_of_a_prescription(sentence):
    assert dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Strong hamstrings take strain off your knees when you descend.",
        "Lunges look easy, but stronger quads and a firm core stop your stride from shrinking late in a race.",
        "Your glutes absorb most of the landing, so never skip this one.",
        "Rows are underrated because they work lats and rhomboids at the same time.",
        "Skater jumps fire up the outer hip muscles you use when you corner.",
        "This is the simplest way to load the soleus without a machine.",
        "You're teaching your ankles to react fast on rocky ground.",
    ],
)
def test_benefit_claims_are_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "[Figure 3: Woman kneeling on a mat with one arm raised.]",
        "(Photo: the bottom position of the lunge)",
        "Bring this sheet with you to your next appointment.",
        "Our head coach is an exercise scientist and a former steeplechaser.",
    ],
)
def test_captions_bios_and_clinic_asides_are_neither(sentence):
    assert classify(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["Across three weeks, build to 90 seconds with each leg in front.",
     "Begin at 20 seconds on either side and build up to 45 seconds over the next four weeks."],
)
def test_side_and_week_words_leave_a_prescription(sentence):
    assert dosage_only(sentence)


def test_build_to_a_dose_is_not_a_purpose():
    assert classify("Within a month, build to 4 sets of 6 using a heavier bell.") == ("cue", "modification")


@pytest.mark.parametrize(
    "sentence",
    [
        "It's the calves that absorb most of the landing on a steep descent.",
        "Weakness in the glutes lets your knee roll in when you land.",
        "Strong adductors are the best protection against a sore groin.",
        "This keeps the hamstrings loaded while the knee stays still.",
        "Step-downs make your quads and knees stronger for the downhills.",
        "Marching drills help your legs stay light late in a race.",
        "With the torso tipped forward, the glutes work far harder than the quads.",
    ],
)
def test_muscle_benefits_said_several_ways_are_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_crawl_is_an_instruction_verb():
    role = classify("Crawl forward slowly to the far line.")
    assert role is not None and role[0] == "cue"


def test_stage_entry_criteria_are_neither():
    assert classify("Move on when: you can hop ten times without pain and both calves feel equal.") is None


# ---------------------------------------------------------------- what the exercise does, said several more ways


@pytest.mark.parametrize(
    "sentence",
    [
        "The narrow grip biases the triceps.",
        "Wall drills groove the high knee position you want for sprinting.",
        "Butt kicks rehearse the quick heel recovery you want at speed.",
        "This eases stiffness in your lower back.",
        "This warms up the hips before the heavier lifts.",
        "This set-up lets you work the calves through a bigger range.",
        "Kneeling lets you load the hip flexors without the back taking over.",
        "Lowering slowly over four full seconds on each rep loads your Achilles far more than bouncing.",
        "Holding the weight out in front shifts the effort to the quads.",
        "With the toes turned out you shift the work onto the inner thigh.",
        "A tight hip flexor pulls the pelvis forward and increases strain on the lower back.",
        "Stiff hamstrings can tug on the pelvis when you stride out.",
        "Crab walks make your hips and upper back muscles strong.",
        "This is our main hamstring builder for the winter block.",
        "This is the big one for your calves.",
        "Downhills ask a lot of your quads, and this is the quickest way to get them ready.",
        "This is all about your hip drive.",
        "They round off the session with some core work and a dose of cardio.",
        "The band drags your knee inward, so each rep hits the glutes harder.",
        "Drop jumps train the calves to react quickly.",
        "Step downs build the quads for long descents.",
        "Nordics are the best-studied exercise for anyone doing speedwork.",
    ],
)
def test_more_ways_of_saying_what_an_exercise_does_are_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Drop your hips and work the glutes.",
        "Keep arms straight and engage the core.",
        "Keeping the bar close, hinge until it passes your knees.",
    ],
)
def test_an_instruction_that_names_an_effect_stays_a_cue(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    [
        "Bound up the hill with long, springy strides.",
        "Stick each landing for a full second.",
        "Once bodyweight is easy, wear a weighted vest.",
        "Catch it and go again.",
        "As before, but with a longer pause at the bottom of the movement - think of sinking into it.",
        "As an alternative, the box version gives you most of the benefit.",
        "Slow down, quick up.",
        '"Soft knees, tall chest," the coach reminds her runners.',
        'She tells her runners: "Soft landings, quiet feet."',
    ],
)
def test_more_instructions_are_cues(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    [
        "Checkpoint: you can hold a 45-second side plank on both sides.",
        "Entry criteria: you can walk 30 minutes without a limp.",
        "Criteria to progress: ten single-leg hops without pain.",
        "Only add these once the first three feel easy.",
        "This is the next stage once you can squat without pain.",
        "Carry on with exercises 2 and 5 through the week.",
        "Keep the hopping drills in your plan as maintenance once you are back racing.",
        "Continue doing the calf raises twice a week through the summer.",
        "The mobility work can be done every day.",
        "You can do this one daily if your knee allows.",
        "Table 3: Your hip plan for race season.",
        "[Buy the mini band set on our shop page]",
        "End with this core drill.",
        "Why do your calves matter so much?",
        "Coach Sam Reyes is a certified strength coach and a former miler.",
        "Join our club on Tuesday nights to run with the group.",
        "Leave your questions in the comments below.",
        "That's it, you're done for today.",
        '"Honestly, if I had to pick only one move for a runner, it would be this one," she says.',
        "I find most of my athletes enjoy this part more than the running.",
    ],
)
def test_stages_programme_notes_and_asides_are_neither(sentence):
    assert classify(sentence) is None


def test_an_opinion_with_a_reason_is_a_purpose():
    assert classify("I give this to every runner because it loads one leg at a time.") == ("purpose", None)


def test_stage_criteria_in_brackets_are_neither():
    # the aside patterns keep their case: "\W" stays "any non-word character"
    assert classify("(Move on when: ten hops feel easy on both legs.)") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Begin with 2 sets of 4 and add one rep each week until you reach 3 sets of 10.",
        "Start with 1 set of 6 per leg and build up to 3 sets of 12 as your hip allows.",
        "Keep going for 45 seconds.",
        "Do 3 sets of 16 touches, alternating sides.",
        "Finish with four sets of 40 metres, walking back to recover.",
        "4 x 6 each leg, tempo 3-1-1, RPE 8",
        # how heavy, in words: the load of the prescription, no instruction
        "12 reps x moderate weight", "2 sets each // light-medium loads",
    ],
)
def test_more_prescriptions_are_dosage_only(sentence):
    assert dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["If that is too hard, start with 15-second holds.", "To make it easier, do 2 sets of 6 instead."],
)
def test_an_easier_or_harder_dose_is_a_cue_not_a_prescription(sentence):
    assert not dosage_only(sentence)
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    [
        # a participle after the statement says what the exercise trains
        "Step-ups earn their place on hilly routes, hitting your quads and glutes in a single move.",
        # what the effect lets the body do, what it spares, what it guards against
        "The side plank gets the hip muscles going so they can steady your pelvis mid-stride.",
        "Loosening the calf before you go downstairs takes the edge off the morning stiffness.",
        "The strap around the midfoot tightens the arch so it shares the load with the calf.",
        "Firm calves below the knee are the first line of defence against shin splints.",
    ],
)
def test_benefit_statements_said_without_an_effect_verb_are_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "This one is a short movement, so work slowly and keep your hips square.",
        "Build the pressure up gradually until you reach about half of your maximum effort.",
        "At first, limit the range so the heel stays above the step edge; deeper drops load the tendon more.",
        # a warning after "so" is an instruction too
        "The movement is tiny, so don't be tempted to swing the hips to cheat the range.",
        "This drill is quick, so never let the knee snap straight.",
    ],
)
def test_instructions_after_so_or_an_opening_phrase_are_cues(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


def test_urging_not_to_skip_after_so_is_no_cue():
    assert classify("The session is short, so never skip the cool-down.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        # the exercise (a pronoun) burns, opens or is hard on a named muscle
        "It really burns the hamstrings on the way up.",
        "It also opens the hip flexors of the trailing leg.",
        "It's surprisingly tough on the calves and the feet.",
        # the pronoun's second verb, after a clause that says what the exercise is
        "This is the best home substitute for the leg press and hits the quads hard.",
        # a plural name lets the reader load something
        "Split squats let you load each leg on its own without a heavy bar.",
        # the aim, in the coach's words
        "What you're aiming to do is get the glutes firing before the run.",
    ],
)
def test_what_a_move_does_to_a_muscle_said_loosely_is_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Arm circles loosen up the shoulders before you start pressing.",
        "Thoracic rotations free up the upper back for a fuller arm swing.",
        "Bending the knee slightly is easier on the lower back than a stiff-legged version, which is why we start here.",
        "The band keeps tension through the whole step, that's why coaches choose it over a plain squat.",
    ],
)
def test_what_the_exercise_loosens_or_why_it_was_chosen_is_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_a_reason_told_to_the_reader_stays_a_cue():
    role = classify("The knee likes to drift inward, which is why you should push it out over the little toe.")
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    ["Do two sets of twelve per side; when this is easy, hold a kettlebell.",
     "Start with 3 x 8; once it feels easy, hold dumbbells."],
)
def test_a_harder_way_after_the_dose_is_not_dosage_only(sentence):
    assert not dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Do 2 x 10; once that feels easy, do 3 x 10.", "Hold 20 seconds; when that is easy, hold 40 seconds."],
)
def test_the_next_dose_after_an_easy_check_is_still_dosage_only(sentence):
    assert dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I ran my first hilly half last spring without a twinge in my knee.",
        "I also did them on the stairs at work most lunchtimes.",
        "We kept the weights light for the first month of the study.",
    ],
)
def test_the_writers_past_story_is_neither(sentence):
    assert classify(sentence) is None


def test_the_writers_present_habit_stays_a_cue():
    role = classify("I keep my elbows tucked the whole way down.")
    assert role is not None and role[0] == "cue", role


def test_telling_the_reader_to_have_it_looked_at_is_an_aside():
    assert classify("Get that ankle looked at before you run on it again.") is None


def test_quote_naming_the_first_move_is_neither_with_the_next_quote_mark_left_on():
    # the sentencizer leaves the mark that opens the speaker's next sentence at the end of this one
    assert classify('"The first one we hand every new runner is the wall sit," says the coach. "') is None


# ---------------------------------------------------------------- how the exercise is done, said about it


@pytest.mark.parametrize(
    "sentence",
    [
        # the exercise described by what the reader does in it
        "This drill has you bounding forward from foot to foot.",
        "The next move has you hop over a low hurdle and stick the landing.",
        # another way to do it, with other kit or support
        "This stretch can also be done with a strap looped around your foot.",
        "If balance is shaky, the move can be performed holding a chair.",
        "This one’s best done barefoot, on a rug.",
        # the best way to do it, said as advice
        "The simplest way to practise it is to balance on one foot while you wait for the bus.",
        # the one thing to get right, whatever the sentence names as the fault it prevents
        "The key is to land softly on the balls of the feet to prevent shin pain.",
        "The trick here is to land quietly so you protect the knee.",
        # the exercise said as the position it is done in
        "The best drill for this is kneeling on a cushion, with a band round your thighs.",
        # "the exercise" as a time or as what is done, not the subject of a reason
        "Your back should stay flat during the exercise.",
        "Your hips should stay square while you start the exercise from a deep bend.",
        # an instruction after the opening clause, behind "just"
        "This one is simpler than it looks; just step back and drop the knee.",
        # which way to turn the foot; a load change after a clause
        "Invert your foot against the pull of the band.",
        "Evert your foot until the little toe leads.",
        "Once it feels easy, increase the reps by two.",
    ],
)
def test_how_the_exercise_is_done_said_about_it_is_a_cue(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize(
    "sentence",
    [
        "This one gets you more hip rotation than any other drill.",
        "Increase power in the push-off and take strain off the knees.",
        "For: core strength and good posture",
        "Why it’s worth it: your heels will thank you.",
    ],
)
def test_what_the_exercise_gives_stays_a_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_counting_the_bout_done_is_part_of_a_prescription():
    assert dosage_only("That’s one round; do four rounds in all.")


@pytest.mark.parametrize(
    "sentence",
    ["A short drill for waking up tired calves.",
     "Another glute exercise that trains the hamstrings at the same time.",
     "A handy move for targeting the deep hip rotators."],
)
def test_exercise_described_without_its_subject_is_purpose(sentence):
    # the heading above names the exercise; the sentence says what it is for
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    ["A good stretch to do while the kettle boils.", "A sturdy chair for balance."],
)
def test_exercise_noun_phrase_without_an_aim_is_no_purpose(sentence):
    assert classify(sentence) != ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    ["Rock forward onto your toes so that your heels lift off the mat.",
     "Whilst keeping your pelvis level, swing the free leg behind you so that it stays straight."],
)
def test_instruction_ending_in_so_that_is_a_cue(sentence):
    # "so that" here says where the body ends up, not why the exercise is done
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    ["Spread your toes apart and release them.",
     "Light band or heavy band depending on fitness",
     "Option 2: To make this exercise harder, wrap a band around your knees."],
)
def test_choice_of_version_and_spreading_are_cues(sentence):
    # "depending on" chooses a version; "to make the movement tougher" changes the exercise, it is no reason for it
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    ["Coach Dana says step-ups align your knees and work the glutes.",
     "Our physio Sam explains that strong calves absorb the landing forces.",
     "Squeezing a ball between your knees helps increase inner thigh strength.",
     "The best way to avoid calf strains is to strengthen your calves.",
     "One of the simplest ways to avoid knee pain is to build stronger hips."],
)
def test_reported_reasons_and_prevention_are_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_reported_instruction_stays_a_cue():
    assert classify("Coach Dana says you should keep your hips square the whole time.")[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    ["You need to land softly in order to protect the knee.",
     "For the exercise to work, you should keep your back knee straight."],
)
def test_telling_the_reader_what_they_must_do_is_a_cue(sentence):
    # "in order to" and "to work" give the reason for the instruction, not for the exercise
    assert classify(sentence)[0] == "cue"


def test_what_the_reader_must_gain_stays_a_purpose():
    assert classify("You need to build hip strength to run well.") == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    ["The ball is pressed along the length of the muscle.",
     "Then the band is pulled back toward the hip while the muscles stay relaxed."],
)
def test_a_movement_in_the_passive_voice_is_a_cue(sentence):
    assert classify(sentence)[0] == "cue"


def test_when_the_exercise_gets_easy_a_harder_version_is_a_modification():
    assert classify("When the exercise gets too easy try holding a weight: in the split position lift the back foot.") \
        == ("cue", "modification")


@pytest.mark.parametrize(
    "sentence",
    ["Load: To build speed, emphasize a fast lift and a slow lowering.",
     "Crunch up slowly, keeping the ribs down to work the abs.",
     "Swop over and do the same number again."],
)
def test_instruction_after_a_label_and_its_clause_is_a_cue(sentence):
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    ["Objective: Sprinters need a stiff ankle at ground contact.",
     "Rationale: Hurdlers need hips that open quickly.",
     "Aim: To steady the pelvis on one leg.",
     "Aims - loosen the hip flexors before a run.",
     "Goals: firmer ankles for trail descents."],
)
def test_objective_rationale_and_aim_labels_open_a_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_fitting_the_whole_list_into_the_week_is_an_aside():
    assert classify("Slot these hip moves into your training plan twice a week for a steadier stride.") is None


@pytest.mark.parametrize("sentence", [
    "Repeat.",
    "Then repeat again.",
    "Do this __ times.",
    "Stay there for __ seconds.",
    "Repeat it a few more times each morning.",
    "Do this several times a day.",
    "Shuffle on for about 30 metres.",
    "All of these should be performed 3-4x/week.",
    "This drill can be done 4 times, on either leg.",
])
def test_blank_vague_or_distance_counts_are_dosage_only(sentence):
    # a handout's blank, a vague count, a distance or a bare "Repeat." says how much, never how
    from runstrength.extract.frequency import frequency_spans
    spans = [(d.start, d.end) for d in parse_dosages(sentence)] + list(frequency_spans(sentence))
    assert is_dosage_only(sentence, spans, rest=bool(parse_rest(sentence)))


@pytest.mark.parametrize("sentence", [
    "Repeat with the other foot in front.",
    "Do this several times, reaching a little further each time.",
])
def test_a_repeat_that_says_how_stays_a_cue(sentence):
    assert not dosage_only(sentence)
    assert classify(sentence) == ("cue", "movement")


@pytest.mark.parametrize("sentence", [
    "Stiff hamstrings place added tension on the lower back.",
    "The band adds work for the glute muscles.",
])
def test_added_or_adds_without_that_is_no_reported_speech(sentence):
    assert classify(sentence) == ("purpose", None)


def test_added_that_still_reports_a_speaker():
    assert classify("Coach Li added that bridges work the glutes.") == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Next, jump squats build the springiness your calves need on hills.",
        "Finally, step-ups train the single-leg control you use on every stride.",
    ],
)
def test_a_verb_led_exercise_name_after_a_sequencing_word_is_the_subject(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The back leg is held straight so that the hips stay square to the floor.",
        "The elbows are kept soft so the arms can swing freely.",
    ],
)
def test_a_held_position_with_so_that_is_a_cue(sentence):
    assert classify(sentence)[0] == "cue"


def test_challenging_yourself_is_a_harder_way():
    assert classify("If you want to challenge yourself, do these at the end of a long run to tire the core first.") == ("cue", "modification")


def test_think_of_it_as_with_a_reason_is_a_purpose():
    assert classify("Think of this as laying the groundwork for stronger running on hills.") == ("purpose", None)
    assert classify("Think of it as sitting back into a chair.")[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    [
        "This loosens and warms the muscles around your hip.",
        "Each rep stretches and relaxes the tissue along your shin.",
    ],
)
def test_two_effect_verbs_sharing_an_object_are_a_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "To enhance the difficulty, strap a light weight around the shin.",
        "To raise the intensity, apply a light weight at the ankle.",
    ],
)
def test_raising_the_challenge_is_a_harder_way(sentence):
    assert classify(sentence) == ("cue", "modification")


@pytest.mark.parametrize(
    "sentence",
    [
        "Complete four sets before moving on to the bridges.",
        "Do 3 x 12 before going on to the next exercise.",
    ],
)
def test_the_order_of_the_routine_after_a_dose_is_dosage_only(sentence):
    assert dosage_only(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is important to keep your hips level and your chest up.",
        "It's essential to keep your knee over your toes.",
        "It’s vital that you brace before each lift.",
    ],
)
def test_it_is_important_to_do_something_is_a_form_cue(sentence):
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    [
        "It is important to strengthen your glutes before a marathon.",
        "It is important to have strong hips for running.",
    ],
)
def test_it_is_important_to_gain_something_stays_a_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_challenge_yourself_after_a_clause_is_a_harder_way():
    assert classify("As your balance improves, challenge yourself with a taller box.") == ("cue", "modification")


def test_props_that_all_work_for_the_exercise_are_a_modification():
    assert classify("A low stool, a step or a sturdy box all work equally well for this drill.") == ("cue", "modification")
    # what the moves are good for is still a reason
    assert classify("Lunges and squats both work well for building hill strength.") == ("purpose", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "One full circle counts as one repetition.",
        "Each touch of the cone is one rep.",
    ],
)
def test_what_makes_one_rep_is_a_cue(sentence):
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    [
        "You can watch a short clip of the drill here.",
        "For a demo, click below",
    ],
)
def test_a_link_to_a_video_is_neither_cue_nor_purpose(sentence):
    assert classify(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Hold a dumbbell at your chest and sit back (video here).",
        "Keep your chest up as shown in the video above.",
    ],
)
def test_an_instruction_that_points_at_a_video_stays_a_cue(sentence):
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    [
        "The next exercises are wall sits and step-ups.",
        "Three handy hip exercises are the clamshell and the side plank.",
    ],
)
def test_a_sentence_naming_the_moves_of_a_list_is_neither(sentence):
    assert classify(sentence) is None


def test_a_list_naming_that_goes_on_to_say_what_the_moves_do_is_a_purpose():
    assert classify("Two great exercises are lunges and squats, which build the glutes.")[0] == "purpose"


def test_it_is_important_with_an_injury_aim_is_a_purpose():
    assert classify("It's important to get the calves working hard after a tear, to prevent a relapse.")[0] == "purpose"
    assert classify("It's important to keep your chest tall.")[0] == "cue"
    assert classify("You must keep your hips level to prevent strain.")[0] == "cue"


@pytest.mark.parametrize(
    "sentence",
    [
        "Common mistake: letting the front knee drift past the toes.",
        "Mistakes to avoid: arching the lower back.",
        "Typical error - bouncing out of the bottom position.",
    ],
)
def test_a_labelled_fault_is_an_avoid_cue(sentence):
    assert classify(sentence) == ("cue", "avoid")


@pytest.mark.parametrize(
    "sentence",
    [
        "Below are four handy moves to add to your week.",
        "Here are five simple drills to fit into any warm-up.",
    ],
)
def test_a_list_announced_with_where_it_goes_is_neither(sentence):
    assert classify(sentence) is None


def test_a_list_announced_with_what_it_does_is_a_purpose():
    assert classify("Here are three moves to strengthen your ankles.")[0] == "purpose"


@pytest.mark.parametrize("sentence", ["Build single-leg strength.", "Improve ankle stability.", "Develop hip power."])
def test_a_bare_goal_said_as_a_command_is_a_purpose(sentence):
    assert classify(sentence) == ("purpose", None)


def test_a_command_to_build_something_in_the_body_stays_a_cue():
    assert classify("Build tension through your trunk before each rep.")[0] == "cue"


def test_moving_on_to_the_next_level_of_the_plan_is_neither():
    assert classify("When this plan starts to feel light, you can move on to the advanced sessions.") is None
    assert classify("When this gets light, progress to the weighted version.")[0] == "cue"


@pytest.mark.parametrize("sentence", [
    "Jo Bloggs, DPT, CSCS, is the head strength coach at a running clinic.",
    "Sam Lee, MSc, is the clinical director and a sports physio in the city.",
])
def test_a_bio_with_credentials_after_the_name_is_neither(sentence):
    assert classify(sentence) is None


@pytest.mark.parametrize("sentence", [
    "You can drop any of these moves into a full-body circuit as your core exercise.",
    "Or build your own 20-minute core circuit.",
    "If a few of these bore you, replace them with others you enjoy.",
    "We suggest two pairs of dumbbells, one light and one heavy, for this plan.",
])
def test_building_a_session_from_the_list_is_neither(sentence):
    assert classify(sentence) is None


def test_swapping_the_kit_of_one_move_stays_a_cue():
    role = classify("Once it feels easy, swap the light band for a heavier one.")
    assert role is not None and role[0] == "cue", role


@pytest.mark.parametrize("sentence", [
    "Each landing should have a sense of spring and lightness in the stride.",
    "Every stride should feel light and quick.",
])
def test_how_a_rep_should_feel_is_a_cue(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


def test_a_variant_from_the_same_position_is_a_modification():
    assert classify("From this position, you can rotate the hand up and down for extra strengthening work.") == ("cue", "modification")


@pytest.mark.parametrize("sentence", [
    "For the lateral bound, start by standing on one leg so that your hips face forward, then jump sideways.",
    "For the wall drill, lean into the wall so that your body makes a straight line.",
])
def test_an_instruction_led_by_the_exercise_it_is_for_is_a_cue(sentence):
    role = classify(sentence)
    assert role is not None and role[0] == "cue", role


def test_a_note_on_how_every_move_should_feel_is_no_cue_of_one_move():
    assert classify("Every exercise should feel demanding but doable.") is None
    assert classify("Each landing should feel light and quiet.")[0] == "cue"



def test_come_opens_an_instruction_only_when_it_says_where_to_move():
    from runstrength.extract.sentences import starts_imperative

    assert starts_imperative("come up onto your toes".split())
    assert starts_imperative("slowly come back to standing".split())
    assert not starts_imperative("then come a-skips".split())
    assert not starts_imperative("come race day you will be glad".split())


def test_what_the_exercise_increases_or_decreases_is_its_purpose():
    assert classify("This increases the load on the tendon and decreases stiffness.") == ("purpose", None)
    assert classify("It decreases the load on the kneecap.") == ("purpose", None)
    assert classify("Increase the weight each week.")[0] == "cue"  # an instruction, not an effect


def test_lengthen_opening_a_sentence_is_an_instruction():
    assert classify("Lengthen your back leg and reach the opposite arm forward.")[0] == "cue"
    assert classify("Elongate through the crown of your head.")[0] == "cue"
    assert classify("This stretch helps lengthen the calf.") == ("purpose", None)


@pytest.mark.parametrize("sentence", [
    "Players stand side by side and pass the ball overhead.",
    "The patient lies on their back and slides the heel towards the bottom.",
    "Students should hop on one foot along the line.",
    "Runners step forward into a long lunge and drive back up.",
])
def test_an_instruction_told_of_who_does_it_is_a_cue(sentence: str):
    assert classify(sentence)[0] == "cue"


@pytest.mark.parametrize("sentence", [
    "Runners get tight through the hips after long miles.",  # what happens to them, not what they do
    "Athletes who lift twice a week get injured less often.",
])
def test_what_happens_to_runners_is_no_instruction(sentence: str):
    assert classify(sentence) != ("cue", "movement") and classify(sentence) != ("cue", "setup")
