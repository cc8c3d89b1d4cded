"""How much the benchmark measures: the full run and the quick one the test uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    name: str
    rerun_runs: int  # warm AppTest runs per page and per baseline
    langs: tuple[str, ...]
    first_view_runs: int  # `streamlit run` launches per app
    interaction_runs: int  # filter changes per app
    sessions: int  # extra concurrent browser sessions for the memory measure
    export_runs: int  # warm PNG exports
    cold_export_runs: int  # fresh-kaleido PNG exports
    measure_cold_kit: bool  # build a press kit with a new browser per image (slow)
    scale_sizes: tuple[int, ...]
    scale_runs: int
    edit_size: int = 1000  # articles in the corpus where one is edited
    edit_runs: int = 5  # edits measured (and half as many full loads)
    big_article_figures: int = 5000  # figures of the long article whose first view is measured
    big_article_runs: int = 3
    capacity_sessions: int = 40  # readers per replica (newsdash/bench/capacity.py)
    capacity_seconds: float = 60.0  # of filter changes, each reader every capacity_think seconds
    capacity_think: float = 3.0
    capacity_flat_seconds: float = 15.0  # readers with no pause: the most reruns a second
    # how many of the browser section's interactions are measured (None: every one); the
    # quick run's first one changes a multiselect on the dashboard and a selectbox on its baseline
    interactions: int | None = None


FULL = Config("full", rerun_runs=20, langs=("en", "ar"), first_view_runs=5, interaction_runs=10, sessions=10,
              export_runs=10, cold_export_runs=3, measure_cold_kit=True, scale_sizes=(1, 10, 100, 1000),
              scale_runs=5)
QUICK = Config("quick", rerun_runs=3, langs=("en",), first_view_runs=1, interaction_runs=1, sessions=1,
               export_runs=2, cold_export_runs=1, measure_cold_kit=False, scale_sizes=(1, 10, 20),
               scale_runs=1, edit_size=20, edit_runs=2, big_article_figures=200, big_article_runs=1,
               capacity_sessions=3, capacity_seconds=3.0, capacity_think=1.0, capacity_flat_seconds=2.0,
               interactions=1)
