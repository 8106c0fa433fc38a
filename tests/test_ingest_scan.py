"""scan_all / load_article: read_all's results as light refs, with a stat index that skips unchanged files."""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import pickle
import shutil
import time
from dataclasses import fields
from pathlib import Path

import orjson
import pytest

from runstrength.ingest import scan
from runstrength.ingest.reader import NoArticles, RawArticle, candidates, read_all
from runstrength.ingest.scan import ArticleRef, SourceChanged, load_article, load_articles, ref_of, scan_all
from runstrength.ingest.sidecar import sidecar_path
from runstrength.model import Reject

HILLS = "Hill repeats for trail runners\n\nWalk down, run up: 6 reps of 45 seconds, then 3 sets of 8 step-ups.\n"
CORE = "Core work after easy runs\n\nHold a plank for 40 seconds, rest, and repeat it four times.\n"
FRONT = "---\ntitle: Ankle Care\nauthor: R. Coach\n---\nAnkle hops: 2 sets of 20, barefoot on grass.\n"
MD = "# Single-leg strength\n\n- **Split squats**: 3 sets of 10 per leg\n- Calf raises, slowly\n"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tempo Day Lifting</title>
<meta name="author" content="Sam Trainer"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Tempo Day Lifting</h1>
<p>On the day of a tempo run, lift after the run rather than before it, so the legs are fresh for the
quality session. Keep the load moderate and the reps controlled.</p>
<p>Romanian deadlifts: 3 sets of 8 reps with a two second lowering phase, twice a week.</p>
</article><footer>Footer text</footer></body></html>
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def age(raw: Path, seconds: float = 3600) -> None:
    """Move the mtime of every file below raw written in the last minute well into the past,
    so the index may store (and trust) it. Older files are left alone: utime would change their ctime."""
    now = time.time_ns()
    for p in raw.rglob("*"):
        if p.lstat().st_mtime_ns > now - 60 * 10**9:
            os.utime(p, ns=(now - int(seconds * 1e9),) * 2, follow_symlinks=False)


def make_corpus(raw: Path) -> Path:
    write(raw / "hills.txt", HILLS)
    write(raw / "hills_copy.txt", HILLS)  # same bytes
    write(raw / "hills_utf16.txt", codecs.BOM_UTF16_LE + HILLS.encode("utf-16-le"))  # same text
    write(raw / "core.txt", CORE)
    write(raw / "core.meta.json", json.dumps({"title": "Core Work", "site": "Run Club"}))
    write(raw / "core.md", MD)  # same stem as core.txt: gets a suffixed id
    write(raw / "ankle.txt", FRONT)
    write(raw / "ankle.meta.json", "{not json")  # invalid sidecar: read without it
    write(raw / "sub" / "tempo.html", PAGE)
    write(raw / "empty.txt", b"")
    write(raw / "notes.docx", b"PK\x03\x04")
    return raw


def expected(raw: Path, **kw) -> tuple[list[ArticleRef], list]:
    articles, rejects = read_all(raw, **kw)
    return [ref_of(a) for a in articles], rejects


def entries(index: Path) -> dict:
    return orjson.loads(index.read_bytes().split(b"\n", 1)[1])


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "raw")


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "state" / "ingest.index"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The relative path of every file scan/load_article hands to read_one."""
    seen: list[str] = []
    real = scan.read_one

    def counting(path, raw_dir, **kw):
        seen.append(path.relative_to(raw_dir).as_posix())
        return real(path, raw_dir, **kw)

    monkeypatch.setattr(scan, "read_one", counting)
    return seen


# -- ArticleRef ----------------------------------------------------------------

def test_ref_has_raw_article_fields_but_text() -> None:
    raw_names = [f.name for f in fields(RawArticle)]
    assert [f.name for f in fields(ArticleRef)] == [n for n in raw_names if n != "text"] + ["text_sha256"]


def test_ref_of_is_small_and_hashes_text() -> None:
    text = "Box jumps \ud800 3x5\n" * 2000  # a lone surrogate must not break hashing
    art = RawArticle("box", "box.txt", "ab" * 32, text, "utf-8", title="Box", author="A", flags=("sidecar",))
    ref = ref_of(art)
    assert ref.text_sha256 == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert (ref.article_id, ref.title, ref.flags) == ("box", "Box", ("sidecar",))
    assert ref.metadata() == art.metadata() == {"title": "Box", "author": "A"}
    assert ref.overrides() == art.overrides()
    blob = pickle.dumps(ref)
    assert pickle.loads(blob) == ref
    assert len(blob) < 600 < len(pickle.dumps(art))


def test_sidecar_of_matches_sidecar_path() -> None:
    for name in ("a.txt", "a.b.txt", "d/e/x.md", "page.HTML", "a.", "noext", "d/.hidden", "d.x/y"):
        assert scan.sidecar_of(name) == str(sidecar_path(Path(name))), name


# -- same results as read_all ----------------------------------------------------

def test_scan_equals_read_all_without_index(raw: Path) -> None:
    refs, rejects = scan_all(raw)
    assert (refs, rejects) == expected(raw)
    assert {r.key: r.reason for r in rejects} == {
        "hills_copy.txt": "duplicate", "hills_utf16.txt": "duplicate", "ankle.meta.json": "invalid_sidecar",
        "empty.txt": "empty_file", "notes.docx": "unsupported_extension"}
    assert {r.source_file: r.article_id for r in refs}["core.txt"] == "core__txt"


def test_scan_equals_read_all_cold_and_warm(raw: Path, index: Path) -> None:
    age(raw)
    cold = scan.scan(raw, index_path=index)
    warm = scan.scan(raw, index_path=index)
    assert (cold.read, cold.reused) == (9, 0)
    assert (warm.read, warm.reused) == (0, 9)
    assert (cold.refs, cold.rejects) == (warm.refs, warm.rejects) == expected(raw)


def test_warm_scan_reads_nothing(raw: Path, index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(raw)
    first = scan_all(raw, index_path=index)

    def forbidden(*args, **kw):
        raise AssertionError("read_one called on a warm scan")

    monkeypatch.setattr(scan, "read_one", forbidden)
    assert scan_all(raw, index_path=index) == first


def test_on_plan_hears_how_many_files_will_be_read_before_the_first_read(raw: Path, index: Path,
                                                                          reads: list[str]) -> None:
    # The build starts its workers on this signal, so it must come before the reading does.
    age(raw)
    heard: list[tuple[int, int]] = []  # (files to read, files this scan had read by then)

    def plan(to_read: int) -> None:
        heard.append((to_read, len(reads)))

    def run(**kw) -> None:
        reads.clear()
        scan.scan(raw, on_plan=plan, **kw)

    run()
    run(index_path=index)  # cold: the index is empty
    run(index_path=index)  # warm: nothing to read
    (raw / "core.txt").write_text(CORE + "Add side planks.\n")
    age(raw)
    run(index_path=index)  # one file changed
    assert heard == [(9, 0), (9, 0), (0, 0), (1, 0)]
    assert reads == ["core.txt"]


def test_no_articles_like_read_all(tmp_path: Path, index: Path) -> None:
    write(tmp_path / "only" / "empty.txt", b"")
    for raw_dir in (tmp_path / "missing", tmp_path / "only"):
        with pytest.raises(NoArticles) as want:
            read_all(raw_dir)
        with pytest.raises(NoArticles) as got:
            scan_all(raw_dir, index_path=index)
        assert str(got.value) == str(want.value)


# -- what invalidates an entry ----------------------------------------------------

def _modify_same_size_keep_mtime(raw: Path) -> None:
    p = raw / "core.txt"
    mtime = p.stat().st_mtime_ns
    time.sleep(0.05)  # a later clock tick, so the ctime differs
    p.write_text(CORE.replace("plank", "PLANK"))
    os.utime(p, ns=(mtime, mtime))


CHANGES = {
    # name: (change, files read by the next scan)
    "content": (lambda raw: write(raw / "core.txt", CORE + "Add side planks.\n"), ["core.txt"]),
    "content_same_size_and_mtime": (_modify_same_size_keep_mtime, ["core.txt"]),
    # core.meta.json belongs to core.txt and core.md alike (same stem).
    "sidecar_edited": (lambda raw: write(raw / "core.meta.json", '{"title": "Core, revised"}'),
                       ["core.md", "core.txt"]),
    "sidecar_added": (lambda raw: write(raw / "hills.meta.json", '{"author": "H. Runner"}'), ["hills.txt"]),
    "sidecar_removed": (lambda raw: (raw / "ankle.meta.json").unlink(), ["ankle.txt"]),
    "file_added": (lambda raw: write(raw / "sub" / "new.txt", "Lunges: 2 sets of 12.\n"), ["sub/new.txt"]),
    "file_deleted": (lambda raw: (raw / "hills.txt").unlink(), []),
    "duplicate_becomes_unique": (lambda raw: write(raw / "hills_copy.txt", "Skipping drills, 4x20 m.\n"),
                                 ["hills_copy.txt"]),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_change_is_picked_up(raw: Path, index: Path, reads: list[str], change: str) -> None:
    apply, reread = CHANGES[change]
    age(raw, 7200)
    before = scan_all(raw, index_path=index)
    reads.clear()
    apply(raw)
    if change != "content_same_size_and_mtime":
        age(raw, 3600)  # a different, still old, mtime: only the signature tells the change
    after = scan_all(raw, index_path=index)
    assert sorted(reads) == reread
    assert after == expected(raw)
    assert after != before
    # Deleted files leave the index; every present (old enough) file is in it again.
    assert sorted(entries(index)) == candidates(raw)


def test_symlink_target_change_is_picked_up(raw: Path, index: Path, reads: list[str]) -> None:
    write(raw / "target" / "t.txt", "Target text one.\n")
    (raw / "link.txt").symlink_to(raw / "target" / "t.txt")
    age(raw)
    scan_all(raw, index_path=index)
    reads.clear()
    write(raw / "target" / "t.txt", "Target text, second version.\n")
    age(raw, 1800)
    assert scan_all(raw, index_path=index) == expected(raw)
    assert sorted(reads) == ["link.txt", "target/t.txt"]


def test_recent_file_is_read_again(raw: Path, index: Path, reads: list[str]) -> None:
    age(raw)
    write(raw / "fresh.txt", "Strides: 6 x 20 seconds.\n")  # mtime: now
    first = scan.scan(raw, index_path=index)
    assert "fresh.txt" not in entries(index) and "hills.txt" in entries(index)
    reads.clear()
    second = scan.scan(raw, index_path=index)
    assert reads == ["fresh.txt"]
    assert (second.read, second.reused) == (1, 9)
    assert (second.refs, second.rejects) == (first.refs, first.rejects) == expected(raw)


def test_recent_sidecar_makes_entry_untrusted(raw: Path, index: Path, reads: list[str]) -> None:
    age(raw)
    os.utime(raw / "core.meta.json")  # now
    scan_all(raw, index_path=index)
    reads.clear()
    scan_all(raw, index_path=index)
    assert reads == ["core.md", "core.txt"]


def test_unreadable_result_is_not_stored(raw: Path, index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(raw)
    real = scan.read_one

    def flaky(path, raw_dir, **kw):
        if path.name == "core.txt":
            return None, [Reject("source", "core.txt", "unreadable", "core.txt: cannot be read (I/O error)")]
        return real(path, raw_dir, **kw)

    monkeypatch.setattr(scan, "read_one", flaky)
    scan_all(raw, index_path=index)
    assert "core.txt" not in entries(index) and "empty.txt" in entries(index)


# -- when the index itself is not used ------------------------------------------------

@pytest.mark.parametrize("damage", ["garbage", "truncated", "no_header", "body_not_object", "empty"])
def test_corrupt_index_is_ignored_and_rewritten(raw: Path, index: Path, damage: str) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    data = index.read_bytes()
    head = data.split(b"\n", 1)[0]
    index.write_bytes({
        "garbage": b"\x00\xffnot an index",
        "truncated": data[: len(data) - 40],
        "no_header": data.split(b"\n", 1)[1],
        "body_not_object": head + b"\n[1, 2, 3]",
        "empty": b"",
    }[damage])
    again = scan.scan(raw, index_path=index)
    assert (again.read, again.reused) == (9, 0)
    assert (again.refs, again.rejects) == expected(raw)
    assert scan.scan(raw, index_path=index).reused == 9  # rewritten whole


def test_malformed_entry_only_costs_that_file(raw: Path, index: Path, reads: list[str]) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    head, body = index.read_bytes().split(b"\n", 1)
    table = orjson.loads(body)
    table["core.txt"] = "junk"
    table["hills.txt"][2] = ["too", "short"]
    index.write_bytes(head + b"\n" + orjson.dumps(table))
    reads.clear()
    assert scan_all(raw, index_path=index) == expected(raw)
    assert sorted(reads) == ["core.txt", "hills.txt"]


def test_other_max_bytes_ignores_index(raw: Path, index: Path) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    small = scan.scan(raw, index_path=index, max_bytes=100)
    assert (small.read, small.reused) == (9, 0)
    assert (small.refs, small.rejects) == expected(raw, max_bytes=100)
    assert any(r.reason == "too_large" for r in small.rejects)


def test_other_ingest_code_ignores_index(raw: Path, index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    monkeypatch.setattr(scan, "code_fingerprint", lambda: "edited reader")
    assert scan.scan(raw, index_path=index).reused == 0


def test_fingerprint_covers_ingest_sources(tmp_path: Path) -> None:
    package = Path(scan.__file__).parent
    assert scan.code_fingerprint() == scan.fingerprint_of(package)
    copy = tmp_path / "ingest"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert scan.fingerprint_of(copy) == scan.code_fingerprint()
    with (copy / "markdown.py").open("a") as fh:
        fh.write("# edited\n")
    assert scan.fingerprint_of(copy) != scan.code_fingerprint()


def test_other_raw_dir_ignores_index(raw: Path, index: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real = scan._stat_sig
    # Signatures of size only (and "old"): a copy of the corpus would look unchanged file by file.
    monkeypatch.setattr(scan, "_stat_sig", lambda path: ([real(path)[0][2]], 0))
    scan_all(raw, index_path=index)
    assert scan.scan(raw, index_path=index).reused == 9
    other = make_corpus(tmp_path / "other")
    assert scan.scan(other, index_path=index).reused == 0


def test_unwritable_index_does_not_fail_the_scan(raw: Path, tmp_path: Path) -> None:
    blocker = write(tmp_path / "blocker", "a file where the index directory should be")
    assert scan_all(raw, index_path=blocker / "ingest.index") == expected(raw)


def test_index_is_replaced_atomically_and_unchanged_index_not_rewritten(raw: Path, index: Path) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    first = index.stat()
    scan_all(raw, index_path=index)
    assert index.stat().st_ino == first.st_ino  # nothing changed: not rewritten
    write(raw / "more.txt", "Skips: 3 x 30 m.\n")
    age(raw)
    scan_all(raw, index_path=index)
    assert index.stat().st_ino != first.st_ino  # a new file renamed over the old one
    assert [p.name for p in index.parent.iterdir()] == ["ingest.index"]  # no temp file left


# -- load_article ----------------------------------------------------------------

def test_load_article_round_trip(raw: Path, index: Path) -> None:
    age(raw)
    scan_all(raw, index_path=index)
    refs, _ = scan_all(raw, index_path=index)
    articles, _ = read_all(raw)
    assert load_articles(raw, refs) == articles
    core_txt = next(r for r in refs if r.source_file == "core.txt")
    assert load_article(raw, core_txt).article_id == "core__txt"


@pytest.mark.parametrize("change", ["edited", "deleted", "emptied", "sidecar_edited"])
def test_load_article_after_change_raises(raw: Path, change: str) -> None:
    refs, _ = scan_all(raw)
    ref = next(r for r in refs if r.source_file == "core.txt")
    target = raw / "core.txt"
    if change == "edited":
        target.write_text(CORE + "And a side plank.\n")
    elif change == "deleted":
        target.unlink()
    elif change == "emptied":
        target.write_bytes(b"")
    else:
        write(raw / "core.meta.json", '{"title": "Another title"}')
    with pytest.raises(SourceChanged, match=r"core\.txt changed while the build was running.*run the build again"):
        load_article(raw, ref)
    other = next(r for r in refs if r.source_file == "hills.txt")
    assert load_article(raw, other).text == HILLS


def test_scan_reports_progress_for_files_it_reads(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(4):
        (raw / f"plan-{i}.txt").write_text(f"Plan {i}\n\nSquats: 3 x {8 + i}.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    scan.scan(raw, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    index = tmp_path / "ingest.index"
    old = time.time() - 3600
    for p in raw.iterdir():
        os.utime(p, (old, old))
    scan.scan(raw, index_path=index)
    (raw / "plan-2.txt").write_text("Plan 2\n\nLunges: 2 x 10.\n", encoding="utf-8")
    calls.clear()
    scan.scan(raw, index_path=index, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]  # only the edited file was read
