"""Ranking: centrality, informativeness, selection and keywords, the tools the summarize stage uses."""
