"""Reading raw directories: formats, encodings, metadata, bad input, discovery."""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import socket
import time
from collections import Counter
from pathlib import Path

import pytest

from runstrength.ingest import reader
from runstrength.ingest.reader import NoArticles, RawArticle, read_all, read_article, read_one

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Strength for runners\n\nDo 3 sets of 10 squats, twice a week.\n"

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Strength Training for Runners | Example Sports Clinic</title>
<meta name="author" content="Jane Physio">
<meta property="og:site_name" content="Example Sports Clinic">
<meta property="og:title" content="Strength Training for Runners">
<meta property="article:published_time" content="2023-04-05">
<link rel="canonical" href="https://clinic.example/strength-for-runners">
</head><body>
<header><a href="/">Home</a> <a href="/about">About us</a> Menu header text</header>
<nav><ul><li><a href="/services">Services nav link</a></li><li><a href="/contact">Contact nav link</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
<article>
<h1>Strength Training for Runners</h1>
<p>Runners who lift get fewer injuries. This routine takes twenty minutes and needs only a bench and a
resistance band, so it fits after an easy run.</p>
<h2>Circuit 1</h2>
<ul><li>Calf raises: 3 sets of 15 reps</li><li>Glute bridges: 3 sets of 12 reps</li>
<li>Side plank: hold 30 seconds per side</li></ul>
<p>Keep your hips level during every movement and breathe out as you push through the floor.</p>
<h2>Circuit 2</h2>
<p>Do these <strong>twice a week</strong> on days without a hard session, and it’s fine to rest ½ minute.</p>
</article>
<div class="share">Share on Facebook Share on Twitter</div>
<footer>Copyright 2023 Example Sports Clinic footer. Privacy policy.</footer>
</body></html>
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_single(raw: Path, name: str, data: bytes | str) -> RawArticle:
    write(raw / name, data)
    articles, rejects = read_all(raw)
    assert rejects == []
    assert len(articles) == 1
    return articles[0]


def reasons(rejects) -> dict[str, str]:
    return {r.key: r.reason for r in rejects}


# -- seeds -------------------------------------------------------------------

def test_seed_articles_unchanged() -> None:
    raw = ROOT / "raw"
    articles, rejects = read_all(raw)
    assert rejects == []
    paths = sorted(raw.glob("*.txt"))
    assert [a.source_file for a in articles] == [p.name for p in paths]
    for a, p in zip(articles, paths):
        assert a.text == p.read_text(encoding="utf-8")
        assert a.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
        assert a.article_id == p.stem
        assert a.encoding == "utf-8"
        assert a.format == "txt"
        assert a.flags == ()
        assert a.metadata() == {} and a.overrides() == {}


def test_existing_positional_constructor_still_works() -> None:
    a = RawArticle("id", "id.txt", "0" * 64, "text", "utf-8")
    assert a.format == "txt" and a.title is None and a.flags == ()


# -- formats -----------------------------------------------------------------

def test_txt(tmp_path: Path) -> None:
    a = read_single(tmp_path, "a.txt", GOOD)
    assert (a.text, a.format, a.encoding, a.article_id, a.source_file) == (GOOD, "txt", "utf-8", "a", "a.txt")


def test_md_with_front_matter(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Hip strength for runners\nauthor: Sam Coach\norganization: Run Clinic\n"
        "url: https://run.example/hips\nlicense: CC-BY-4.0\nretrieved: 2024-05-01\n---\n"
        "# Hip strength\n\nDo **3 sets** of these:\n\n* Clamshells: 15 reps\n* Side plank: 30 s\n"
    )
    a = read_single(tmp_path, "hips.md", md)
    assert a.format == "md"
    assert a.text == "Hip strength\n\nDo 3 sets of these:\n\n- Clamshells: 15 reps\n- Side plank: 30 s\n"
    assert a.metadata() == {
        "title": "Hip strength for runners", "author": "Sam Coach", "organization": "Run Clinic",
        "url": "https://run.example/hips", "license": "CC-BY-4.0", "retrieved": "2024-05-01",
    }
    assert a.overrides() == {"title": "Hip strength for runners", "organization": "Run Clinic", "author": "Sam Coach"}
    assert "front_matter" in a.flags


def test_txt_front_matter_removed(tmp_path: Path) -> None:
    a = read_single(tmp_path, "a.txt", "---\nurl: https://x.example\n---\n" + GOOD)
    assert a.text == GOOD
    assert a.url == "https://x.example"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("name", ["page.html", "page.htm"])
def test_html_saved_page(tmp_path: Path, name: str, no_network: None) -> None:
    a = read_single(tmp_path, name, HTML_PAGE)
    lines = a.text.split("\n")
    assert a.format == "html"
    for line in (
        "Strength Training for Runners",
        "Circuit 1",
        "Circuit 2",
        "- Calf raises: 3 sets of 15 reps",
        "- Glute bridges: 3 sets of 12 reps",
        "- Side plank: hold 30 seconds per side",
    ):
        assert line in lines
    assert "Do these twice a week on days without a hard session, and it’s fine to rest ½ minute." in lines
    for noise in ("nav link", "Menu header", "cookies", "Share on", "footer", "**", "#"):
        assert noise not in a.text
    assert a.title == "Strength Training for Runners"
    assert a.author == "Jane Physio"
    assert a.organization == "Example Sports Clinic"
    assert a.url == "https://clinic.example/strength-for-runners"
    assert a.published == "2023-04-05"
    assert a.sha256 == hashlib.sha256(HTML_PAGE.encode("utf-8")).hexdigest()


def test_html_legacy_charset_declared(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    a = read_single(tmp_path, "page.html", page.encode("cp1252"))
    assert "it’s fine to rest ½ minute" in a.text
    assert a.encoding == "cp1252"


def test_html_without_main_text(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "blank.html", "<html><head><title>Nothing</title></head><body><nav></nav></body></html>")
    _, rejects = read_all(tmp_path)
    assert reasons(rejects) == {"blank.html": "no_main_content"}


def test_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    write(tmp_path / "page.html", HTML_PAGE)
    write(tmp_path / "page.meta.json", json.dumps(
        {"organization": "Override Clinic", "retrieved": "2024-01-02", "license": "CC-BY-4.0"}))
    a = read_single(tmp_path, "page.html", HTML_PAGE)
    assert a.organization == "Override Clinic"
    assert a.title == "Strength Training for Runners"  # not in the sidecar: page value stays
    assert a.retrieved == "2024-01-02" and a.license == "CC-BY-4.0"
    assert a.overrides()["organization"] == "Override Clinic"
    assert "sidecar" in a.flags


def test_json_sidecar_beats_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a.meta.json", '{"title": "From JSON"}')
    a = read_single(tmp_path, "a.md", "---\ntitle: From YAML\nauthor: Y\n---\nBody text here.\n")
    assert (a.title, a.author) == ("From JSON", "Y")


def test_invalid_sidecar_is_one_reject_and_article_still_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "a.meta.json", '{"title": "unterminated')
    articles, rejects = read_all(tmp_path)
    assert [a.source_file for a in articles] == ["a.txt"]
    assert articles[0].text == GOOD and articles[0].title is None
    assert "invalid_sidecar" in articles[0].flags
    assert [(r.table, r.key, r.reason) for r in rejects] == [("source", "a.meta.json", "invalid_sidecar")]
    assert "invalid JSON" in rejects[0].message


def test_invalid_front_matter_is_one_reject(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: [unclosed\n---\nBody text here.\n")
    articles, rejects = read_all(tmp_path)
    assert articles[0].text == "Body text here.\n"
    assert reasons(rejects) == {"a.md": "invalid_sidecar"}


# -- encodings ---------------------------------------------------------------

PROSE = "It’s a “simple” plan — run ½ mile, then café squats.\nKeep your hips level.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PROSE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PROSE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be"), "utf-16"),
        (PROSE.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    a = read_single(tmp_path, "a.txt", data)
    assert a.text == PROSE
    assert a.encoding == encoding
    assert a.sha256 == hashlib.sha256(data).hexdigest()


def test_latin1(tmp_path: Path) -> None:
    text = "Übungen für Läufer: crème brûlée, ±3 sets ×2.\n"
    a = read_single(tmp_path, "a.txt", text.encode("latin-1"))
    assert a.text == text
    assert "encoding_detected" in a.flags


def test_mojibake_repaired(tmp_path: Path) -> None:
    a = read_single(tmp_path, "a.txt", "Itâ€™s a good plan. Donâ€™t skip it.\n")
    assert a.text == "It’s a good plan. Don’t skip it.\n"
    assert "mojibake_repaired" in a.flags


@pytest.mark.parametrize("data", [b"one\r\ntwo\r\n\r\nthree\r\n", b"one\rtwo\r\rthree\r"], ids=["crlf", "cr"])
def test_line_ends(tmp_path: Path, data: bytes) -> None:
    a = read_single(tmp_path, "a.txt", data)
    assert a.text == "one\ntwo\n\nthree\n"
    assert "newlines_normalized" in a.flags


def test_nfc(tmp_path: Path) -> None:
    a = read_single(tmp_path, "a.txt", "Cafe\u0301 squats\n")
    assert a.text == "Caf\u00e9 squats\n"
    assert "nfc_normalized" in a.flags


# -- bad input ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty_file"),
        ("bom_only.txt", codecs.BOM_UTF8, "empty_file"),
        ("blank.txt", b"  \n\t\r\n  \n", "whitespace_only"),
        ("front_only.md", b"---\ntitle: x\n---\n\n", "whitespace_only"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("nul16.txt", codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "binary"),
        ("garbage.txt", b"Squats \x81\x8d\x8f\x90\x9d lunges\n", "undecodable"),
        ("notes.pdf", b"%PDF-1.4 text", "unsupported_extension"),
        ("data.json", b"{}", "unsupported_extension"),
    ],
)
def test_bad_file_is_one_reject(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / name, data)
    articles, rejects = read_all(tmp_path)
    assert [a.source_file for a in articles] == ["good.txt"]
    assert [(r.table, r.key, r.reason) for r in rejects] == [("source", name, reason)]
    assert rejects[0].message.startswith(name)


def test_too_large_is_judged_by_stat_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "good.txt", GOOD)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 6 MB on paper, nothing on disk
        fh.truncate(6 * 1024 * 1024)
    real_open = open
    opened: list[str] = []

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader, "open", spy, raising=False)
    _, rejects = read_all(tmp_path)
    assert reasons(rejects) == {"big.txt": "too_large"}
    assert str(big) not in opened


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "long.txt", "x" * 200)
    _, rejects = read_all(tmp_path, max_bytes=100)
    assert reasons(rejects) == {"long.txt": "too_large"}
    _, rejects = read_all(tmp_path, max_bytes=200)
    assert rejects == []


def test_symlink_outside(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write(raw / "good.txt", GOOD)
    outside = write(tmp_path / "secret.txt", "outside text\n")
    (raw / "link.txt").symlink_to(outside)
    write(raw / "sub" / "inner.txt", "inner article text\n")
    (raw / "inside_link.txt").symlink_to(raw / "sub" / "inner.txt")
    articles, rejects = read_all(raw)
    # A link inside raw/ is just another name for the same content: first sorted path wins.
    assert reasons(rejects) == {"link.txt": "symlink_outside", "sub/inner.txt": "duplicate"}
    assert {a.source_file for a in articles} == {"good.txt", "inside_link.txt"}


def test_unreadable_monkeypatched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "good.txt", GOOD)
    locked = write(tmp_path / "locked.txt", GOOD + "more\n")
    real_open = open

    def deny(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader, "open", deny, raising=False)
    _, rejects = read_all(tmp_path)
    assert reasons(rejects) == {"locked.txt": "unreadable"}
    assert "Permission denied" in rejects[0].message


def test_fifo_is_not_read(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    _, rejects = read_all(tmp_path)  # would block forever if the FIFO were opened
    assert reasons(rejects) == {"pipe.txt": "unreadable"}


def test_duplicate_keeps_first_sorted_path(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", GOOD)
    write(tmp_path / "a" / "z.txt", GOOD)
    write(tmp_path / "c.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))  # same text, other bytes
    articles, rejects = read_all(tmp_path)
    assert [a.source_file for a in articles] == ["a/z.txt"]
    assert reasons(rejects) == {"b.txt": "duplicate", "c.txt": "duplicate"}
    assert all("a/z.txt" in r.message for r in rejects)


def test_every_bad_input_together(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "good.meta.json", "{oops")
    write(tmp_path / "z_copy.txt", GOOD)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.md", b" \n \n")
    write(tmp_path / "bin.txt", b"abc\x00def")
    write(tmp_path / "bad.txt", b"\x81\x8d\x8f\x90\x9d\x81")
    write(tmp_path / "huge.txt", "y" * 5000)
    write(tmp_path / "x.docx", b"PK\x03\x04")
    (tmp_path / "out.txt").symlink_to(write(tmp_path.parent / f"{tmp_path.name}_outside.txt", "o\n"))
    articles, rejects = read_all(tmp_path, max_bytes=4096)
    assert [a.source_file for a in articles] == ["good.txt"]
    assert Counter(r.reason for r in rejects) == Counter({
        "invalid_sidecar": 1, "duplicate": 1, "empty_file": 1, "whitespace_only": 1, "binary": 1,
        "undecodable": 1, "too_large": 1, "unsupported_extension": 1, "symlink_outside": 1,
    })
    assert len({r.key for r in rejects}) == len(rejects)


def test_no_articles(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "notes.pdf", b"%PDF")
    write(tmp_path / "blank.txt", b"   \n")
    with pytest.raises(NoArticles, match=r"3 file\(s\) rejected: 1 empty_file, 1 unsupported_extension, 1 whitespace_only\)"):
        read_all(tmp_path)
    write(tmp_path / "empty2.txt", b"")
    # The commonest reason comes first: it is the one to fix.
    with pytest.raises(NoArticles, match=r"rejected: 2 empty_file, 1 unsupported"):
        read_all(tmp_path)


def test_no_raw_dir(tmp_path: Path) -> None:
    with pytest.raises(NoArticles):
        read_all(tmp_path / "missing")
    with pytest.raises(NoArticles):
        read_all(tmp_path)


# -- discovery ---------------------------------------------------------------

def test_subfolders_found(tmp_path: Path) -> None:
    write(tmp_path / "top.txt", GOOD)
    write(tmp_path / "clinic" / "2024" / "hips.md", "# Hips\n\nClamshells: 3 x 15.\n")
    articles, _ = read_all(tmp_path)
    assert [(a.source_file, a.article_id) for a in articles] == [
        ("clinic/2024/hips.md", "clinic__2024__hips"), ("top.txt", "top")]


def test_hidden_and_backup_files_ignored(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    for name in (".hidden.txt", ".git/objects/x.txt", "a.txt~", ".a.txt.swp", "a.txt.swp", "a.bak",
                 "#a.txt#", "notes.tmp", "orphan.meta.json"):
        write(tmp_path / name, b"\x00junk")
    articles, rejects = read_all(tmp_path)
    assert [a.source_file for a in articles] == ["a.txt"]
    assert rejects == []


def test_same_stem_gets_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.html", HTML_PAGE)
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "x__y.txt", GOOD + "one\n")
    write(tmp_path / "x" / "y.txt", GOOD + "two\n")
    ids = [a.article_id for a in read_all(tmp_path)[0]]
    assert ids == ["a", "a__txt", "x__y", "x__y__txt"]
    assert len(set(ids)) == len(ids)


def test_read_article_compat(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", GOOD)
    empty = write(tmp_path / "e.txt", b"")
    assert isinstance(read_article(good, tmp_path), RawArticle)
    assert read_article(empty, tmp_path).reason == "empty_file"
    article, rejects = read_one(good, tmp_path)
    assert article is not None and rejects == []


# -- memory / time -----------------------------------------------------------

def test_large_file_read_once_in_linear_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Itâ€™s a lunge: 3 sets of 10 per side, cafe\u0301 pace.\r\n"
    data = (line * (4_900_000 // len(line.encode("utf-8")))).encode("utf-8")
    assert len(data) < reader.DEFAULT_MAX_BYTES
    path = write(tmp_path / "big.txt", data)
    real_open = open
    reads: list[str] = []

    def spy(file, *args, **kwargs):
        reads.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader, "open", spy, raising=False)
    # CPU time of this process: a quadratic repair would take minutes, and other processes
    # sharing the machine (a parallel test run) do not count against it as they would in wall time.
    started = time.process_time()
    articles, rejects = read_all(tmp_path)
    elapsed = time.process_time() - started
    assert reads.count(str(path)) == 1
    assert rejects == []
    text = articles[0].text
    assert text.startswith("It’s a lunge: 3 sets of 10 per side, caf\u00e9 pace.\nIt’s")
    assert "\r" not in text and "â€" not in text
    assert elapsed < 30
