"""The readable view of records (``--format text``)."""

from __future__ import annotations

from typing import Any


def report_text(record: dict[str, Any]) -> str:
    if "error" in record:
        return f"{record['source']}: ERROR {record['error']['message']}\n"
    lines = [f"# {record['title'] or record['source']}", ""]
    about = [str(record[k]) for k in ("place", "year", "level", "date", "speaker") if record.get(k) is not None]
    if about:
        lines.append(" · ".join(about))
    c = record["counts"]
    lines.append(
        f"{record['source']} · {record['encoding']} · {c['paragraphs']} paragraphs · {c['sentences']} sentences"
        + (" · converted to simplified" if record["script_conversion"] == "t2s" else "")
    )
    parts: dict[str, int] = {}
    for p in record["paragraphs"]:
        if p.get("part"):
            parts[p["part"]] = parts.get(p["part"], 0) + 1
    if parts:
        lines.append("parts: " + ", ".join(f"{k} {v}" for k, v in parts.items()) + " paragraphs")
    for w in record["warnings"]:
        lines.append(f"warning: {w}")
    if record.get("keywords"):
        lines.append("keywords: " + "、".join(record["keywords"]))
    lines += ["", "## Summary", ""]
    lines += [f"- {s['text']}  [¶{s['paragraph']}]" for s in record["summary"]]
    for theme, t in record["themes"].items():
        lines += ["", f"## {t['name']} {theme}  ({t['share']:.0%} of text, {len(t['paragraphs'])} paragraphs)"]
        lines.append("keywords: " + "、".join(t["keywords"]))
        lines += [f"- {s['text']}  [¶{s['paragraph']}]" for s in t["summary"]]
    return "\n".join(lines) + "\n\n"


def evaluation_text(report: dict[str, Any], themes: list[str]) -> str:
    """The table ``devzone evaluate`` prints for the theme classifier."""
    out = [f"{report['n_paragraphs']} paragraphs, {report['n_documents']} documents, {report['folds']}", ""]
    for name, res in report["models"].items():
        out.append(f"== {name}: macro-F1 {res['macro_f1']:.3f}, accuracy {res['accuracy']:.3f}"
                   + (f", secondary F1 {res['secondary_f1']:.3f} (sentence share {res['secondary_share']},"
                      f" floor {res['secondary_min_probability']})" if "secondary_f1" in res else ""))
        out.append(f"{'theme':<22}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>6}")
        for t in themes:
            m = res["per_theme"][t]
            out.append(f"{t:<22}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>6}")
        out.append("confusion (rows: labeled, columns: predicted, order as above)")
        for t, row in zip(themes, res["confusion"], strict=True):
            out.append(f"{t:<22}" + "".join(f"{v:>6}" for v in row))
        out.append("")
    return "\n".join(out) + "\n"


def themes_text(rows: list[dict[str, str]]) -> str:
    return "".join(f"{row['id']:<22}{row['name']}\n    {row['definition_zh']}\n    {row['definition']}\n" for row in rows)


def figures_text(record: dict[str, Any]) -> str:
    """A report's headline and figures as a readable table."""
    if "error" in record:
        return f"{record['source']}: ERROR {record['error']['message']}\n"
    about = " · ".join(str(record[k]) for k in ("place", "year", "level") if record.get(k) is not None)
    lines = [f"# {record['title'] or record['source']}" + (f"  ({about})" if about else ""), ""]
    for title, rows in (("headline", record["headline"]), ("all figures", record["figures"])):
        lines.append(f"## {title}")
        for f in rows:
            value = f"{f['low']}–{f['high']}" if f["value"] is None and f["low"] is not None else f["value"]
            lines.append(f"{f['indicator'] or '-':<32}{f['kind']:<9}{f['period'] or '-':<11}"
                         f"{'' if value is None else value} {f['unit']} {f['modifier']}  [¶{f['paragraph']}] {f['name']}")
        lines.append("")
    return "\n".join(lines) + "\n"
