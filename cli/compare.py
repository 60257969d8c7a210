"""Comparison tables for notebooks: ``Analyzer.compare(paths)`` gives rows (dicts); this
turns them into a pandas DataFrame with every column in order and numbers as numbers.

    from devzone import Analyzer
    from devzone.compare import to_dataframe
    frame = to_dataframe(Analyzer().compare(["reports/"]))
    frame[["place", "year", "gdp_growth_target", "gdp_growth_target_modifier"]]
"""

from __future__ import annotations

from typing import Any, Sequence

from .pipeline import comparison_columns


def to_dataframe(rows: Sequence[dict[str, Any]]) -> Any:
    """A pandas DataFrame of comparison rows (``pip install 'devzone[pandas]'``)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe needs pandas: pip install 'devzone[pandas]'") from None
    frame = pandas.DataFrame(list(rows), columns=comparison_columns())
    numeric = [c for c in frame.columns if c.startswith("share_") or c in ("year", "characters", "paragraphs")
               or (c.endswith(("_achieved", "_target", "_low", "_high", "_change")))]
    for column in numeric:
        frame[column] = pandas.to_numeric(frame[column], errors="coerce")
    return frame
