"""Pure text steps of ingest: decoding, cleaning, Markdown rendering, sidecar parsing."""
from __future__ import annotations

import codecs

import pytest

from runstrength.ingest.decode import Undecodable, clean_field, clean_text, declared_charset, decode_bytes
from runstrength.ingest.markdown import render_lines
from runstrength.ingest.sidecar import InvalidSidecar, parse_json_sidecar, split_front_matter

PROSE = "It’s a “simple” plan — run ½ mile, then do café squats. Keep your hips level.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PROSE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PROSE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + PROSE.encode("utf-32-le"), "utf-32"),
    ],
)
def test_decode_unicode_encodings(data: bytes, encoding: str) -> None:
    got = decode_bytes(data)
    assert got.text == PROSE
    assert got.encoding == encoding
    assert not got.detected


def test_decode_cp1252_is_detected_not_cp1250() -> None:
    got = decode_bytes(PROSE.encode("cp1252"))
    assert got.text == PROSE  # "½" stays "½", not cp1250's "˝"
    assert got.encoding == "cp1252"
    assert got.detected


def test_decode_latin1() -> None:
    text = "Übungen für Läufer: crème brûlée, ±3 sets ×2, naïve résumé.\n"
    assert decode_bytes(text.encode("latin-1")).text == text


def test_decode_mostly_utf8_with_stray_cp1252_byte() -> None:
    data = "It’s café time, don’t stop now".encode("utf-8").replace("é".encode("utf-8"), b"\xe9")
    got = decode_bytes(data)
    fixed, flags = clean_text(got.text)
    assert fixed == "It’s café time, don’t stop now"
    assert "mojibake_repaired" in flags


def test_declared_html_charset_is_used() -> None:
    head = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert declared_charset(head) == "cp1252"
    assert declared_charset(b'<meta charset="utf-8">') == "utf-8"
    assert declared_charset(b'<meta charset="no-such-codec">') is None
    data = head + "<p>It’s ½</p>".encode("cp1252")
    assert "It’s ½" in decode_bytes(data, declared=declared_charset(head)).text


@pytest.mark.parametrize(
    "data",
    [
        b"Squats \x81\x8d\x8f\x90\x9d lunges\n",
        bytes(range(0x80, 0x100)) * 3,
        b"\xff\xfe\xd8",  # UTF-16 BOM with a truncated code unit
    ],
)
def test_undecodable(data: bytes) -> None:
    with pytest.raises(Undecodable):
        decode_bytes(data)


def test_clean_text_repairs_mojibake_but_keeps_curly_quotes() -> None:
    broken = "It’s ‘curly’ — ½".encode("utf-8").decode("cp1252")
    assert broken.startswith("Itâ€™s")
    fixed, flags = clean_text(broken + "\n“Keep” these ‘quotes’.\n")
    assert fixed == "It’s ‘curly’ — ½\n“Keep” these ‘quotes’.\n"
    assert flags == ("mojibake_repaired",)


def test_clean_text_leaves_clean_text_identical() -> None:
    text = "Café “quoted” — ½ ﬁne ｗide\ttab\x0cform feed\n"
    fixed, flags = clean_text(text)
    assert fixed is text
    assert flags == ()


def test_clean_text_line_ends_and_nfc() -> None:
    fixed, flags = clean_text("a\r\nb\rc\n\rCafe\u0301\r\n")
    assert fixed == "a\nb\nc\n\nCafé\n"
    assert set(flags) == {"newlines_normalized", "nfc_normalized"}


def test_clean_field() -> None:
    assert clean_field("  Jane \n Physio ") == "Jane Physio"
    assert clean_field("   ") is None
    assert clean_field(None) is None
    assert clean_field("Caf\u0065\u0301 Clinicâ€™s") == "Café Clinic’s"


def test_render_lines_markdown() -> None:
    md = (
        "# Main *title*\n\n"
        "Para with \\*literal\\* star, snake\\_case, snake_case, 3 * 10 and 3*10, a [link](http://x) "
        "and *emph*, `code`, **bold**, __strong__.\n\n"
        "### Sub three ###\n\n"
        "1. First step\n2. Second **strong**\n\n"
        "* Star bullet\n+ Plus bullet\n- Outer\n  - Inner item\n\n"
        "> Quoted coach\n\n"
        "| Exercise | Sets | \n|---|---|\n| Squat | 3 | \n\n"
        "Setext title\n============\n\n---\n\n\n\n"
        "```\n**kept** in code\n```\n"
    )
    assert render_lines(md) == (
        "Main title\n\n"
        "Para with *literal* star, snake_case, snake_case, 3 * 10 and 3*10, a link and emph, code, bold, strong.\n\n"
        "Sub three\n\n"
        "1. First step\n2. Second strong\n\n"
        "- Star bullet\n- Plus bullet\n- Outer\n  - Inner item\n\n"
        "Quoted coach\n\n"
        "| Exercise | Sets |\n\n| Squat | 3 |\n\n"
        "Setext title\n\n"
        "**kept** in code\n"
    )


def test_render_lines_empty() -> None:
    assert render_lines("") == ""
    assert render_lines("\n\n---\n") == ""


def test_json_sidecar_fields_and_aliases() -> None:
    got = parse_json_sidecar(
        b'{"Title": " Strength ", "organisation": "Clinic", "authors": ["A B", "C D"], '
        b'"url": "https://x.example/a", "licence": "CC-BY-4.0", "retrieved_at": "2024-05-01", '
        b'"published": 2023, "unknown": {"nested": 1}}'
    )
    assert got == {
        "title": "Strength", "organization": "Clinic", "author": "A B, C D", "url": "https://x.example/a",
        "license": "CC-BY-4.0", "retrieved": "2024-05-01", "published": "2023",
    }


@pytest.mark.parametrize("data", [b"{not json", b"[1, 2]", b'{"title": {"x": 1}}', b"\xff\xfe{}", b'{"author": true}'])
def test_json_sidecar_invalid(data: bytes) -> None:
    with pytest.raises(InvalidSidecar):
        parse_json_sidecar(data)


def test_front_matter() -> None:
    body, fields, error = split_front_matter("---\ntitle: Hips\nretrieved: 2024-05-01\n---\n\n# Hips\nText\n")
    assert body == "# Hips\nText\n"
    assert fields == {"title": "Hips", "retrieved": "2024-05-01"}
    assert error is None


def test_front_matter_absent_or_just_a_rule() -> None:
    text = "---\nSquats for runners\n---\nText\n"
    assert split_front_matter(text) == (text, None, None)
    assert split_front_matter("title: x\n") == ("title: x\n", None, None)
    unclosed = "---\ntitle: x\nno end\n"
    assert split_front_matter(unclosed) == (unclosed, None, None)


def test_front_matter_invalid_yaml_is_removed_and_reported() -> None:
    body, fields, error = split_front_matter("---\ntitle: [unclosed\n---\nText\n")
    assert body == "Text\n"
    assert fields == {}
    assert error and "YAML" in error


def test_ascii_text_is_never_mojibake() -> None:
    # ftfy's badness patterns need non-ASCII characters: plain ASCII is returned untouched.
    from ftfy.badness import is_bad

    from runstrength.ingest.decode import repair_mojibake

    sample = "".join(chr(i) for i in range(32, 127)) * 3 + "\n\tA 3x10 -- set; 'quote' \"double\""
    assert not is_bad(sample)
    assert repair_mojibake(sample) is sample
    assert repair_mojibake("Itâ€™s") == "It\u2019s"


def test_is_bad_agrees_with_ftfy_near_and_far_from_ascii() -> None:
    """The windowed search gives ftfy's own verdict: strings mixing ASCII prose with the characters
    mojibake is made of (every class of ftfy's badness pattern), with matches at the very start,
    at the end and deep inside long ASCII stretches."""
    import random

    from ftfy.badness import MOJIBAKE_CATEGORIES
    from ftfy.badness import is_bad as ftfy_is_bad

    from runstrength.ingest.decode import is_bad

    odd = "".join(MOJIBAKE_CATEGORIES.values()).replace("-", "") + "ÂÃÎÐ°²³×ØÙà√≈‚ÄвЂВГРСΒΓΞΟβ€ā’“”–"
    ascii_bits = ["a", "Z", " ", "\n", ".", ",", "?", "x", "run ", "the knee ", "3 sets of 10. "]
    rng = random.Random(20261122)
    agreed = bad = 0
    for _ in range(20_000):
        parts = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.5:
                parts.append("".join(rng.choice(odd) for _ in range(rng.randint(1, 4))))
            else:
                parts.append(rng.choice(ascii_bits) * rng.randint(1, 30))
        text = "".join(parts)
        assert is_bad(text) == ftfy_is_bad(text), repr(text)
        agreed += 1
        bad += ftfy_is_bad(text)
    # Both verdicts were exercised often.
    assert 2_000 < bad < agreed - 2_000
    assert is_bad("Itâ€™s") and not is_bad("It’s a clean “quote” – fine")
    # Matches that need ASCII characters two places from the non-ASCII run ("a Â ", "ГўВЂВ.a").
    assert is_bad("aaaa Â bbbb") and is_bad("xxxxГўВЂВ.axxxx")
