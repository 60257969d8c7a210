"""Evaluation against the reference sets in ``labels/`` (structure, figures, summaries).

It sits beside the CLI, above the pipeline: it runs the Analyzer over the labeled reports and
compares. Every result is given per report set: ``tune`` (reports the rules were tuned on)
and ``heldout`` (whole reports, a third of each source, never tuned on)."""
