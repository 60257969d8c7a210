"""Build models/terms.txt: the words of models/lexicon.txt that may be keywords.

A keyword is a term an analyst would search for: a noun, a name or an abbreviation (jieba's
tags n, nr, nrt, nrfg, ns, nt, nz, vn, j, eng), of two characters or more, that does not
open with a numeral or an ordinal (一枚, 三张, 第三轮 and 万余户 are tagged as numerals or
nouns alike). Verbs, idioms and set phrases (责无旁贷), adjectives, adjectives used as nouns
(an: 安全, 困难, which the keyword readers judged no every time), adverbs, numerals and
function words never are. Words a user adds with --user-dict may always be keywords.

usage: python labels/build_terms.py > models/terms.txt
"""

from __future__ import annotations

import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import jieba

ROOT = Path(__file__).resolve().parent.parent
TERM_TAGS = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "j", "eng"}
NUMERAL_OPENINGS = set("一二三四五六七八九十两百千万亿几多第首每各该本某")


def main() -> None:
    tags = {}
    with open(jieba.Tokenizer().get_dict_file().name, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    with open(ROOT / "models" / "lexicon.txt", encoding="utf-8") as handle:
        words = [line.split()[0] for line in handle if line.strip()]
    for word in words:
        if len(word) > 1 and tags.get(word) in TERM_TAGS and word[0] not in NUMERAL_OPENINGS:
            print(word)


if __name__ == "__main__":
    main()
