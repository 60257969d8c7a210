"""TextRank: same ranking as textrank4zh where the similarity is the same; sparse on long input."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from devzone.lexicon import Lexicon
from devzone.pipeline import clean_bytes
from devzone.ranking.textrank import pagerank, rank, similarity_graph, textrank4zh_similarity
from devzone.stages.segment import segment

from .conftest import SEEDS


def _sentences_and_tokens(path):
    doc = segment(clean_bytes(path.read_bytes()).text)
    sentences = [s.text for s in doc.sentences]
    return sentences, [Lexicon().content_words(s) for s in sentences]


@pytest.fixture(scope="module")
def textrank4zh_util():
    networkx = pytest.importorskip("networkx")
    if not hasattr(networkx, "from_numpy_matrix"):
        # textrank4zh 0.3 calls a function networkx 3 removed; its successor is the same call.
        networkx.from_numpy_matrix = networkx.from_numpy_array
    return pytest.importorskip("textrank4zh.util")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_ranking_agrees_with_textrank4zh(textrank4zh_util, path):
    sentences, tokens = _sentences_and_tokens(path)

    # textrank4zh also compares each sentence with itself (a self-loop); the graph of
    # TextRank, and devzone's, has none. With that pair at zero the functions are the same.
    def same_similarity(a, b):
        return 0.0 if a is b else textrank4zh_util.get_similarity(a, b)

    # Run their PageRank to convergence (networkx's default stops at 1e-6 per node).
    config = {"alpha": 0.85, "tol": 1e-13, "max_iter": 2000}
    theirs = textrank4zh_util.sort_sentences(sentences, tokens, sim_func=same_similarity, pagerank_config=config)
    ours = pagerank(similarity_graph(tokens), tol=1e-13)
    their_scores = np.zeros(len(sentences))
    for item in theirs:
        their_scores[item.index] = item.weight
    assert np.allclose(ours, their_scores, rtol=1e-7, atol=1e-10)
    for i, j in itertools.combinations(range(len(sentences)), 2):
        if abs(their_scores[i] - their_scores[j]) > 1e-9:
            assert (ours[i] > ours[j]) == (their_scores[i] > their_scores[j])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_the_default_relative_stop_keeps_the_ranking_of_a_converged_pagerank(path):
    _, tokens = _sentences_and_tokens(path)
    graph = similarity_graph(tokens)
    converged, default = pagerank(graph, tol=1e-13), rank(tokens)
    assert list(np.argsort(-default, kind="stable")[:20]) == list(np.argsort(-converged, kind="stable")[:20])
    assert np.allclose(default / default.max(), converged / converged.max(), atol=1e-5)


def test_graph_weights_are_the_pairwise_similarity():
    _, tokens = _sentences_and_tokens(SEEDS[0])
    dense = similarity_graph(tokens).dense()
    for i, j in itertools.combinations(range(len(tokens)), 2):
        assert dense[i, j] == pytest.approx(textrank4zh_similarity(tokens[i], tokens[j]))
        assert dense[i, j] == dense[j, i]
    assert not np.any(np.diag(dense))


def test_long_input_keeps_bounded_neighbours():
    rng = np.random.default_rng(0)
    vocab = [f"词{i}" for i in range(3000)]
    n = 6000
    tokens = [list(rng.choice(vocab, size=12)) + ["开发区"] for _ in range(n)]
    graph = similarity_graph(tokens)
    degree = np.bincount(graph.src, minlength=n)
    assert graph.n == n
    # each sentence keeps its 40 strongest edges, so there are at most 40 n undirected edges
    assert len(graph.src) <= 2 * 40 * n
    assert degree.mean() <= 80
    scores = pagerank(graph)
    assert scores.shape == (n,) and np.isclose(scores.sum(), 1.0)


def test_empty_and_isolated_sentences():
    assert rank([]).shape == (0,)
    scores = rank([["项目"], ["生态"], []])
    assert np.allclose(scores, 1 / 3)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_the_dense_step_of_a_short_report_ranks_as_the_edge_list_does(path, monkeypatch):
    from devzone.ranking import textrank

    _, tokens = _sentences_and_tokens(path)
    graph = similarity_graph(tokens)
    assert graph.n <= textrank.DENSE_UP_TO
    dense = pagerank(graph)
    monkeypatch.setattr(textrank, "DENSE_UP_TO", 0)
    edges = pagerank(graph)
    # the dense path solves for the ranks the edge list iterates towards (to 1e-6 of the largest)
    assert np.allclose(dense, edges, rtol=0, atol=1e-5 * edges.max())
    # the same top 20 (a summary's candidates); further down, near-ties of units that share
    # little fall either way within the iteration's tolerance
    assert list(np.argsort(-dense, kind="stable"))[:20] == list(np.argsort(-edges, kind="stable"))[:20]
