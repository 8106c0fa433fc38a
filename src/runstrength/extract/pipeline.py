"""Batch extraction: many articles through one spaCy `nlp.pipe` call.

Every line of every article in the batch is one Doc; the docs stream back in
order and are regrouped per article, so memory holds one batch at a time.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import traceback
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from runstrength.extract import lexicon
from runstrength.extract.text import DATA_DIR, normalize, split_lines
from runstrength.model import Article

if TYPE_CHECKING:  # annotations only: the reader (HTML extraction and all) is not needed to extract
    from runstrength.ingest.reader import RawArticle



_warm = False  # has this process run a batch outside a memory zone yet?
GC_THRESHOLDS = (10_000, 10, 10)


def _settle_heap() -> None:
    """Keep Python's cycle collector off the long-lived pipeline and out of the hot loop.

    Extraction allocates millions of short-lived containers (Token objects, span
    tuples, row dicts), so with the default thresholds (700, 10, 10) the collector
    runs constantly and every full pass walks the ~100k objects of the pipeline and
    its lexicons, which live as long as the process. Freezing those and collecting
    young objects less often made a batch ~15% faster; the young generation stays
    small (10,000 objects) and reference counting still frees almost everything.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def extract_articles(raws: Iterable[RawArticle], *, batch_size: int = 2000,
                     failed: list[tuple[RawArticle, str]] | None = None) -> Iterator[Article]:
    """Extract every article of `raws` (one `nlp.pipe` stream), in order.

    Every batch after a process's first runs inside `nlp.memory_zone()`, so the
    strings and lexemes its text adds to the shared vocabulary are freed when
    the batch is done: a worker's memory stays flat over a long run instead of
    growing with every new word of the corpus.  The first batch runs outside a
    zone because zones also stop filling spaCy's tokenizer cache, which that
    batch warms with the common words.  Nothing that leaves this function
    refers to a Doc.

    With a `failed` list, an article the rule layer raises on is appended there
    with a one-line reason and skipped, and the others go on: one odd page must
    not stop a run over 100,000.  Without it the exception propagates.
    """
    # Imported here: spaCy and the compiled grammars take seconds to load, which a
    # build that finds everything in its cache never needs.
    from runstrength.extract.assemble import build_article
    from runstrength.extract.nlp import build_nlp

    global _warm
    nlp = build_nlp()
    if not _warm:
        _settle_heap()
    zone = nlp.memory_zone() if _warm else contextlib.nullcontext()
    _warm = True
    with zone:
        prepared = []
        for raw in raws:
            view = normalize(raw.text)
            prepared.append((raw, split_lines(view, raw.text)))
        texts = (line.text for _, lines in prepared for line in lines)
        docs = nlp.pipe(texts, batch_size=batch_size)
        for raw, lines in prepared:
            line_docs = [next(docs) for _ in lines]  # taken before building: the stream stays aligned
            try:
                article = build_article(raw, lines, line_docs)
            except Exception as exc:
                if failed is None:
                    raise
                failed.append((raw, failure_reason(exc)))
                continue
            finally:
                del line_docs
            # Sidecar/front-matter/page metadata is what the publisher says; it beats what the text suggests.
            for name, value in raw.overrides().items():
                setattr(article, name, value)
            for name in ("url", "license", "retrieved", "published"):
                setattr(article, name, getattr(raw, name, None))
            article.flags.extend(f for f in raw.flags if f not in article.flags)
            yield article


def failure_reason(exc: BaseException) -> str:
    """One line naming the error and where the rule code raised it.

    A string, not the exception: its traceback would keep the batch's Docs alive
    past their memory zone.
    """
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})"
    msg = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {msg}{where}" if msg else f"{type(exc).__name__}{where}"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Fingerprint of everything that shapes extraction output: code and data files."""
    import runstrength.extract as pkg

    h = hashlib.sha256()
    root = Path(pkg.__file__).parent
    files = sorted({*root.glob("*.py"), *DATA_DIR.glob("*"), *lexicon.data_files()})
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]
