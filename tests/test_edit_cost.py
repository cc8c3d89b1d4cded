"""With many articles an edit re-reads and re-proves only the file that changed; the
unchanged articles are the very objects already loaded, and the context tables are read
again only when one of them changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdash.bench.edits import edit_one
from newsdash.bench.scale import synthetic_corpus
from newsdash.data import corpus as corpus_mod
from newsdash.data.corpus import clear_kept, load_corpus, state_digest


@pytest.fixture
def five(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Five articles, and the names of the files each load reads (and proves) again."""
    clear_kept()
    data = synthetic_corpus(tmp_path, 5)
    read: list[str] = []
    contexts: list[Path] = []
    real_article, real_context = corpus_mod.load_article, corpus_mod.load_context

    def article(path: Path, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        read.append(path.name)
        return real_article(path, *args, **kwargs)

    def context(folder: Path, *args):  # noqa: ANN002, ANN202
        contexts.append(folder)
        return real_context(folder, *args)

    monkeypatch.setattr(corpus_mod, "load_article", article)
    monkeypatch.setattr(corpus_mod, "load_context", context)
    yield data, read, contexts
    clear_kept()


def test_an_edit_re_reads_only_that_file_and_keeps_the_other_articles(five):
    data, read, contexts = five
    first = load_corpus(data)
    assert len(read) == 5 and len(contexts) == 1
    read.clear()
    edit_one(data, 2)
    second = load_corpus(data)
    assert read == ["bench-0002.yaml"] and len(contexts) == 1
    assert not second.errors
    assert second.article("bench-0002-sputnik-rudenko-karabakh").article.article.title.en.startswith("Edit 2: ")
    for i in (0, 1, 3, 4):
        article_id = f"bench-000{i}-sputnik-rudenko-karabakh"
        assert second.article(article_id) is first.article(article_id)
    assert len(second.flags) == len(first.flags)
    read.clear()
    assert load_corpus(data).article() is second.article() and read == []  # nothing changed: nothing read


def test_a_same_size_edit_in_the_same_mtime_tick_is_still_read(five):
    data, read, _ = five
    load_corpus(data)
    path = data / "articles" / "bench-0001.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Buildings inspected,", "Buildings inspectED,", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    read.clear()
    corpus = load_corpus(data)
    assert read == ["bench-0001.yaml"]
    labels = {f.label.en for f in corpus.article("bench-0001-sputnik-rudenko-karabakh").article.figures}
    assert "Buildings inspectED" in labels


def test_the_context_is_read_again_only_when_a_table_changes(five):
    data, read, contexts = five
    load_corpus(data)
    table = data / "context" / "mod_demining_series.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",423,", ",424,", 1), encoding="utf-8")
    read.clear()
    corpus = load_corpus(data)
    assert len(contexts) == 2 and read == []  # the articles stay; their flags are worked out again
    buildings = corpus.context.demining[corpus.context.demining["measure"] == "buildings"]
    assert 424 in set(buildings["value"])


def test_a_changed_seed_proves_the_article_citing_it_again(five):
    """Each article has a seed of its own (one story, one article): only its article is read again."""
    data, read, _ = five
    load_corpus(data)
    seed = data.parent / "seeds" / "bench-0003.txt"
    seed.write_bytes(seed.read_bytes().replace(b"1937", b"1973", 1))
    read.clear()
    corpus = load_corpus(data)
    assert read == ["bench-0003.yaml"]
    assert len(corpus.articles) == 4  # the changed seed no longer has its recorded sha256
    assert [e.record_id for e in corpus.errors] == ["article"] and "bench-0003.yaml" in corpus.errors[0].file


def test_the_state_digest_lends_its_listing_to_the_load(five):
    data, _, _ = five
    state = state_digest(data)
    assert load_corpus(data, state=state).state == state
