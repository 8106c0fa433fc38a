"""Article-level facts (extract/meta.py) and movement signatures (extract/signatures.py).

Every text here is written for the test; none is taken from the seed or dev articles.
"""
from __future__ import annotations

import pytest

from runstrength.extract import lexicon
from runstrength.extract.meta import (clean_title, find_author, find_organization, find_title, opening_headline,
                                      publisher_byline)
from runstrength.extract.signatures import match_signature
from runstrength.extract.text import normalize, split_lines
from runstrength.extract.vocab import is_boilerplate


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


def headline_of(text: str) -> str | None:
    lines = split_lines(normalize(text))
    line = opening_headline(lines, [is_boilerplate(l.text) for l in lines])
    return None if line is None else text[line.start:line.end]


@pytest.mark.parametrize("headline", [
    "Six Moves That Keep Trail Runners Upright.",  # title case, ending like a sentence
    "Should Your Ankles And Feet Get A Strength Session Of Their Own Every Week?",  # too long for an opening question
    "4 simple drills to tidy up your stride.",  # a count of what it offers
    "How to build a stronger core for the hills...",  # a question about the topic, trailing off
    "Lift. Hop. Recover.",  # short pieces
])
def test_a_headline_written_as_a_sentence_is_the_title_when_no_line_is_titleish(headline: str):
    text = f"{headline}\n\nMost of the runners we see have never lifted anything heavier than a water bottle.\n"
    assert title_of(text) is None  # find_title takes a line ending like a sentence for prose
    assert headline_of(text) == headline


@pytest.mark.parametrize("opening", [
    "Good morning everyone!",  # a greeting
    "The following moves will help your recovery.",  # prose that leads into the routine
    "March 2021 update.",  # no headline's shape
])
def test_prose_at_the_top_is_no_headline(opening: str):
    text = f"{opening}\n\nMost of the runners we see have never lifted anything heavier than a water bottle.\n"
    assert headline_of(text) is None


def test_a_headline_needs_to_stand_alone():
    # the first line of a paragraph, not a headline over it
    assert headline_of("Keep Your Knees Happy.\nBend them.\n") is None
    # a paragraph under it on the very next line is fine
    assert headline_of("Keep Your Knees Happy.\nRunners load the knee with several times their body weight at every "
                       "stride, so the muscles around it need to be ready for that.\n") == "Keep Your Knees Happy."


def test_a_pictures_file_name_over_the_headline_is_passed_over():
    text = "Hill drills.PNG\n\nWhy Every Runner Should Do Hill Drills?\n\nHills build strength without a gym.\n"
    assert headline_of(text) == "Why Every Runner Should Do Hill Drills?"


def test_the_headline_is_the_articles_title_but_its_routine_still_starts_at_the_top():
    from runstrength.extract.pipeline import extract_articles
    from runstrength.ingest.reader import RawArticle

    text = ("Strength Basics For New Runners.\n\n"
            "Glute Bridge\nLie on your back with your knees bent and lift your hips. Do 3 sets of 12.\n")
    raw = RawArticle(article_id="t1", source_file="t1.txt", sha256="0" * 64, text=text, encoding="utf-8")
    (art,) = extract_articles([raw])
    assert art.title == "Strength Basics For New Runners."
    assert [e.canonical_name for e in art.exercises] == ["glute bridge"]


def test_title_skips_phone_number_line():
    text = (
        "Call us today: 555-201-7788\n"
        "Knee-Friendly Strength Routine for Runners\n"
        "\n"
        "Sore knees are often a hip problem in disguise.\n"
    )
    assert title_of(text) == "Knee-Friendly Strength Routine for Runners"


def test_title_after_skip_link_site_name_menu_and_breadcrumb():
    text = (
        "Skip to navigation\n"
        "Greenway Sports Physio\n"
        "Home   Services   Our Team   Articles   Contact\n"
        "Home \u203a Articles \u203a Hamstrings\n"
        "\n"
        "Hamstring Strength for Sprinters and Hurdlers\n"
        "\n"
        "Hamstring strains are the injury we treat most often in track athletes, and most of them come back.\n"
    )
    assert title_of(text) == "Hamstring Strength for Sprinters and Hurdlers"


def test_title_after_pipe_bar_with_phone_and_slash_breadcrumb():
    text = (
        "Make an Appointment | Tel 0113 496 0871 | Opening Hours\n"
        "News / Injury Advice\n"
        "\n"
        "Shin Splints: What Helps and What Doesn't\n"
        "\n"
        "Pain along the inside of the shin bone is common when weekly mileage climbs quickly.\n"
    )
    assert title_of(text) == "Shin Splints: What Helps and What Doesn't"


def test_title_over_byline_beats_site_name():
    text = (
        "Northgate Harriers\n"
        "\n"
        "Why I Stopped Skipping the Gym\n"
        "Words: Colm Brady\n"
        "\n"
        "For years I thought lifting would make me slower, so I never did any.\n"
    )
    assert title_of(text) == "Why I Stopped Skipping the Gym"


def test_title_with_standfirst_before_byline():
    text = (
        "The Pacing Post\n"
        "Log In | Join | Shop\n"
        "\n"
        "Ten Minutes That Fix Wobbly Ankles\n"
        "Most sprains start with a foot that cannot control itself on uneven ground, and that can be trained.\n"
        "By Ines Varga\n"
        "\n"
        "Trail runners roll their ankles more than anyone else.\n"
    )
    assert title_of(text) == "Ten Minutes That Fix Wobbly Ankles"


# ---------------------------------------------------------------- organization


def test_organization_from_at_clinic_we():
    text = "At Riverside Physio Clinic, we see plenty of runners with sore Achilles tendons every spring."
    assert find_organization(text) == "Riverside Physio Clinic"


def test_organization_the_writer_speaks_for_whatever_its_words():
    # no word of a business in the name: "we" after it says the writer speaks for it
    assert find_organization("At Kinetic Ember & Pilates in Bristol, we love a strong runner.") == "Kinetic Ember & Pilates"
    assert find_organization("Warm up first. Here at KRX we believe in slow tempo work.") == "KRX"
    # a phrase of time or place after "At" names no business
    for text in ("At first, we all hated lunges.", "At Home we keep it simple.", "At Night, we stretch."):
        assert find_organization(text) is None, text


def test_a_copyright_name_stops_at_its_line_end():
    text = "Finish with the bridges.\n\n\u00a9 2023 Larch Hill Physio\nFOLLOW US\n"
    assert find_organization(text) == "Larch Hill Physio"


def test_organization_from_founder_of():
    text = "Sam Okafor is a running coach and founder of Tempo Performance Lab in Leeds."
    assert find_organization(text) == "Tempo Performance Lab"


def test_organization_here_at():
    text = "Our physios here at Harbourview Sports Medicine treat runners of every level."
    assert find_organization(text) == "Harbourview Sports Medicine"


def test_no_organization_in_plain_prose():
    text = "Strength training twice a week makes most runners faster. At first it may feel awkward."
    assert find_organization(text) is None


def org_of(text: str) -> str | None:
    """Organisation with the page header: the lines above the title."""
    lines = split_lines(normalize(text))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    return find_organization(text, lines[:title.index] if title else ())


def test_organization_from_site_name_over_title():
    text = (
        "Skip to content\n"
        "Copper Beech Running Co\n"
        "Home   Blog   Coaching   Contact\n"
        "\n"
        "Three Hip Drills for Trail Runners\n"
        "\n"
        "Uneven ground asks a lot of the small muscles around the hip.\n"
    )
    assert org_of(text) == "Copper Beech Running Co"
    # a section label over the title names a topic, not the site
    assert org_of(text.replace("Copper Beech Running Co", "Strength & Conditioning")) is None
    # nor does a contact widget's heading
    for widget in ("Connect With Us", "Opening Hours", "Follow Us"):
        assert org_of(text.replace("Copper Beech Running Co", widget)) is None, widget


def test_organization_from_first_item_of_header_bar():
    text = (
        "Westfield Podiatry Clinic | Orthotics | Sports Injuries | Gait Scans\n"
        "\n"
        "Calf Strength for Masters Runners\n"
        "\n"
        "Calf strength drops off faster than most people expect after fifty.\n"
    )
    assert org_of(text) == "Westfield Podiatry Clinic"


def test_organization_from_copyright_footer():
    text = (
        "Finish with the bridges and you are done for the day.\n"
        "\n"
        "\u00a9 2022 Alder Valley Sports Therapy Ltd. All rights reserved.\n"
    )
    assert find_organization(text) == "Alder Valley Sports Therapy"
    # a person's copyright names no business
    assert find_organization("Finish with the bridges and you are done.\n\nCopyright 2021 Maeve Dunne\n") is None


def test_organization_where_the_writer_works():
    text = ("Mina Osei is a Consultant Physiotherapist at the Harbour Clinic of Physical Therapy, and a keen "
            "fell runner.\n\nFinish with the bridges and you are done.\n")
    assert find_organization(text) == "Harbour Clinic of Physical Therapy"


def test_organization_from_a_byline_field_whatever_its_lead():
    # The business after the writer's name, whichever lead word the byline uses ("By", "Author:", "Clinician:")
    for lead in ("By", "Author:", "Clinician:"):
        text = f"Hip Drills for Trail Runners\n{lead} Jo Lee, Harbour Run Physiotherapy\n\nLie on your side.\n"
        assert find_organization(text) == "Harbour Run Physiotherapy", lead


def test_organization_doing_what_a_business_does():
    text = ("Finish with the bridges and you are done.\n\nKestrel Bay Chiropractic focuses on the diagnosis and "
            "treatment of running injuries.\n")
    assert find_organization(text) == "Kestrel Bay Chiropractic"
    # a field of care, not a business
    assert find_organization("Sports Physiotherapy helps runners recover faster after a marathon.") is None


def test_organization_from_the_site_name_after_the_title():
    text = "Marathon Prep Moves | Kestrel Bay Physio\n\nSix weeks out, your legs need more than miles.\n"
    lines = split_lines(normalize(text))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    title_text = text[title.start:title.end]
    # the title as the page prints it; its words before the bar are no writer's name before a role
    assert title_text == "Marathon Prep Moves | Kestrel Bay Physio"
    assert author_of(text) is None
    assert find_organization(text, lines[:title.index], title_text) == "Kestrel Bay Physio"
    # a bar between two halves of a title is no site name
    assert find_organization("Hips and Knees | Week 2 Strength\n\nMore miles.\n", (), "Hips and Knees | Week 2 Strength") is None


def test_a_byline_signed_by_the_business_is_the_organisation():
    assert publisher_byline(None, "Northway Physio") == ("Northway Physio", None)
    assert publisher_byline(None, "Harbour Fitness Loft") == ("Harbour Fitness Loft", None)
    assert publisher_byline("Peak Clinic", "Harbour Fitness Loft") == ("Peak Clinic", None)
    assert publisher_byline(None, "Mina Osei") == (None, "Mina Osei")
    # a university or a magazine signs as no person does
    assert publisher_byline(None, "Eastern Plains University") == ("Eastern Plains University", None)


def test_organization_from_is_a_clinic_sentence():
    text = ("Finish with the bridges and you are done. Pier Road Physio is a small sports injury clinic "
            "on the seafront.")
    assert find_organization(text) == "Pier Road Physio"
    # a person who works at a club
    assert find_organization("Finish with the bridges. Maeve Dunne is a coach at the harbour running club.") is None


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


def test_heading_starting_with_a_valediction_word_is_no_sign_off():
    text = ("Best Moves for Sore Knees\n\nWall Sit\n\n"
            "Slide down a wall until the knees are bent and hold it there for half a minute.\n")
    assert author_of(text) is None


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


@pytest.mark.parametrize(
    "byline,name",
    [
        ("Posted 2 June 2022 by Orla Kennedy, Sports Physiotherapist and Pilates Instructor", "Orla Kennedy"),
        ("By Tobias Fairweather-Lund, BSc Sport Science | Last updated: 8 May 2024", "Tobias Fairweather-Lund"),
        ("Written by Sunita Rao, PT, DPT, Orthopaedic Clinical Specialist, Riverside Outpatient Therapy",
         "Sunita Rao"),
        ("Published by Dr Felix Amara (Sports Physician) on 19 November 2023", "Dr Felix Amara"),
        ("Coach Rosa Delgado | 2 April 2024 | 5 min read", "Rosa Delgado"),
        ("Ewan McAllister | Strength Coach", "Ewan McAllister"),
        ("Words: Kit Halloran", "Kit Halloran"),
        ("By Physiotherapist, Mina Osei", "Mina Osei"),
        ("By personal trainer Arlo Vance", "Arlo Vance"),
        ("Ewan McAllister \u2013 Strength Coach", "Ewan McAllister"),
        # a blog template's writer line: its picture's alt text glued to the name, a first name alone too
        ("Writer's pictureMina Osei", "Mina Osei"),
        ("Writer's pictureMina", "Mina"),
    ],
)
def test_author_from_byline_shapes(byline, name):
    text = f"Stronger Calves in Six Weeks\n{byline}\n\nCalf strength is the base of every stride you take.\n"
    assert author_of(text) == name


@pytest.mark.parametrize("signature,name", [
    ("Mina Osei, PT, DPT, CSCS", "Mina Osei"),
    ("Dr. Arlo Vance DC", "Dr. Arlo Vance"),
    ("Dr.Arlo Vance MS", "Dr.Arlo Vance"),
    ("Ewan McAllister, B.Sc., M.C.S.P.", "Ewan McAllister"),
])
def test_a_name_with_only_qualifications_after_it_is_the_writers_signature(signature: str, name: str):
    body = "Calf strength is the base of every stride, and most runners never train it. " * 3
    # at the end of the page as well as over the title
    assert author_of(f"Stronger Calves in Six Weeks\n\n{body}\n\n{signature}\n") == name
    text = f"{signature}\n\nStronger Calves in Six Weeks\n\n{body}\n"
    assert author_of(text) == name
    assert title_of(text) == "Stronger Calves in Six Weeks"
    assert org_of(text) is None


def test_capitalised_words_and_capitals_are_no_signature():
    body = "Calf strength is the base of every stride, and most runners never train it. " * 3
    for line in ("Glute Bridge, SL", "Single Leg RDL", "Side Plank HOLD"):
        assert author_of(f"Stronger Calves in Six Weeks\n\n{body}\n\n{line}\n") is None, line
    # a name and a role signs the page (test_author_credited_by_a_role), credentials or not
    assert author_of(f"Stronger Calves in Six Weeks\n\n{body}\n\nMina Osei, Head Coach and Founder\n") == "Mina Osei"


@pytest.mark.parametrize("stamp", ["3 min read \u00b7 May 2, 2023", "- Feb 4", "14 March 2023"])
def test_a_name_alone_over_the_posts_date_under_the_title_is_its_writer(stamp: str):
    text = f"Kettlebell Chaos\n\nMina Osei\n{stamp}\n\nThe humble kettlebell is all you need for this one.\n"
    lines = split_lines(normalize(text))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    assert title is not None and text[title.start:title.end] == "Kettlebell Chaos"
    assert find_author(lines, text, title) == "Mina Osei"


def test_a_word_that_opens_with_a_months_letters_is_no_date():
    # "Marching 20" once read as "Mar" + "ching 20", a post's stamp under a writer's name
    text = "Kettlebell Chaos\n\nMina Osei\nMarching 20\n\nThe humble kettlebell is all you need for this one.\n"
    lines = split_lines(normalize(text))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    assert find_author(lines, text, title) is None


def test_a_heading_over_a_date_is_no_writer():
    for text in ("Hill Sprints\n14 March 2023\n\nHills build the calves, and these sprints build them faster.\n",
                 "Kettlebell Chaos\n\nConnect With Us\n14 March 2023\n\nThe humble kettlebell is all you need.\n"):
        lines = split_lines(normalize(text))
        title = find_title(lines, [is_boilerplate(l.text) for l in lines])
        assert find_author(lines, text, title) is None


@pytest.mark.parametrize("line,name", [
    ("Mina Osei is a Sports Physiotherapist at a clinic by the river, and here she shares her five moves.",
     "Mina Osei"),
    ("Dr. Vance is a board certified chiropractic sports physician who treats runners of every level.", "Dr. Vance"),
    ("Hi runners! My name is Arlo Vance and I coach the Tuesday group.", "Arlo Vance"),
])
def test_the_writer_introduced_in_the_text_is_the_author(line: str, name: str):
    text = f"Stronger Calves in Six Weeks\n\n{line}\n\nCalf strength is the base of every stride you take.\n"
    assert author_of(text) == name


def test_a_byline_comes_before_an_introduction_and_a_move_is_no_writer():
    text = ("Stronger Calves\nBy Jo Bloggs\n\nMina Osei is a physiotherapist who treats runners.\n")
    assert author_of(text) == "Jo Bloggs"
    # what a move is, said the same way, names no writer
    assert author_of("Stronger Calves\n\nSingle Leg Bridge is a great exercise for runners.\n") is None


def test_author_from_a_sign_off_on_one_line():
    body = "Calf strength is the base of every stride, and most runners never train it."
    assert author_of(f"Stronger Calves\n\n{body}\n\nCheers, Jo.\n") == "Jo"
    assert author_of(f"Stronger Calves\n\n{body}\n\nHappy running, Mina Osei!\n") == "Mina Osei"
    assert author_of(f"Stronger Calves\n\n{body}\n\nCheers, and see you on Tuesday.\n") is None


def test_author_credited_by_a_role():
    # a signature line: the name, then the role (a first name alone, as staff pages sign)
    assert author_of("Finish with the bridges.\n\nOrla Byrne \u2013 Senior Sports Physiotherapist\n") == "Orla Byrne"
    assert author_of("Finish with the bridges.\n\nTeo - Physio\n") == "Teo"
    # a name after its role in a sentence
    assert author_of("Weak hips cost miles. Our physiotherapist Dara Quinn explains what to do.\n") == "Dara Quinn"
    assert author_of("This plan was put together by club coach Ines Moreau over the winter.\n") == "Ines Moreau"
    # a move or a business before a role is no writer
    assert author_of("Finish with the bridges.\n\nSide Plank - Physio\n") is None


def test_author_from_a_byline_after_a_dash_on_the_titles_own_line():
    text = "Hill Drills for Runners \u2013 By Mina Osei, Physiotherapist\n\nHills load the calves, so train them first.\n"
    lines = split_lines(normalize(text))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    assert title is not None and text[title.start:title.end].startswith("Hill Drills for Runners")
    assert find_author(lines, text, title) == "Mina Osei"


def test_name_and_date_line_is_a_byline_under_the_title_only():
    body = "Calf strength is the base of every stride, and most runners never train it. " * 3
    assert author_of(f"Stronger Calves in Six Weeks\nNiamh Carter \u00b7 4 May 2024\n\n{body}\n") == "Niamh Carter"
    # below the body it heads a comment
    assert author_of(f"Stronger Calves in Six Weeks\n\n{body}\n\nNiamh Carter \u00b7 4 May 2024\nLoved it.\n") is None
    # capitalised words after "By" without a separator are no name
    assert author_of("Stronger Calves\nBy Doing These Moves you will run taller for longer.\n") is None


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


def test_signature_towel_calf_stretch_and_seated_foot_stretch():
    towel = match_signature("Sit on the floor with your legs out in front. Wrap a strap around the ball of your foot and pull "
                            "the ends gently towards you until the calf stretches.")
    assert towel is not None and (towel["canonical"], towel["name"]) == ("calf stretch", "Towel calf stretch")
    foot = match_signature("Sit on a chair and rest your foot across your knee. Using one hand, pull your toes back towards "
                           "your shin to stretch the arch.")
    assert foot is not None and (foot["canonical"], foot["name"]) == ("plantar fascia stretch", "Seated plantar fascia stretch")
    # standing at a wall, it is the plain calf stretch
    wall = match_signature("Stand facing a wall with your back leg straight and heel down. Lean forward until you feel "
                           "a stretch in your calf.")
    assert wall is not None and wall["name"] == "Calf stretch"


def test_a_stretch_felt_in_the_calf_is_no_quad_stretch():
    # the foot pulled, with no word of the thigh: the quad stretch's grip group and its optional ones used to
    # carry it
    for par in ("Sitting down, hook a strap under your foot and gently draw it back until you feel a stretch in the "
                "calf. Hold for 20 seconds. Later, stand facing a wall.",
                "Standing, hold the wall and pull your foot gently until you feel a stretch in the calf. Hold for 20 "
                "seconds."):
        sig = match_signature(par)
        assert sig is None or sig["canonical"] != "quad stretch", par
    # a wall stretch whose moved-back leg is kept straight is the calf stretch
    wall = match_signature("Face a wall with both hands on it. Take one foot a big step back, keeping the knee straight, "
                           "and lean in until the calf of that leg stretches. Hold 20 seconds.")
    assert wall is not None and wall["name"] == "Calf stretch"


def test_signatures_of_a_knee_leaflets_moves_in_its_own_words():
    # a leaflet says "brace", "blanket", "off the bed", "on a chair": the moves, not an ankle pump that also
    # starts by pulling the toes up
    cases = {
        "Lying flat, draw your toes up and brace your knee down against the bed for a slow count of five.":
            "quad set",
        "Lie on your back with a rolled blanket underneath your knee and lift your heel off the bed. Hold for five "
            "seconds.": "short arc quad",
        "Lie on your back, pull your toes up, tighten the muscles on the front of your thigh to straighten your knee "
        "and lift the leg off the bed.":
            "straight leg raise",
        "Cross your arms, stand up tall, then lower yourself back down on a chair.": "sit to stand",
    }
    for text, canonical in cases.items():
        sig = match_signature(text)
        assert sig is not None and sig["canonical"] == canonical, (text, sig and sig["canonical"])


def test_signature_superman_needs_the_face_down_position():
    lying = match_signature("Lie face down with your arms extended. Lift your arms and legs off the floor and hold for "
                            "3 seconds, squeezing your glutes.")
    assert lying is not None and lying["canonical"] == "superman"
    # the same lift and reach done standing on one leg is a balance, not a superman
    standing = match_signature("Stand on your right leg. Lift your left foot back and extend your arms out to the sides "
                               "until your chest is level with the floor. Hold for 3 seconds, then switch legs.")
    assert standing is None or standing["canonical"] != "superman"


def test_signature_seated_knee_straightening_is_no_quad_stretch():
    # A quad stretch (thigh, "pull your ...") tied with it and came first in the file before "straighten" ruled it out.
    par = ("Sit on a chair with your back against it and pull your toes up. Squeeze your thigh and straighten your knee, hold for "
           "five seconds, then let the foot down.")
    sig = match_signature(par)
    assert sig is not None and sig["canonical"] == "long arc quad"


@pytest.mark.parametrize("par,canonical", [
    ("Sit with your legs out straight. Pull your toes towards you, then point them away, moving your foot up "
     "and down for a minute.", "ankle pump"),
    ("With your foot off the floor, trace the letters of the alphabet with your big toe.", "ankle alphabet"),
    ("Put a tea towel on the floor under your foot and scrunch it up towards you by curling your toes.",
     "towel scrunch"),
    ("Tip a few marbles onto the floor and pick them up with your toes, one by one, into a cup.", "marble pickup"),
    ("Face a wall with both hands on it and one foot behind the other. Keeping your back leg straight and the heel "
     "down, lean in until the calf stretches. Hold 30 seconds.", "calf stretch"),
    ("Hands on the wall, one foot back: bend both knees with the heels down until you feel the lower calf "
     "stretch. Hold 30 seconds.", "soleus stretch"),
    ("Stand on one leg next to a counter in case you need support and balance for 30 seconds.",
     "single-leg balance"),
    ("Lying on your back, pull one knee up to your chest with both hands and hold for 20 seconds.",
     "knee to chest stretch"),
    ("Stand holding a chair. Bend your knee to bring your heel up behind you, then lower it slowly.",
     "hamstring curl"),
])
def test_signature_of_a_leaflet_movement(par, canonical):
    sig = match_signature(par.lower())
    assert sig is not None and sig["canonical"] == canonical


@pytest.mark.parametrize("par,not_canonical", [
    # a quad stretch pulls the heel up with the hand: no knee bend in standing
    ("Stand holding a chair and hold your ankle, pulling your heel towards your bottom until the front of the "
     "thigh stretches.", "hamstring curl"),
    # lifting the heel off the towel is the inner range exercise, not the static one
    ("Lie on your back with a rolled towel under the knee and lift your heel off the bed, keeping the back of the "
     "knee down. Hold 5 seconds.", "quad set"),
    # a strict signature needs its telling detail (the straight back leg, the heel down), not only the setting
    ("Plenty of runners lean into a wall and stretch the calf hard when the tendon is sore; we leave that out "
     "for now.", "calf stretch"),
    # a calf raise lifts the heels: not a calf stretch
    ("Stand with your hands on the wall and rise up onto your toes, then lower your heels slowly.",
     "calf stretch"),
])
def test_signature_leaves_a_lookalike_movement_alone(par, not_canonical):
    sig = match_signature(par.lower())
    assert sig is None or sig["canonical"] != not_canonical


def test_signature_intro_paragraph_matches_nothing():
    par = ("Running is a repetitive sport, and every stride asks your legs to absorb two to three times "
           "your body weight. A little strength work each week goes a long way.")
    assert match_signature(par) is None


# ---------------------------------------------------------------- handouts, e-mails, forums


@pytest.mark.parametrize(
    "byline,name",
    [
        ("Prepared by: Imogen Castellano, PT, DPT", "Imogen Castellano"),
        ("From: Coach Hamish Ferreira <hamish@example.org>", "Hamish Ferreira"),
        ("Answer from coach Bettina Kraus (Level 3 coach) \u00b7 Accepted answer", "Bettina Kraus"),
        ("Companion notes | Written by Odile Marchetti, DPT | Video length 14:02", "Odile Marchetti"),
    ],
)
def test_author_from_handout_mail_and_forum_bylines(byline, name):
    text = f"Stronger Calves in Six Weeks\n{byline}\n\nCalf strength is the base of every stride you take.\n"
    assert author_of(text) == name


def test_title_over_byline_past_form_fields_and_letterhead_address():
    text = (
        "KESTREL BAY PHYSIOTHERAPY\n"
        "Outpatient Wing, 3rd Floor, 27 Marram Street\n"
        "\n"
        "Home Exercise Program\n"
        "Knee Control Exercises for Trail Runners\n"
        "\n"
        "Name: ____________________   Date: ____________\n"
        "\n"
        "Prepared by: Imogen Castellano, PT\n"
        "\n"
        "Do these exercises on three days of each week, after your run.\n"
    )
    assert title_of(text) == "Knee Control Exercises for Trail Runners"


def test_title_of_a_newsletter_is_its_subject():
    text = (
        "From: Coach Hamish Ferreira <hamish@example.org>\n"
        "Date: Mon, 4 Nov 2024 08:10\n"
        "Subject: Tuesday Club Notes, Number 31\n"
        "\n"
        "ASHCOMBE STRIDERS\n"
        "Tuesday Club Notes, Number 31\n"
        "\n"
        "Hello everyone,\n"
    )
    assert title_of(text) == "Tuesday Club Notes, Number 31"
    assert org_of(text) == "ASHCOMBE STRIDERS"


def test_title_of_a_forum_thread_is_the_question_over_its_byline():
    text = (
        "TrailTalk Forum\n"
        "Log in | Sign up\n"
        "\n"
        "Are lunges enough for hill races? Three weeks to go.\n"
        "\n"
        "Asked by hill_goat_88 \u00b7 2 days ago\n"
        "\n"
        "I have a hilly 15K coming up and only do lunges twice a week at the moment.\n"
    )
    assert title_of(text) == "Are lunges enough for hill races? Three weeks to go."


def test_organization_from_company_name_of_a_shop_header():
    text = (
        "Saltmarsh Outfitters Ltd. | Gear for every trail\n"
        "\n"
        "Three Band Moves for Stronger Ankles\n"
        "\n"
        "Ankles take a beating on rough ground.\n"
    )
    assert org_of(text) == "Saltmarsh Outfitters Ltd."


def test_organization_is_the_copyright_owner_when_the_header_adds_a_word():
    text = (
        "PaceHive Forum\n"
        "Log in | Sign up\n"
        "\n"
        "Three Band Moves for Stronger Ankles\n"
        "\n"
        "Ankles take a beating on rough ground.\n"
        "\n"
        "\u00a9 2023 PaceHive\n"
    )
    assert org_of(text) == "PaceHive"


# ---------------------------------------------------------------- round 3: cards, letters, shop and brand headers


@pytest.mark.parametrize(
    "byline,name",
    [
        ("Level: Easy | Duration: 35 min | Equipment: a step and a band | Designed by Lucia Varga, club coach",
         "Lucia Varga"),
        ("From the desk of Coach Emrys Talbot, Saltcliff Harriers", "Emrys Talbot"),
    ],
)
def test_author_from_workout_card_and_letter_bylines(byline, name):
    text = f"Stronger Calves in Six Weeks\n{byline}\n\nCalf strength is the base of every stride you take.\n"
    assert author_of(text) == name


def test_organization_from_the_affiliation_of_a_byline():
    text = ("Hill Legs: A Four-Week Plan\n"
            "From the desk of Coach Emrys Talbot, Saltcliff Endurance Coaching\n\n"
            "Hills punish weak quads, so this month we build them.\n")
    assert find_organization(text) == "Saltcliff Endurance Coaching"
    # a role after the name is no business
    assert find_organization("Hill Legs\nWritten by Emrys Talbot, DPT, Sports Physiotherapist\n\nHills punish weak quads.\n") is None


def test_organization_site_names_with_small_words_and_coined_brands():
    text = ("Walk to Marathon\n"
            "Home | Plans | Stories | Shop\n\n"
            "Three Band Moves for Stronger Ankles\n\n"
            "Ankles take a beating on rough ground.\n")
    assert org_of(text) == "Walk to Marathon"
    # a coined brand word keeps a name that also names the topic
    assert org_of(text.replace("Walk to Marathon", "FitFifty Runners")) == "FitFifty Runners"


def test_title_under_a_company_name_in_capitals():
    text = ("MILLBROOK LANE RUNNING CO.\n"
            "Shop | Trail | Road | Sale\n\n"
            "Three Band Moves for Stronger Ankles\n"
            "By Ines Marlowe | Shop Notes\n\n"
            "Ankles take a beating on rough ground.\n")
    assert title_of(text) == "Three Band Moves for Stronger Ankles"
    assert org_of(text) == "MILLBROOK LANE RUNNING CO."


def test_author_with_accented_name():
    text = "Rebuilding After a Calf Tear\n\nWritten by Inés Carvalho, Physiotherapist | 2 June\n\nMost calf tears heal well.\n"
    assert author_of(text) == "Inés Carvalho"


def test_author_byline_with_surgeon_role():
    text = "Shin Pain in Runners\n\nMaria Okonjo, Consultant Orthopaedic Surgeon | Knee & Hip\n\nShin pain is common.\n"
    assert author_of(text) == "Maria Okonjo"


def test_author_from_longer_sign_off_with_coach_title():
    text = (
        "Tick off one box on the chart each time you finish.\n"
        "\n"
        "See you on the track,\n"
        "Coach Rhys Tallow\n"
    )
    assert author_of(text) == "Rhys Tallow"


def test_web_view_link_of_a_mailing_is_boilerplate():
    assert is_boilerplate("View this email in your browser")
    assert is_boilerplate("Having trouble viewing this message? Open it online")
    assert not is_boilerplate("View the exercise in the video below")


def test_a_pages_counters_are_boilerplate():
    # a document host's counters alone on their line, never a move counted
    for line in ("1 views", "0 download", "2.3k shares", "14 Likes"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("10 lunges")
    # a site builder's skip link
    assert is_boilerplate("top of page") and is_boilerplate("Back to top")
    assert not is_boilerplate("Top tip: keep the knee soft")
    assert not is_boilerplate("12 shares of the plan went out")
    # a document-sharing site's stats line: counters and the file's size together
    for line in ("3 downloads 415 Views 1.2MB Size", "12 Pages 640 KB"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("2 sets 12 reps") and not is_boilerplate("3 x 10 reps")


def test_title_of_a_handout_is_its_full_form_under_the_byline():
    text = (
        "FAIRWAY PHYSIO CLINIC\n"
        "\n"
        "EXERCISE SHEET\n"
        "Prepared by: Dana Holt, Physiotherapist\n"
        "\n"
        "Ankle Sprain Recovery - Exercise Sheet\n"
        "\n"
        "Do these exercises every day until your ankle feels strong again, and stop if anything hurts.\n"
    )
    assert title_of(text) == "Ankle Sprain Recovery - Exercise Sheet"
    assert org_of(text) == "FAIRWAY PHYSIO CLINIC"


def test_a_sentence_ending_with_the_title_is_not_its_full_form():
    text = (
        "Core Work for Trail Runners\n\n"
        "This week we look at core work for trail runners\n\n"
        "Rocky descents ask your trunk to hold you steady while your legs do the steering.\n"
    )
    assert title_of(text) == "Core Work for Trail Runners"


NEWSLETTER_PIECE = (
    "CEDAR VALE HARRIERS\n"
    "\n"
    "FROM THE TREASURER\n"
    "\n"
    "Subs are due at the end of the month, and the new club vests have arrived at last, so do collect yours.\n"
    "\n"
    "Best wishes,\n"
    "Ruth Amos\n"
    "\n"
    "CORE STRENGTH CORNER: THREE MOVES FOR WINTER\n"
    "by Idris Vale, Head Coach\n"
    "\n"
    "Do these three times a week after an easy run.\n"
)


def test_title_of_a_newsletter_piece_is_the_heading_over_its_byline():
    assert title_of(NEWSLETTER_PIECE) == "CORE STRENGTH CORNER: THREE MOVES FOR WINTER"


def test_author_is_the_byline_under_the_title_before_an_earlier_sign_off():
    lines = split_lines(normalize(NEWSLETTER_PIECE))
    title = find_title(lines, [is_boilerplate(l.text) for l in lines])
    assert find_author(lines, NEWSLETTER_PIECE, title) == "Idris Vale"
    assert find_author(lines, NEWSLETTER_PIECE) == "Ruth Amos"  # with no title: the first cue in the text


# ---------------------------------------------------------------- round 4: video pages, forum posts, printed leaflets


@pytest.mark.parametrize(
    "line",
    [
        "\u25b6 Play video",
        "Trouble loading? Watch it on YouTube instead.",
        "Share   Save to playlist   Embed",
        "Reply   Quote   Like (12)",
        "Like \u00b7 Reply \u00b7 Flag",
        "Tweet",
        "Quoting hillgoat_77: \"Lunges wrecked my knees.\"",
        "trailmouse wrote:",
    ],
)
def test_video_player_and_forum_post_chrome_is_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Squat like you are sitting into a low chair", "Share the load between both legs.",
                                  "Reply to each set with a short rest", "Watch your knees on the way down"])
def test_sentences_with_button_words_are_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "byline,name",
    [
        ("Presented by Ottilie Brandt, DPT \u00b7 9 April 2025 \u00b7 22:10", "Ottilie Brandt"),
        ("Hosted by Caspar Lindgren | Strength coach", "Caspar Lindgren"),
        ("Clinician: Beatrix Ollerenshaw, Physiotherapist", "Beatrix Ollerenshaw"),
        ("Therapist: Naveen Coutts", "Naveen Coutts"),
        ("Prescribed by: Greta Halloran, MSK Physio", "Greta Halloran"),
    ],
)
def test_author_from_video_presenter_and_handout_clinician_fields(byline, name):
    text = f"Stronger Calves in Six Weeks\n{byline}\n\nCalf strength is the base of every stride you take.\n"
    assert author_of(text) == name


def test_author_is_not_a_button_bar_under_a_thank_you():
    text = ("Which glute moves for a first marathon?\n\n"
            "My hips ache after twenty miles and I have no idea where to start with strength work.\n\n"
            "Thanks!\n\n"
            "Reply   Quote   Like (2)\n")
    assert author_of(text) is None


def test_author_from_a_post_signature_under_its_dashes():
    # below the body, where a "Name | role" line is no longer read as a byline
    text = ("Which glute moves for a first marathon?\n\n"
            "Do bridges and side planks twice a week and keep at it for two months before you judge them. Add a "
            "set every fortnight, keep the reps slow and controlled, and stop any move that makes your knee ache.\n\n"
            "--\n"
            "Rosalind Achebe | Endurance coach | Fenwick Trail Club\n"
            "\"Easy days easy, hard days hard.\"\n")
    assert author_of(text) == "Rosalind Achebe"


def test_organization_of_a_letterhead_over_its_contact_line():
    text = ("WILLOWBANK PHYSIO & REHAB\n"
            "Unit 9, Tanner Row, Hexham NE46 1AB  \u00b7  Tel 01434 602 117\n\n"
            "Shin Splints - Stage 2\n\n"
            "Do these exercises on four days a week.\n")
    assert org_of(text) == "WILLOWBANK PHYSIO & REHAB"
    # the same name without the contact line under it reads as a heading about rehab
    assert org_of(text.replace("Unit 9, Tanner Row, Hexham NE46 1AB  \u00b7  Tel 01434 602 117\n", "")) is None


def test_organization_split_over_two_letterhead_lines():
    text = ("Marlow Vale Community Hospitals\n"
            "Public Health Partnership Trust\n\n"
            "Patient information\n\n"
            "Hip Strength Exercises for Runners\n\n"
            "Do these exercises three times a week.\n")
    assert org_of(text) == "Marlow Vale Community Hospitals Public Health Partnership Trust"


def test_organization_is_the_company_before_the_part_of_its_site():
    text = ("Blackthorn Running Co. Stories\n"
            "Shop   Races   Stories\n\n"
            "Three Band Moves for Stronger Ankles\n\n"
            "Ankles take a beating on rough ground.\n")
    assert org_of(text) == "Blackthorn Running Co."


def test_title_of_a_handout_is_the_condition_under_its_form_heading():
    text = ("CASTLEGATE PHYSIO CLINIC\n"
            "\n"
            "HOME EXERCISE PROGRAMME\n"
            "\n"
            "Patellar Tendon Pain - Phase 1\n"
            "\n"
            "Complete these exercises once a day.\n")
    assert title_of(text) == "Patellar Tendon Pain - Phase 1"
    # with nothing more specific under it, the form heading is the title
    plain = "Castlegate\n\nHome Exercise Programme\n\nDo these exercises every day after your run, and stop if they hurt.\n"
    assert title_of(plain) == "Home Exercise Programme"


LEAFLET = (
    "Harrowmere District Hospitals\n"
    "Health Services Trust\n"
    "\n"
    "Patient information\n"
    "\n"
    "Exercises for Runners with Shin Pain\n"
    "\n"
    "Do these exercises three times a week.\n"
    "\n"
    "Shin pain leaflet | ref HDH/0042\n"
    "Page 1 of 3\n"
    "\n"
    "Harrowmere District Hospitals\n"
    "Health Services Trust\n"
    "\n"
    "Calf raise\n"
    "Rise onto your toes and lower slowly.\n"
    "\n"
    "Shin pain leaflet | ref HDH/0042\n"
    "Page 2 of 3\n"
    "\n"
    "Harrowmere District Hospitals\n"
    "Health Services Trust\n"
    "\n"
    "Toe raise\n"
    "Lift your toes towards your shins.\n"
    "\n"
    "Shin pain leaflet | ref HDH/0042\n"
    "Page 3 of 3\n"
)


def test_running_heads_of_a_printed_leaflet():
    from runstrength.extract.meta import running_heads

    lines = split_lines(normalize(LEAFLET))
    heads = {lines[i].text for i in running_heads(lines)}
    assert heads == {"Harrowmere District Hospitals", "Health Services Trust", "Shin pain leaflet | ref HDH/0042"}
    # the letterhead printed on every page is no title
    boiler = [is_boilerplate(l.text) or i in running_heads(lines) for i, l in enumerate(lines)]
    title = find_title(lines, boiler)
    assert title is not None and title.text == "Exercises for Runners with Shin Pain"
    assert find_organization(LEAFLET, lines[:title.index]) == "Harrowmere District Hospitals Health Services Trust"


def test_no_running_heads_without_page_marks():
    from runstrength.extract.meta import running_heads

    lines = split_lines(normalize(LEAFLET.replace("Page ", "Part ")))
    assert running_heads(lines) == set()


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Issue #9 – Hills are speedwork in disguise", "Hills are speedwork in disguise"),
        ("Ep. 14: Strength for the over-fifties", "Strength for the over-fifties"),
        ('"Two bad knees and one stubborn coach"', "Two bad knees and one stubborn coach"),
        ("“Five moves, zero excuses”", "Five moves, zero excuses"),
        ("‘Calf pain – a loading plan for runners’", "Calf pain – a loading plan for runners"),
        ("‘Easy’ days and ‘hard’ days", "‘Easy’ days and ‘hard’ days"),
        # a quotation inside the title is part of it
        ('Reader question: "Do I need weights?"', 'Reader question: "Do I need weights?"'),
        ("Issue 12", "Issue 12"),
    ],
)
def test_title_loses_its_issue_number_and_surrounding_quotes(line, title):
    assert clean_title(line) == title


def test_a_date_line_is_never_the_title():
    text = (
        "3 March, 2024\n"
        "Notes From the Track\n\n"
        "Climbing asks a lot of the hips, and a few short sessions a week help them cope with it.\n"
    )
    assert title_of(text) == "Notes From the Track"


def test_a_date_a_piece_a_line_under_the_title_is_not_the_title():
    # a blog theme prints the post's date as a month and a day, each on its line, between title and byline
    text = (
        "Six Moves for Stronger Ankles\n\nMarch\n\n14\n\nby Jo Bloggs | Physiotherapist\n\n"
        "Weak ankles give way on rough trails, and these moves help them cope.\n"
    )
    assert title_of(text) == "Six Moves for Stronger Ankles"


def test_a_question_opening_the_page_is_its_title():
    text = (
        "14 May, 2023\n"
        "Should I lift weights before a marathon?\n"
        "Many runners wonder whether the gym will leave their legs heavy for the long run, so here is how to fit it in.\n"
    )
    assert title_of(text) == "Should I lift weights before a marathon?"


def test_an_exclamation_opening_the_page_is_its_title_but_a_greeting_is_not():
    text = (
        "Tuesday, 4 March 2014\n\n"
        "Tune up your hills this spring!\n\n"
        "Nothing builds climbing legs like a few minutes of work in the garden after an easy run.\n"
    )
    assert title_of(text) == "Tune up your hills this spring!"
    greeting = (
        "Hi everyone!\n\n"
        "Nothing builds climbing legs like a few minutes of work in the garden after an easy run.\n"
    )
    assert title_of(greeting) is None


def test_a_title_under_a_promotion_or_a_writer_line_is_still_found():
    promo = (
        "Book your first assessment today and save twenty percent on your initial consultation fee.\n\n"
        "Three Hip Drills Every Trail Runner Needs\n\n"
        "Trails throw your hips around, and these drills teach them to cope with it.\n"
    )
    assert title_of(promo) == "Three Hip Drills Every Trail Runner Needs"
    writer_first = (
        "By Jo Bloggs, Physiotherapist\n\n"
        "Spring Running Reset\n\n"
        "As the evenings get lighter, most of us head out more often, and our calves feel it first.\n"
    )
    assert title_of(writer_first) == "Spring Running Reset"


def test_a_menu_laid_out_as_a_list_over_the_title_is_looked_past():
    text = (
        "\u2022 Harbour Notes\n"
        "  \u2022 Posts\n"
        "  \u2022 Three Hip Drills Every Trail Runner Needs\n\n"
        "Three Hip Drills Every Trail Runner Needs\n\n"
        "Trails throw your hips around, and these drills teach them to cope with it.\n"
    )
    assert title_of(text) == "Three Hip Drills Every Trail Runner Needs"


def test_a_routine_heading_under_the_intro_is_no_title():
    lead_in = ("The following strengthening exercises are designed to build your calves for the hills.\n\n"
               "Calf Strengthening - Basic Exercises\n\nStand on a step and lower your heels slowly.\n")
    assert title_of(lead_in) is None  # the intro points on: the routine has begun
    for heading in ("The Workout", "Heel walks", "1. Strength exercises for runners", "Routine 1: strength split",
                    "Why balance exercises matter", "Key Points for Your Strength Workout", "More hip drills >>"):
        text = (
            "Most of us stop doing anything but run when the weather turns and the evenings get dark.\n\n"
            f"{heading}\n\n"
            "Walk on your heels for twenty steps, keeping your toes off the floor.\n"
        )
        assert title_of(text) is None, heading


def test_a_promotion_line_and_a_label_line_are_never_the_title():
    promo = (
        "Achy Ankles\n\n"
        "Want a printable copy? Sign up to our newsletter below:\n\n"
        "Runners often ignore the small muscles around the knee until they start to complain about it.\n"
    )
    assert title_of(promo) == "Achy Ankles"
    label = (
        "Evening Flow\n\n"
        "Targets: ankles, calves, hips\n\n"
        "Ankle Circles - draw slow circles with each foot for half a minute on each side.\n"
    )
    assert title_of(label) == "Evening Flow"


def test_a_link_set_between_chevrons_is_boilerplate():
    assert is_boilerplate(">> See the lunge demo on our channel <<")
    assert not is_boilerplate("Hips >> knees for landing")


def test_a_byline_ending_its_own_sentence_names_the_author_and_a_plan_fact_above_it_is_no_title():
    text = ("Hill Plans For New Runners\n\nPlan Length: 6 Weeks\n\n"
            "Written by Coach Ann Berry. There are plans for every level on the site, pick the one that fits.\n\n"
            "The workout\n\n- Goblet squat x 10\n")
    assert author_of(text) == "Ann Berry"
    assert title_of(text) == "Hill Plans For New Runners"


def test_an_editors_or_reviewers_line_is_neither_title_nor_author():
    text = ("Edited by: Sam Hill, MS, CSCS\n"
            "This dumbbell session is built to make you stronger week by week.\n\n"
            "Warm-up\n1. Goblet squat - 10 reps\n2. Reverse lunge - 8 each side\n")
    assert title_of(text) is None
    assert author_of(text) is None
    text = ("Hamstring Strength for Sprinters\n\nMedically reviewed by Dr Jo Lee, DPT\n\n"
            "Nordic curls build the muscle where it tears.\n")
    assert title_of(text) == "Hamstring Strength for Sprinters"
    assert author_of(text) is None


@pytest.mark.parametrize("line", ["Make an enquiry", "Send enquiry", "Enquire now", "Close",
                                  "This field is for validation purposes and should be left unchanged.",
                                  "Based on 1,204 reviews", "powered by Google"])
def test_contact_form_and_review_widget_parts_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Close grip push-up", "Keep your feet close together", "Enquiries about the plan"])
def test_words_of_a_contact_form_in_other_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_a_date_line_with_the_posts_categories_is_not_the_title():
    assert title_of("June 2, 2021 \u2022 Training\n\nHill Strength for Runners\n\nHills build the calves.\n") == (
        "Hill Strength for Runners")
    assert title_of("June 2, 2021 | Strength, Injury\n\nWhy your knees hurt on hills\n\nHills load the knee.\n") == (
        "Why your knees hurt on hills")


@pytest.mark.parametrize("stamp", ["Published March 4, 2022", "Posted on 4 March 2022", "Last updated: 4-Mar-22",
                                   "Updated: Mar 4", "04 March 2022 Strength Tips"])
def test_a_date_said_as_when_the_post_went_up_is_not_the_title(stamp: str):
    # the stamp right over the byline, where a title would be
    text = f"Hill Strength for Runners\n{stamp}\nBy Jo Bloggs\n\nHills build the calves, and these moves build them faster.\n"
    assert title_of(text) == "Hill Strength for Runners"


def test_a_date_followed_by_a_sentence_is_no_date_line():
    from runstrength.extract.meta import DATE_LINE_RE
    assert not DATE_LINE_RE.fullmatch("March 4 2022 squats felt heavy")
    assert not DATE_LINE_RE.fullmatch("Mar 4")  # a month and a day alone, without "Updated", may be a heading's
