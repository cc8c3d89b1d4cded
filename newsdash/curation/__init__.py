"""Assisted curation: candidate figures and dates from a new article, and the draft an editor confirms."""
