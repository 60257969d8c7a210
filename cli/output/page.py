"""The comparison as one self-contained HTML page: the table (sortable by any column), a
stacked bar of theme shares per report, and last year's growth against this year's target per
report. Inline SVG and one inline script; nothing is fetched, so it opens offline."""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

from ..document import THEMES

COLOURS = {"industry": "#4e79a7", "business_environment": "#f28e2b", "livelihood": "#59a14f",
           "safety": "#e15759", "ecology": "#76b7b2", "other": "#bab0ac"}
_FONT = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif'
_SORT_SCRIPT = """
document.querySelectorAll('table.sortable th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.from(body.rows);
    var up = th.dataset.order !== 'up';
    th.dataset.order = up ? 'up' : 'down';
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), 'zh');
      return up ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


def _label(row: dict[str, Any]) -> str:
    name = row.get("place") or row.get("title") or row["source"]
    return f"{name} {row['year']}" if row.get("year") else str(name)


def _cell(value: Any) -> str:
    if value is None:
        return '<td data-value=""></td>'
    return f'<td data-value="{escape(str(value))}">{escape(str(value))}</td>'


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    shown = [c for c in columns if any(r.get(c) not in (None, "") for r in rows)]
    head = "".join(f"<th>{escape(c)}</th>" for c in shown)
    body = "".join("<tr>" + "".join(_cell(r.get(c)) for c in shown) + "</tr>" for r in rows)
    return f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _shares_chart(rows: Sequence[dict[str, Any]]) -> str:
    reports = [r for r in rows if "error" not in r]
    bar, gap, left, width = 18, 6, 170, 560
    height = len(reports) * (bar + gap) + 40
    parts = [f'<svg class="chart" id="theme-shares" width="{left + width + 20}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="theme shares per report">']
    for i, row in enumerate(reports):
        y = 10 + i * (bar + gap)
        parts.append(f'<text x="{left - 6}" y="{y + bar - 5}" text-anchor="end">{escape(_label(row))}</text>')
        x = float(left)
        for theme in THEMES:
            share = float(row.get(f"share_{theme}") or 0.0)
            if share <= 0:
                continue
            w = share * width
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{COLOURS[theme]}">'
                         f"<title>{escape(_label(row))} · {theme} {share:.1%}</title></rect>")
            x += w
    legend_y = height - 14
    x = float(left)
    for theme in THEMES:
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" fill="{COLOURS[theme]}"/>'
                     f'<text x="{x + 14}" y="{legend_y}">{escape(theme)}</text>')
        x += 24 + 7 * len(theme)
    parts.append("</svg>")
    return "".join(parts)


def _growth_chart(rows: Sequence[dict[str, Any]]) -> str:
    reports = [r for r in rows if "error" not in r and (r.get("gdp_growth_achieved") is not None
                                                         or r.get("gdp_growth_target") is not None
                                                         or r.get("gdp_growth_target_low") is not None)]
    if not reports:
        return "<p>No report states a GDP growth result or target.</p>"
    values = [v for r in reports for v in (r.get("gdp_growth_achieved"), r.get("gdp_growth_target"),
                                            r.get("gdp_growth_target_low"), r.get("gdp_growth_target_high"))
              if isinstance(v, (int, float))]
    low, high = min(values + [0.0]), max(values + [1.0])
    left, width, row_h = 170, 460, 22

    def x_of(v: float) -> float:
        return left + (v - low) / ((high - low) or 1.0) * width

    height = len(reports) * row_h + 50
    parts = [f'<svg class="chart" id="growth" width="{left + width + 40}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="GDP growth: result and target">']
    for tick in range(int(low), int(high) + 1):
        x = x_of(tick)
        parts.append(f'<line x1="{x:.1f}" y1="5" x2="{x:.1f}" y2="{height - 35}" stroke="#ddd"/>'
                     f'<text x="{x:.1f}" y="{height - 22}" text-anchor="middle">{tick}%</text>')
    for i, row in enumerate(reports):
        y = 15 + i * row_h
        parts.append(f'<text x="{left - 6}" y="{y + 4}" text-anchor="end">{escape(_label(row))}</text>')
        t_low, t_high = row.get("gdp_growth_target_low"), row.get("gdp_growth_target_high")
        target = row.get("gdp_growth_target")
        if isinstance(t_low, (int, float)) and isinstance(t_high, (int, float)):
            parts.append(f'<line class="target" x1="{x_of(t_low):.1f}" y1="{y}" x2="{x_of(t_high):.1f}" y2="{y}" '
                         f'stroke="#e15759" stroke-width="6"><title>target {t_low}–{t_high}%</title></line>')
        elif isinstance(target, (int, float)):
            x = x_of(target)
            parts.append(f'<path class="target" d="M{x:.1f},{y - 6} l6,6 l-6,6 l-6,-6 z" fill="#e15759">'
                         f"<title>target {target}% ({escape(str(row.get('gdp_growth_target_modifier')))})</title></path>")
        achieved = row.get("gdp_growth_achieved")
        if isinstance(achieved, (int, float)):
            parts.append(f'<circle class="achieved" cx="{x_of(achieved):.1f}" cy="{y}" r="5" fill="#4e79a7">'
                         f"<title>result {achieved}%</title></circle>")
    legend = height - 6
    parts.append(f'<circle cx="{left}" cy="{legend - 4}" r="5" fill="#4e79a7"/><text x="{left + 10}" y="{legend}">'
                 f'last year\'s growth</text><path d="M{left + 150},{legend - 10} l6,6 l-6,6 l-6,-6 z" fill="#e15759"/>'
                 f'<text x="{left + 160}" y="{legend}">this year\'s target</text></svg>')
    return "".join(parts)


def comparison_page(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str = "devzone comparison") -> str:
    """A whole HTML document; it reads nothing from the network."""
    errors = [r for r in rows if "error" in r]
    failed = "".join(f"<li>{escape(r['source'])}: {escape(str(r['error']))}</li>" for r in errors)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font-family: {_FONT}; margin: 24px; color: #222; }}
table {{ border-collapse: collapse; font-size: 13px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 6px; text-align: left; white-space: nowrap; }}
th {{ background: #f3f3f3; cursor: pointer; position: sticky; top: 0; }}
svg text {{ font-family: {_FONT}; font-size: 12px; }}
section {{ margin-bottom: 32px; overflow-x: auto; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p>{len(rows) - len(errors)} reports{f", {len(errors)} could not be read" if errors else ""}. Click a column to sort.</p>
<section><h2>Theme shares</h2>{_shares_chart(rows)}</section>
<section><h2>GDP growth: last year's result and this year's target</h2>{_growth_chart(rows)}</section>
<section><h2>Table</h2>{_table(rows, columns)}</section>
{f"<section><h2>Not read</h2><ul>{failed}</ul></section>" if errors else ""}
<script>{_SORT_SCRIPT}</script>
</body></html>
"""
