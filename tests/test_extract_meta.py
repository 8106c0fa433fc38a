"""Article-level facts (extract/meta.py) and movement signatures (extract/signatures.py).

Every text here is written for the test; none is taken from the seed or dev articles.
"""
from __future__ import annotations

import pytest

from runstrength.extract import lexicon
from runstrength.extract.assemble import is_boilerplate
from runstrength.extract.meta import find_author, find_organization, find_title
from runstrength.extract.signatures import match_signature
from runstrength.extract.text import normalize, split_lines


def title_of(text: str) -> str | None:
    lines = split_lines(normalize(text))
    line = find_title(lines, [is_boilerplate(l.text) for l in lines])
    return None if line is None else text[line.start:line.end]


def author_of(text: str) -> str | None:
    return find_author(split_lines(normalize(text)), text)


# ---------------------------------------------------------------- title


def test_title_topical_line_beats_site_tagline():
    text = (
        "Northside Movement | Physio and Pilates\n"
        "Five Hip Exercises Every Marathoner Needs\n"
        "\n"
        "Marathon training puts a lot of load through your hips, so we asked our physios to pick five moves.\n"
    )
    assert title_of(text) == "Five Hip Exercises Every Marathoner Needs"


def test_title_after_site_name_ending_in_abbreviation():
    text = (
        "Northside Movement Co.\n"
        "Five Hip Exercises Every Marathoner Needs\n"
        "\n"
        "Marathon training puts a lot of load through your hips, so we asked our physios to pick five moves.\n"
    )
    assert title_of(text) == "Five Hip Exercises Every Marathoner Needs"


def test_title_first_line_when_already_topical():
    text = (
        "Core Work for Ultra Runners\n"
        "Posted in Blog\n"
        "\n"
        "Long days on the trail tire the trunk long before the legs give out.\n"
    )
    assert title_of(text) == "Core Work for Ultra Runners"


def test_prose_first_article_has_no_title():
    text = (
        "Most runners we see in clinic skip strength work because they think it will make them bulky.\n"
        "\n"
        "Glute Bridge\n"
        "Lie on your back with your knees bent.\n"
    )
    assert title_of(text) is None


def test_title_skips_phone_number_line():
    text = (
        "Call us today: 555-201-7788\n"
        "Knee-Friendly Strength Routine for Runners\n"
        "\n"
        "Sore knees are often a hip problem in disguise.\n"
    )
    assert title_of(text) == "Knee-Friendly Strength Routine for Runners"


# ---------------------------------------------------------------- organization


def test_organization_from_at_clinic_we():
    text = "At Riverside Physio Clinic, we see plenty of runners with sore Achilles tendons every spring."
    assert find_organization(text) == "Riverside Physio Clinic"


def test_organization_from_founder_of():
    text = "Sam Okafor is a running coach and founder of Tempo Performance Lab in Leeds."
    assert find_organization(text) == "Tempo Performance Lab"


def test_organization_here_at():
    text = "Our physios here at Harbourview Sports Medicine treat runners of every level."
    assert find_organization(text) == "Harbourview Sports Medicine"


def test_no_organization_in_plain_prose():
    text = "Strength training twice a week makes most runners faster. At first it may feel awkward."
    assert find_organization(text) is None


# ---------------------------------------------------------------- author


def test_author_from_about_the_author_block():
    text = (
        "Finish with the calf raises and you are done.\n"
        "\n"
        "About the author\n"
        "Priya Raman is a physiotherapist who has coached runners for ten years.\n"
    )
    assert author_of(text) == "Priya Raman"


def test_author_from_byline():
    text = "Three Moves for Stronger Ankles\nBy Jane Doe\n\nAnkle sprains are common on trails.\n"
    assert author_of(text) == "Jane Doe"


def test_author_from_sign_off():
    text = (
        "Give these a go for the next month and let us know how your running feels.\n"
        "\n"
        "Cheers,\n"
        "Tom Whitfield\n"
    )
    assert author_of(text) == "Tom Whitfield"


def test_no_author_without_cue():
    text = "Glute Bridge\nLie on your back with your knees bent.\nPress through your heels.\n"
    assert author_of(text) is None


# ---------------------------------------------------------------- signatures


def test_signature_canonical_names_present():
    canon = {s["canonical"] for s in lexicon.load_signatures()}
    assert {"plank", "clamshell", "side plank", "glute bridge"} <= canon


def test_signature_plank_without_the_word():
    par = ("Rest on your forearms with your elbows under your shoulders and come up onto your toes. "
           "Keep a straight line from your head to your heels and hold for 30 seconds without letting your hips drop.")
    sig = match_signature(par)
    assert sig is not None and sig["canonical"] == "plank"


def test_signature_clamshell_description():
    par = ("Lie on your side with your hips and knees bent and your feet together. "
           "Keeping your feet touching, open your top knee as far as you can without rolling your pelvis back, "
           "then lower it slowly.")
    sig = match_signature(par)
    assert sig is not None and sig["canonical"] == "clamshell"


def test_signature_intro_paragraph_matches_nothing():
    par = ("Running is a repetitive sport, and every stride asks your legs to absorb two to three times "
           "your body weight. A little strength work each week goes a long way.")
    assert match_signature(par) is None
