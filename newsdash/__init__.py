"""Data-journalism dashboard: curated figures of one article, with provenance.

Everything in this package is pure logic, except ``widgets`` (shared page widgets),
the only module allowed to import streamlit.
"""
