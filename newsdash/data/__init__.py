"""The data layer: article models, safe YAML, loading, provenance, context tables, the corpus. Imports nothing above it."""
