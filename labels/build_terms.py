"""Build models/terms.txt: the words of models/lexicon.txt that may be keywords.

A keyword is a term an analyst would search for: a noun, a name or an abbreviation (jieba's
tags n, nr, nrt, nrfg, ns, nt, nz, vn, j, eng), of two characters or more, that does not
open with a numeral or an ordinal (一枚, 三张, 第三轮 and 万余户 are tagged as numerals or
nouns alike). Verbs, idioms and set phrases (责无旁贷), adjectives, adjectives used as nouns
(an: 安全, 困难, which the keyword readers judged no every time), adverbs, numerals and
function words never are. Nor are the words the keyword readers judged no in two or more tune
reports and yes in none (labels/keywords/agreed.jsonl): a theme's umbrella words (风险, 改革,
排查, 预警), which its paragraphs repeat in every report. Words a user adds with --user-dict may
always be keywords.

usage: python labels/build_terms.py > models/terms.txt
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import jieba

ROOT = Path(__file__).resolve().parent.parent
REJECTED_IN_REPORTS = 2
# A word in nearly every report (idf under 1.1: 社会, 政府, 改革, 安全, 风险) names no report's
# content: the keyword readers judged none of the 29 they were shown yes in the tune reports,
# and 57% of those between 1.1 and 1.2 (债务, 污染, 政务).
MIN_TERM_IDF = 1.1
TERM_TAGS = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "j", "eng"}
NUMERAL_OPENINGS = set("一二三四五六七八九十两百千万亿几多第首每各该本某")


def rejected_by_readers() -> set[str]:
    """Words judged no in REJECTED_IN_REPORTS or more tune reports and yes in none."""
    judged_no: dict[str, set[str]] = defaultdict(set)
    judged_yes: set[str] = set()
    with open(ROOT / "labels" / "keywords" / "agreed.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if row["split"] != "tune":
                continue
            for words in row["judged"].values():
                for word, keep in words.items():
                    if keep:
                        judged_yes.add(word)
                    else:
                        judged_no[word].add(row["report"])
    return {w for w, reports in judged_no.items() if len(reports) >= REJECTED_IN_REPORTS and w not in judged_yes}


def main() -> None:
    rejected = rejected_by_readers()
    tags = {}
    with open(jieba.Tokenizer().get_dict_file().name, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    with open(ROOT / "models" / "lexicon.txt", encoding="utf-8") as handle:
        words = [parts[0] for parts in map(str.split, handle) if parts and float(parts[2]) >= MIN_TERM_IDF]
    for word in words:
        if (len(word) > 1 and tags.get(word) in TERM_TAGS and word[0] not in NUMERAL_OPENINGS
                and word not in rejected):
            print(word)


if __name__ == "__main__":
    main()
