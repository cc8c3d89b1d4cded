"""Data-journalism dashboard: curated figures of news articles, with provenance.

The layers are the folders, each importing only those below it (tests/test_layers.py):
``reading`` (numbers, dates and words in both languages), ``data`` (models, loading,
provenance, context, corpus), ``curation`` (drafts from a new article), ``views`` (what
each page says and draws), ``exports`` (downloads) and ``app``, the only layer that
imports streamlit. ``cli`` and ``bench`` (tooling, not installed) sit above them.
"""
