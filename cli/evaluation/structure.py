"""``devzone evaluate --structure``: junk kept, headings found, metadata and parts right,
glossaries kept out of summaries, on the two readers' agreed structure labels."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..pipeline import Analyzer, clean_lines, to_simplified
from .common import blind, ratio, read_jsonl, report_file, set_name, squash, unlisted_text

JUNK = ("furniture", "byline", "dateline", "title")
METADATA_FIELDS = ("title", "place", "year", "level")


def evaluate_structure(agreed: Path, repo: Path, corpus: Path, analyzer: Analyzer | None = None) -> dict[str, Any]:
    analyzer = analyzer or Analyzer()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict[str, Any]] = []
    rows = read_jsonl(agreed)
    for row in rows:
        split = set_name(row, rows)
        t = totals[split]
        t["reports"] += 1
        path = report_file(row["path"], repo, corpus)
        report = analyzer.analyse(path)
        record = report.to_dict()
        paragraphs = [squash(p["text"]) for p in record["paragraphs"]]
        # A caption (供热管网改造) may say what the text says too: a junk line is kept only
        # when the paragraphs hold it more often than the report's other lines do.
        junk_numbers = {line["line"] for line in row["lines"] if line["class"] in JUNK}
        raw_lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        body = squash("".join(clean_lines([ln for n, ln in enumerate(raw_lines, start=1) if n not in junk_numbers])))
        headings = {squash(h) for h in report.document.headings}
        in_paths = {squash(h) for p in record["paragraphs"] for h in p["heading_path"]}
        picked = {squash(s["text"]) for s in record["summary"]}
        picked |= {squash(s["text"]) for theme in record["themes"].values() for s in theme["summary"]}
        # The readers' lines as devzone would write them (simplified script, no glued pinyin),
        # so that a traditional report is compared in one script.
        same_script = clean_lines([line["text"] for line in row["lines"]])
        for line, cleaned in zip(row["lines"], same_script, strict=True):
            text, cls = squash(cleaned), line["class"]
            if cls in JUNK and text:
                t["junk"] += 1
                if text in headings or _kept(paragraphs, text, body):
                    t["junk_kept"] += 1
                    misses.append({"report": row["report"], "split": split, "what": f"{cls} kept", "line": line["text"]})
            elif cls == "heading" and text:
                t["headings"] += 1
                # A heading broken over two lines (三、持续提升政府 / 治理效能和服务水平) is found
                # when devzone's rejoined heading begins with the reader's first line.
                found = next((h for h in in_paths if h and (text == h or text.startswith(h)
                                                            or (len(text) >= 6 and h.startswith(text)))), None)
                if found:
                    t["headings_found"] += 1
                    if line.get("part"):
                        t["parts"] += 1
                        ours = next((p["part"] for p in record["paragraphs"]
                                     if any(squash(h) == found for h in p["heading_path"])), None)
                        expected = None if line["part"] == "none" else line["part"]
                        if ours == expected:
                            t["parts_right"] += 1
                        else:
                            misses.append({"report": row["report"], "split": split, "what": "part",
                                           "line": line["text"], "expected": expected, "got": ours})
                else:
                    misses.append({"report": row["report"], "split": split, "what": "heading not found",
                                   "line": line["text"]})
            elif cls == "glossary" and text:
                t["glossary"] += 1
                if any(text in s or s in text for s in picked if len(s) > 8):
                    t["glossary_in_summary"] += 1
                    misses.append({"report": row["report"], "split": split, "what": "glossary summarised",
                                   "line": line["text"]})
        for field in METADATA_FIELDS:
            if field not in row["metadata"]:
                continue
            t[f"{field}_labeled"] += 1
            expected, got = row["metadata"][field], record[field]
            # devzone reads traditional script as simplified: 中華人民共和國 is 中华人民共和国
            if squash(to_simplified(str(expected))) == squash(str(got)) if expected is not None else got is None:
                t[f"{field}_right"] += 1
            else:
                misses.append({"report": row["report"], "split": split, "what": field, "expected": expected, "got": got})
    sets = {}
    for split, t in sorted(totals.items()):
        sets[split] = {
            "reports": t["reports"],
            "junk_lines": t["junk"], "junk_kept_share": ratio(t["junk_kept"], t["junk"]),
            "headings": t["headings"], "headings_found_share": ratio(t["headings_found"], t["headings"]),
            **{f"{f}_right": f"{t[f + '_right']}/{t[f + '_labeled']}" for f in METADATA_FIELDS},
            "parts_right_share": ratio(t["parts_right"], t["parts"]), "parts_labeled": t["parts"],
            "glossary_lines": t["glossary"], "glossary_in_summary": t["glossary_in_summary"],
        }
    listed, unlisted = blind(misses)
    return {"sets": sets, "misses": listed, "heldout_misses_unlisted": unlisted}


# A junk line this short (、 。 法律: the pieces of a site's licence footer) is in almost every
# paragraph by chance; it counts as kept only where it stands at a paragraph's edge (a lone
# mark only as a paragraph of its own).
SHORT_LINE = 5


def _kept(paragraphs: list[str], line: str, body: str) -> bool:
    """Whether a squashed junk line was kept in the squashed paragraphs, where the other
    lines of the report (``body``) do not say it themselves."""
    if len(line) >= SHORT_LINE:
        return sum(p.count(line) for p in paragraphs) > body.count(line)
    return any(_holds(p, line) for p in paragraphs)


def _holds(paragraph: str, line: str) -> bool:
    """Whether a short squashed junk line was kept in this squashed paragraph: only at its
    edge, since so short a text occurs inside any paragraph."""
    if len(line) == 1:  # a lone mark (。) ends paragraphs anyway: kept only as a paragraph of its own
        return paragraph == line
    return paragraph.startswith(line) or paragraph.endswith(line)


def structure_text(result: dict[str, Any]) -> str:
    lines = []
    for split, s in result["sets"].items():
        lines.append(f"== {split}: {s['reports']} reports")
        for key, value in s.items():
            if key != "reports":
                lines.append(f"  {key:<22} {value}")
    lines.append(f"\n{len(result['misses'])} misses on tuned reports:")
    for m in result["misses"]:
        rest = {k: v for k, v in m.items() if k not in ("report", "split", "what")}
        lines.append(f"  [{m['split']}] {m['report']}: {m['what']} {rest}")
    lines.extend(unlisted_text(result["heldout_misses_unlisted"]))
    return "\n".join(lines) + "\n"
