"""A deterministic synthetic corpus of strength-training-for-runners articles.

Articles recombine sections, exercise names from the extractor's own lexicon,
dosage phrasings with varied numbers, and cue/purpose-like sentences written
for this benchmark (no text is copied from real articles).  A seeded RNG makes
the corpus identical from run to run; every article carries its own number in
the title and its own random choices, so no two articles are identical.
"""
from __future__ import annotations

import random
from pathlib import Path

from runstrength.extract.lexicon import load_exercises

TITLES = [
    "Strength Work for Runners, Plan {n}",
    "{k} Moves Every Runner Should Do (Routine {n})",
    "The Runner's Gym Session No. {n}",
    "Build Durable Legs: Strength Routine {n} for Distance Runners",
    "Stronger Strides {n}: A Home Workout for Runners",
    "Injury-Proof Your Running, Week {n}",
]
INTROS = [
    "Running builds the engine, but strength work keeps the chassis together over long training blocks.",
    "Most running injuries come from tissues that were asked to do more than they were prepared for.",
    "A short strength session twice a week pays off in the last miles of a race.",
    "You do not need a full gym for this plan; a mat and a pair of dumbbells will do.",
    "We put this session together after a season of coaching marathoners through their build.",
    "Strength training improves running economy, so every stride costs a little less energy.",
    "Think of these exercises as maintenance for the parts of the body that absorb every footstrike.",
    "If your hips drop or your knees cave late in a run, the muscles below are usually the reason.",
    "Keep the effort honest but never grind out a rep with poor form.",
    "Beginners can start with bodyweight only and add load once the movement feels smooth.",
]
USAGE = [
    "How to use this workout: do the circuits below {f} and leave a day between sessions.",
    "Do this routine {f}, ideally on an easy running day.",
    "Perform the whole plan {f} during base training and once a week in race season.",
    "Aim for {f}; rest {r} between sets.",
]
FREQS = ["2x/week", "twice a week", "2-3 times per week", "3 days a week", "once or twice a week", "3x per week"]
RESTS = ["60 seconds", "30-45 seconds", "1 minute", "90 seconds", "two minutes"]
SECTIONS = ["Warm Up", "Main Set", "Core Finisher", "Mobility", "Power", "Cool Down", "Activation"]
PURPOSE = [
    "This exercise strengthens the {m} that steady the pelvis on every landing.",
    "It builds the {m} you need to hold your posture late in a long run.",
    "The goal here is to load the {m} through a full range of motion.",
    "This move targets the {m}, which tire quickly on hilly routes.",
    "It helps runners develop control in the {m} and reduces wasted motion.",
    "Use it to wake up the {m} before heavier work.",
]
CUES = [
    "Keep your chest tall and your ribs stacked over your hips.",
    "Drive through the whole foot and squeeze your glutes at the top.",
    "Do not let your knee collapse inward as you lower.",
    "Exhale as you lift and inhale on the way down.",
    "Move slowly on the lowering phase and pause briefly at the bottom.",
    "Brace your core as if someone were about to poke your stomach.",
    "Keep your hips level and avoid twisting through the lower back.",
    "Start with your feet hip-width apart and a soft bend in the knees.",
    "Let your arms hang long and keep your shoulders away from your ears.",
    "If balance is a problem, hold a wall lightly with one hand.",
    "Make it easier by shortening the range until you feel in control.",
    "Press the floor away and keep a straight line from head to heels.",
]
MUSCLES = ["glutes", "hamstrings", "calves", "quads", "hip flexors", "core", "adductors", "obliques", "lower back"]
DOSE_SENTENCES = [
    "Repeat for {r} reps on each leg for {s} sets.",
    "Perform {s} sets of {r} reps.",
    "Do {s} x {r}.",
    "Hold for {t} seconds, then switch sides.",
    "Start with {s} sets of {r} and build up to {s2} sets of {r2}.",
    "Complete {r} reps per side, resting {rest} between rounds.",
    "Aim for {w} slow repetitions.",
    "Hold {t}-{t2} seconds and repeat {s} times.",
]
NUMBER_WORDS = ["six", "eight", "ten", "twelve", "fifteen", "twenty"]
BULLET_DOSES = ["{r}/side", "{r}", "{r}-{r2}", "{s} x {r}", "{t} sec", "{r} each leg", "{s}x{r}", "{t}s hold"]


def _nums(rng: random.Random) -> dict:
    r = rng.randint(5, 15)
    s = rng.randint(2, 4)
    t = rng.choice([15, 20, 30, 40, 45, 60])
    return {"r": r, "r2": r + rng.randint(2, 5), "s": s, "s2": s + 1, "t": t, "t2": t + 15,
            "w": rng.choice(NUMBER_WORDS), "rest": rng.choice(RESTS)}


def _name(rng: random.Random, exercises: list[dict]) -> str:
    e = rng.choice(exercises)
    name = rng.choice([e["canonical"], *e.get("aliases", [])[:3]])
    style = rng.random()
    if style < 0.6:
        return name.title() if rng.random() < 0.5 else name[:1].upper() + name[1:]
    if style < 0.8:
        return name[:1].upper() + name[1:] + "s"
    return name.lower()


def _description(rng: random.Random, name: str, with_dose: bool) -> str:
    parts = [rng.choice(PURPOSE).format(m=rng.choice(MUSCLES))]
    parts += rng.sample(CUES, rng.randint(2, 4))
    if with_dose:
        parts.append(rng.choice(DOSE_SENTENCES).format(**_nums(rng)))
    if rng.random() < 0.3:
        parts.insert(0, f"The {name.lower()} is a staple for runners.")
    return " ".join(parts)


def make_article(n: int, rng: random.Random, exercises: list[dict]) -> str:
    k = rng.randint(4, 9)
    out = [rng.choice(TITLES).format(n=n, k=k), ""]
    out += [" ".join(rng.sample(INTROS, rng.randint(1, 3))), ""]
    out += [rng.choice(USAGE).format(f=rng.choice(FREQS), r=rng.choice(RESTS)), ""]
    names = [_name(rng, exercises) for _ in range(k)]
    layout = rng.random()
    if layout < 0.45:
        # Circuits of bullets, then one paragraph per exercise.
        i, c = 0, 1
        while i < len(names):
            size = rng.randint(2, 3)
            sets = rng.randint(1, 4)
            out += [f"Circuit {c} ({sets} set{'s' if sets > 1 else ''}):", ""]
            for name in names[i:i + size]:
                dose = rng.choice(BULLET_DOSES).format(**_nums(rng))
                out.append(f"  • {name} {dose}")
            out.append("")
            i, c = i + size, c + 1
        out += ["Here is how to do each exercise:", ""]
        for name in names:
            out += [name, "", _description(rng, name, with_dose=False), ""]
    elif layout < 0.8:
        # Numbered headings with prose and a dosage sentence.
        section = None
        for j, name in enumerate(names, 1):
            if j == 1 or rng.random() < 0.25:
                new = rng.choice(SECTIONS)
                if new != section:
                    section = new
                    out += [f"{section}:", ""]
            out += [f"{j}. {name}", "", _description(rng, name, with_dose=True), ""]
    else:
        # Headings, prose and a "Sets/reps" line.
        for name in names:
            nums = _nums(rng)
            out += [name, "", _description(rng, name, with_dose=False),
                    f"Sets and reps: {nums['s']} x {nums['r']}" + (" per side" if rng.random() < 0.4 else ""), ""]
    out += [rng.choice(["Rest {r} between sets and finish with an easy jog.",
                        "Finish with five minutes of easy walking.",
                        "Questions? Ask your coach before adding weight."]).format(r=rng.choice(RESTS)), ""]
    return "\n".join(out)


def generate(raw_dir: Path, n: int, *, seed: int = 20240611) -> list[Path]:
    """Write n articles into raw_dir (article_000000.txt, ...) and return their paths."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    exercises = load_exercises()
    width = max(6, len(str(n)))
    paths = []
    for i in range(n):
        p = raw_dir / f"article_{i:0{width}d}.txt"
        p.write_text(make_article(i + 1, rng, exercises), encoding="utf-8")
        paths.append(p)
    return paths
