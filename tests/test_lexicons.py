"""Consistency checks for the curated lexicons in src/runstrength/extract/data."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from runstrength.extract import lexicon
from runstrength.extract.lexicon import (
    EXERCISE_CATEGORIES,
    data_files,
    load_ambiguous_equipment,
    load_equipment,
    load_exercises,
    load_muscles,
    load_regions,
    load_signatures,
)


# ---------------------------------------------------------------- helpers


def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for e in load_exercises():
        for name in [e["canonical"], *e["aliases"]]:
            index[name] = e["canonical"]
    return index


def _resolve(mapping: dict[str, list[str]], surface: str) -> str | None:
    for key, variants in mapping.items():
        if surface == key or surface in variants:
            return key
    return None


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text) is not None


def _signature_hits(paragraph: str) -> list[str]:
    """Minimal reference matcher for the signature schema (whole-word phrase matching)."""
    text = " ".join(paragraph.lower().split())
    hits = []
    for sig in load_signatures():
        if any(_has(text, p) for p in sig["none_of"]):
            continue
        if not all(any(_has(text, p) for p in group) for group in sig["all_of"]):
            continue
        score = sum(1 for group in sig["any_of"] if any(_has(text, p) for p in group))
        if score >= sig["min_any"]:
            hits.append(sig["canonical"])
    return hits


# ---------------------------------------------------------------- exercises


def test_exercise_count() -> None:
    assert len(load_exercises()) >= 200


def test_canonicals_unique_and_lower_case() -> None:
    names = [e["canonical"] for e in load_exercises()]
    dup = [n for n, c in Counter(names).items() if c > 1]
    assert not dup, dup
    assert all(n == n.lower() and n.strip() == n and n for n in names)


def test_aliases_lower_case_and_unambiguous() -> None:
    exercises = load_exercises()
    canon = {e["canonical"] for e in exercises}
    owner: dict[str, str] = {}
    problems = []
    for e in exercises:
        for a in e["aliases"]:
            if a != a.lower() or a.strip() != a or not a:
                problems.append(f"not lower case/trimmed: {a!r}")
            if a in canon and a != e["canonical"]:
                problems.append(f"alias {a!r} of {e['canonical']!r} is the canonical of another entry")
            if a in owner and owner[a] != e["canonical"]:
                problems.append(f"alias {a!r} in {owner[a]!r} and {e['canonical']!r}")
            owner[a] = e["canonical"]
    assert not problems, problems


def test_categories_and_isometric() -> None:
    for e in load_exercises():
        assert e["category"] in EXERCISE_CATEGORIES, e
    # raw file values must be real booleans, not strings
    import yaml

    raw = yaml.safe_load((lexicon.DATA_DIR / lexicon.EXERCISES_FILE).read_text(encoding="utf-8"))
    assert all(isinstance(e["isometric"], bool) for e in raw)
    assert set(raw[0]) == {"canonical", "category", "aliases", "muscles", "equipment", "isometric"}


def test_every_category_is_represented() -> None:
    cats = Counter(e["category"] for e in load_exercises())
    assert set(cats) == EXERCISE_CATEGORIES


def test_exercise_muscles_and_equipment_are_known() -> None:
    muscles = load_muscles()
    equipment = load_equipment()
    known_m = set(muscles) | {v for vs in muscles.values() for v in vs}
    known_q = set(equipment) | {v for vs in equipment.values() for v in vs}
    for e in load_exercises():
        for m in e["muscles"]:
            assert m in known_m, (e["canonical"], m)
        for q in e["equipment"]:
            assert q in known_q, (e["canonical"], q)


# ---------------------------------------------------------------- muscles / equipment


@pytest.mark.parametrize("loader", [load_muscles, load_equipment])
def test_variants_unique_across_keys(loader) -> None:
    mapping = loader()
    owner: dict[str, str] = {}
    for key, variants in mapping.items():
        assert key == key.lower()
        assert variants, key
        for v in variants:
            assert v == v.lower(), v
            assert owner.get(v, key) == key, (v, owner.get(v), key)
            owner[v] = key
    for key in mapping:
        assert owner.get(key, key) == key, f"key {key!r} is a variant of {owner[key]!r}"


def test_regions_are_not_muscles() -> None:
    regions = load_regions()
    assert {"hips", "knees", "ankles", "thoracic spine"} <= set(regions)
    muscle_surface = set(load_muscles()) | {v for vs in load_muscles().values() for v in vs}
    assert not set(regions) & muscle_surface
    assert "regions" not in load_muscles()


def test_ambiguous_equipment_terms() -> None:
    amb = load_ambiguous_equipment()
    assert {"weight", "weights", "bar"} <= set(amb)
    surface = {v for vs in load_equipment().values() for v in vs}
    assert set(amb) <= surface
    assert "ambiguous" not in load_equipment()


# ---------------------------------------------------------------- signatures


def test_signatures_refer_to_exercises() -> None:
    canon = {e["canonical"] for e in load_exercises()}
    sigs = load_signatures()
    assert len(sigs) >= 30
    for s in sigs:
        assert s["canonical"] in canon, s["canonical"]
        assert s["all_of"] or s["any_of"], s["canonical"]
        assert s["name"]
        assert 0 <= s["min_any"] <= len(s["any_of"])
        for group in [*s["all_of"], *s["any_of"], s["none_of"]]:
            assert all(p == p.lower() and p.strip() for p in group), (s["canonical"], group)


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Rest on your forearms with elbows under your shoulders and toes tucked. Keep a straight line "
         "from head to heels and hold for 30 seconds.", "plank"),
        ("Lie on your side with your elbow under your shoulder and feet stacked. Lift your hips so your "
         "body forms a straight line and hold.", "side plank"),
        ("Start on your forearms in a straight line. Push up onto your hands one hand at a time into a "
         "high plank, then lower back down to your forearms, alternating the lead arm.", "plank to push-up"),
        ("Lie on your back with knees bent and feet flat. Lift your hips until there is a straight line "
         "from shoulders to knees, squeeze your glutes, then lower.", "glute bridge"),
        ("Lie on your back with one knee bent and extend the other leg. Lift your hips, keep your hips "
         "level, and switch sides after the set.", "single-leg glute bridge"),
        ("Stand with feet shoulder-width apart. Push your hips back and bend your knees until your thighs "
         "are parallel to the floor, keeping your chest up, then stand back up.", "squat"),
        ("Take a big step forward and lower until your back knee hovers above the floor. Push off the "
         "front heel to return to standing and alternate legs.", "lunge"),
        ("Step one foot back and lower until both knees reach 90 degrees, then drive through the front "
         "heel to return to standing.", "reverse lunge"),
        ("Lie on your side with knees bent and feet together. Open your top knee like a clam without "
         "rolling back, keeping the band around your knees.", "clamshell"),
        ("Lie on your side and lift your top leg with the knee straight and toes pointing forward, then "
         "slowly lower.", "side-lying hip abduction"),
        ("Start on hands and knees. Extend your opposite arm and leg, keep a flat back, pause, then "
         "return to start and switch sides.", "bird dog"),
        ("Lie on your back with arms toward the ceiling and knees over your hips. Slowly lower the "
         "opposite arm and leg toward the floor while keeping your lower back flat.", "dead bug"),
        ("Place a mini band around your ankles, sink into a quarter squat and step sideways to the "
         "right, keeping tension on the band.", "lateral band walk"),
    ],
)
def test_signatures_discriminate(paragraph: str, expected: str) -> None:
    hits = _signature_hits(paragraph)
    assert hits == [expected], hits


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Sit on the floor with knees bent, lean back to about 45 degrees and lift your feet off the floor. Holding a medicine ball, rotate your torso from side to side, tapping the ball beside your hip.", "russian twist"),
        ("Lie on your back with knees bent and feet flat, hands behind your head. Curl up, lifting your shoulder blades off the floor, then slowly lower.", "crunch"),
        ("Stand with your back against a wall and slide down until your knees are at 90 degrees, as if sitting in an imaginary chair. Hold for 45 seconds; your thighs will burn.", "wall sit"),
        ("From a high plank with hands under your shoulders, drive one knee toward your chest, then switch legs quickly, keeping your hips level.", "mountain climber"),
        ("Start on all fours. Keeping your knee bent at 90 degrees, lift one leg so the sole of your foot presses toward the ceiling. Squeeze your glutes and lower. Switch legs after 12 reps.", "donkey kick"),
        ("Begin on hands and knees. Keeping the knee bent, lift your leg out to the side without shifting your weight, then lower and repeat on the other side.", "fire hydrant"),
        ("Lie face down with arms extended overhead. Lift your arms, chest and legs off the floor, squeeze your glutes and hold for three seconds before lowering.", "superman"),
        ("Stand tall, hinge at the hips and touch the floor with straight legs. Walk your hands out to a high plank, then walk your feet toward your hands and stand up.", "inchworm"),
        ("Kneel on one knee with the other foot in front. Tuck your pelvis and shift your weight forward until you feel a stretch in the front of your hip. Hold for 30 seconds.", "hip flexor stretch"),
        ("Place your heel on a step with the leg straight and hinge forward with a flat back until you feel a stretch in your hamstring. Hold 30 seconds.", "hamstring stretch"),
        ("Standing near a wall for balance, grab your ankle and pull your heel toward your butt, keeping knees together, until you feel a stretch in the front of your thigh.", "quad stretch"),
        ("From all fours, bring your right knee forward behind your wrist with the front shin angled across the mat and extend the back leg straight behind you. Fold forward onto your forearms to feel a stretch in your glute.", "pigeon stretch"),
        ("Sit facing the cable machine with arms extended, pull the handle toward your stomach with elbows close, squeeze your shoulder blades together and slowly return.", "cable row"),
        ("Stand on the edge of a step and rise up onto your toes as high as you can, pause, then slowly lower your heels below the step. Feel it in your calves.", "calf raise"),
        ("Place your whole foot on a box at knee height. Drive through the heel to stand tall on top, then slowly step back down. Alternate legs.", "step-up"),
        ("Balance on one leg with a soft knee. Hinge forward, letting the free leg extend behind you until your torso is parallel to the floor, keeping your hips square, then return to standing.", "single-leg deadlift"),
        ("Loop a mini band around your ankles. In a half squat, walk forward in diagonal steps, keeping tension on the band the whole time.", "monster walk"),
        ("Stand in a split stance with one foot forward. Lower until your back knee nearly touches the floor, keeping your feet in place, then rise. Do all reps on one side, then switch.", "split squat"),
        ("Rest the top of your rear foot on a bench behind you. Lower until your back knee nearly touches the floor, keeping the front foot planted and your torso upright.", "bulgarian split squat"),
        ("Lie on your back with one knee bent and the other leg straight. Tighten your quad and lift the straight leg to the height of the other knee, then slowly lower it.", "straight leg raise"),
        ("Take a wide step out to the side, push your hips back and bend the stepping knee while keeping the other leg straight. Push off to return to the start.", "lateral lunge"),
        ("Start in a forearm plank. Press up onto your hands one arm at a time into a high plank, then return to your forearms, alternating the lead arm and keeping your hips still.", "plank to push-up"),
        ("With hands slightly wider than your shoulders and body in a straight line, bend your elbows to lower your chest toward the floor, then push back up.", "push-up"),
        ("Sit down and roll the sole of your foot slowly back and forth over a golf ball for a minute.", "foot roll"),
    ],
)
def test_signatures_more_descriptions(paragraph: str, expected: str) -> None:
    hits = _signature_hits(paragraph)
    assert hits == [expected], hits


def test_signature_ignores_unrelated_text() -> None:
    assert _signature_hits("Strength work twice a week helps runners stay healthy and run faster.") == []
    assert _signature_hits("Lie on the ground with arms straight out to the side and bring the dumbbells together over your chest.") == []


# ---------------------------------------------------------------- spot checks


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("press up", "push-up"),
        ("press-up", "push-up"),
        ("pushup", "push-up"),
        ("rdl", "romanian deadlift"),
        ("sl rdl", "single-leg deadlift"),
        ("bulgarian split squat", "bulgarian split squat"),
        ("up-down plank", "plank to push-up"),
        ("paloff press", "pallof press"),
        ("valsilde leg curl", "slider hamstring curl"),
        ("heel drops", "eccentric calf raise"),
        ("blade squeezes", "scapular retraction"),
        ("tke", "terminal knee extension"),
        ("saq", "short arc quad"),
        ("a skip", "a-skip"),
        ("butt kicks", "butt kick"),
        ("grapevine", "carioca"),
        ("side leg raises", "side-lying hip abduction"),
        ("world’s greatest stretch", "world's greatest stretch"),
        ("½ kneel t-spine rotation", "thoracic rotation"),
        ("copenhagen", "copenhagen plank"),
        ("it band foam roll", "foam roll it band"),
        ("oyster", "clamshell"),
        ("calve raises", "calf raise"),
        ("resisted side stepping", "lateral band walk"),
        ("lateral shoulder raise", "lateral raise"),
        ("heel lowering", "eccentric calf raise"),
        ("doming", "short foot"),
        ("runner's stretch", "hamstring stretch"),
        ("iron cross", "supine twist"),
        ("vrksasana", "tree pose"),
        ("warrior 2", "warrior ii"),
        ("the hundred", "pilates hundred"),
        ("single leg circles", "leg circle"),
        ("legs-up-the-wall", "legs up the wall"),
    ],
)
def test_exercise_alias_spot_checks(surface: str, canonical: str) -> None:
    idx = _alias_index()
    # the matcher folds a trailing plural "s", so plurals need not be listed
    found = idx.get(surface) or (idx.get(surface[:-1]) if surface.endswith("s") else None)
    assert found == canonical


def test_close_variants_stay_distinct() -> None:
    idx = _alias_index()
    for a, b in [
        ("goblet squat", "back squat"),
        ("squat", "squat jump"),
        ("split squat", "bulgarian split squat"),
        ("plank", "side plank"),
        ("deadlift", "single-leg deadlift"),
        ("glute bridge", "single-leg glute bridge"),
        ("straight leg raise", "leg raise"),
    ]:
        assert idx[a] != idx[b], (a, b)


def test_isometric_flags() -> None:
    iso = {e["canonical"]: e["isometric"] for e in load_exercises()}
    for name in ["plank", "side plank", "wall sit", "glute bridge hold", "copenhagen plank", "hamstring stretch"]:
        assert iso[name] is True, name
    for name in ["squat", "push-up", "glute bridge", "clamshell", "squat jump"]:
        assert iso[name] is False, name


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("tva", "transverse abdominis"),
        ("transverse abdominus", "transverse abdominis"),
        ("glute med", "gluteus medius"),
        ("quads", "quadriceps"),
        ("vmo", "vastus medialis"),
        ("hammies", "hamstrings"),
        ("psoas", "hip flexors"),
        ("inner thigh", "hip adductors"),
        ("it-band", "it band"),
        ("delts", "shoulders"),
        ("plantar flexors", "calves"),
        ("knee flexors", "hamstrings"),
        ("inside of your thigh", "hip adductors"),
        ("dorsiflexors", "tibialis anterior"),
        ("lumbar extensors", "lower back"),
        ("posterior muscles", "posterior chain"),
        ("leg muscles", "leg muscles"),
        ("sartorius", "sartorius"),
        ("stabilizer muscles", "stabilizers"),
        ("soleus muscle", "calves"),
        ("lower abs", "abdominals"),
        ("foot and ankle muscles", "stabilizers"),
        ("adductor muscles", "hip adductors"),
    ],
)
def test_muscle_spot_checks(surface: str, canonical: str) -> None:
    assert _resolve(load_muscles(), surface) == canonical


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("stability ball", "swiss ball"),
        ("db", "dumbbell"),
        ("kb", "kettlebell"),
        ("theraband", "band"),
        ("hip circle", "mini-band"),
        ("valslide", "sliders"),
        ("plyo box", "box"),
        ("doorframe", "door"),
        ("cuff weight", "ankle weight"),
        ("med ball", "medicine ball"),
        ("wall ball", "medicine ball"),
        ("balloon", "balloon"),
        ("stack of books", "book"),
        ("step stool", "step"),
        ("gallon jug", "water bottle"),
        ("wrist weights", "wrist weight"),
        ("theragun", "massage gun"),
        ("squat pad", "barbell pad"),
        ("resistance loop", "mini-band"),
        ("book", "book"),
        ("seated calf machine", "weight machine"),
        ("seated calf raise machine", "weight machine"),
        ("toe spacers", "toe separator"),
        ("pressure biofeedback unit", "biofeedback"),
        ("rebounder", "trampoline"),
        ("resistance cord", "band"),
    ],
)
def test_equipment_spot_checks(surface: str, canonical: str) -> None:
    assert _resolve(load_equipment(), surface) == canonical


def test_data_files_listed() -> None:
    names = {p.name for p in data_files()}
    assert {"exercises.yaml", "muscles.yaml", "equipment.yaml", "signatures.yaml"} <= names
    assert all(p.is_file() for p in data_files())


def test_loaders_are_cached() -> None:
    assert load_exercises() is load_exercises()
    assert load_signatures() is load_signatures()


def test_bare_labels_are_written_as_the_reader_compares_them() -> None:
    # The reader folds a line to single spaces, straight apostrophes and spaces for hyphens before it looks
    # the line up; an entry written otherwise ("set-up") could never match.
    from runstrength.extract.label_readers import _bare_label
    from runstrength.extract.vocab import vocab

    labels = vocab()["bare_labels"]
    assert {w for w in labels if _bare_label(w) != w} == set()
    assert _bare_label("how-to:") in labels and _bare_label("set-up") in labels
