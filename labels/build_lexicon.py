"""Build models/lexicon.txt: jieba's dictionary cut down to the words that
government reports use, with each word's inverse document frequency.

jieba spends most of its start-up building a prefix dictionary of 349k words;
reports use a small fraction of them. Words are kept when jieba produces them
on the corpus or they sit inside a kept longer word's path, so segmentation of
report text stays as it was (tests/test_tokenizer.py checks agreement on the
seeds). Line format is jieba's, "word freq idf", which jieba reads as
"word freq" and ignores the rest.

usage: python labels/build_lexicon.py CORPUS_DIR SEEDS_DIR > models/lexicon.txt
"""

from __future__ import annotations

import math
import sys
import warnings
from collections import Counter
from pathlib import Path

from devzone.clean import clean_bytes

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import jieba


def main() -> None:
    corpus, seeds = Path(sys.argv[1]), Path(sys.argv[2])
    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    paths = sorted(corpus.rglob("*.txt")) + sorted(seeds.glob("*.txt"))
    df: Counter[str] = Counter()
    for path in paths:
        text = clean_bytes(path.read_bytes(), str(path)).text
        df.update(set(tok.lcut(text, HMM=False)))
    n_docs = len(paths)
    base = {}
    with open(tok.get_dict_file().name, encoding="utf-8") as f:
        for line in f:
            word, freq = line.split()[:2]
            base[word] = int(freq)
    # Single characters keep the DAG complete; corpus words keep the routes.
    keep = {w for w in base if len(w) == 1} | {w for w in df if w in base}
    for word in sorted(keep, key=lambda w: (-base[w], w)):
        idf = math.log((n_docs + 1) / (df.get(word, 0) + 1)) + 1.0
        print(f"{word} {base[word]} {idf:.3f}")


if __name__ == "__main__":
    main()
