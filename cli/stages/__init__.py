"""Stages: each takes a Document and returns it with one more layer. Stages never import one another; they meet in the pipeline."""
