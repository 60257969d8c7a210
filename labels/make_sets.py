"""Build the report sets the reference labels are made on, and their tune / held-out split.

Run from the repository root: ``python labels/make_sets.py``. It writes ``labels/sets.tsv``.

Reports of one source share templates, so the split is by whole report, within each source:
a third of every source is held out from tuning (chosen by a hash of the report id, so the
split does not depend on the order files are listed in). The seeds were tuned on from day one
and are never held out.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The ten city reports with the most non-paragraph lines (broken lines, headings, furniture),
# where structure mistakes show; the province set is taken whole.
CITY_REPORTS = ["承德", "蚌埠", "益阳", "宁波", "北海", "三亚", "贵港", "鄂州", "六安", "厦门"]


# The other city reports, in the order of a hash of the name (not chosen by reading them), split
# like the rest: a third held out. The first 32 were in the figures set only (the first 16 of
# them in the summaries set too) until the last round, which brought them into every set; those
# after them were added in rounds to every set. 130 is every city report on file, and every
# report of sets.tsv is now in every set.
EXTRA_CITY_COUNT = 130
# The national reports for the structure set: every fourth year on file, 1954-2022, held out
# (first as a whole source the rules never saw).
NATIONAL_STEP = 4
# Thirteen more national reports to tune the structure rules on (every fourth year on file
# from 1956, none of the held-out ones): the held-out national reports stay a set never tuned
# on, and the rules get national forms to learn from.
NATIONAL_TUNE_OFFSET = 2
# Then the rest of the national reports on file (the other two offsets), all to tune on: the
# held-out dozen still missed national heading forms the first thirteen never showed.
NATIONAL_LATER_TUNE_OFFSETS = (1, 3)


# Reports a rule was drawn from (the commit messages name them), or whose text was read at
# length, before they were labeled: they cannot measure the rules blind, so they are tuned on,
# whatever the hash says.
TUNED_BEFORE_LABELING = {
    "city-2024/泰安", "city-2024/资阳", "city-2024/泰州", "city-2024/恩施", "city-2024/锡林郭勒",
    "city-2024/乌鲁木齐", "city-2024/玉林", "city-2024/甘孜", "city-2024/十堰", "national/1954",
}


def _by_hash(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def extra_city_reports() -> list[str]:
    names = sorted(p.stem for p in (SHARED / "corpus" / "city-2024").glob("*.txt"))
    return sorted((n for n in names if n not in CITY_REPORTS), key=_by_hash)[:EXTRA_CITY_COUNT]


def national_reports() -> list[str]:
    return sorted(p.stem for p in (SHARED / "corpus" / "national").glob("*.txt"))[::NATIONAL_STEP]


def national_tune_reports() -> list[str]:
    names = sorted(p.stem for p in (SHARED / "corpus" / "national").glob("*.txt"))
    offsets = (NATIONAL_TUNE_OFFSET, *NATIONAL_LATER_TUNE_OFFSETS)
    return sorted(name for offset in offsets for name in names[offset::NATIONAL_STEP])


def resolve(path: str) -> Path:
    """The file of a ``sets.tsv`` path: seeds live in this repository, the corpus beside it."""
    return ROOT / path if path.startswith("seeds/") else SHARED / path


def read_sets() -> list[dict[str, str]]:
    """Rows of ``labels/sets.tsv``: report, source, path, split."""
    import csv

    with open(ROOT / "labels" / "sets.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def held_out(report_id: str) -> bool:
    digest = hashlib.sha1(report_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % 3 == 0


def main() -> None:
    rows = []
    for path in sorted((SHARED / "corpus" / "province-2025").glob("*.txt")):
        rows.append((f"province-2025/{path.stem}", "province-2025", f"corpus/province-2025/{path.name}"))
    for name in CITY_REPORTS:
        rows.append((f"city-2024/{name}", "city-2024", f"corpus/city-2024/{name}.txt"))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        rows.append((f"seeds/{path.stem}", "seeds", f"seeds/{path.name}"))
    for name in extra_city_reports():
        rows.append((f"city-2024/{name}", "city-2024", f"corpus/city-2024/{name}.txt"))
    for name in national_reports():
        rows.append((f"national/{name}", "national", f"corpus/national/{name}.txt"))
    tune_national = set(national_tune_reports())
    for name in sorted(tune_national):
        rows.append((f"national/{name}", "national", f"corpus/national/{name}.txt"))
    lines = ["report\tsource\tpath\tsplit"]
    for report, source, path in rows:
        if report in TUNED_BEFORE_LABELING:
            split = "tune"
        elif source == "national":
            split = "tune" if report.removeprefix("national/") in tune_national else "heldout"
        else:
            split = "heldout" if source != "seeds" and held_out(report) else "tune"
        lines.append(f"{report}\t{source}\t{path}\t{split}")
    (ROOT / "labels" / "sets.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
