"""Loading one curated article: parse safely, validate, prove provenance.

Every problem becomes a DataError placed at file, line, record id and field. An
article with any problem is not shown; the others still are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from newsdash.data.measures import (
    MEASURES_FILE,
    Measure,
    figure_measure_problem,
    load_measures,
    parties_of,
    setting_problem,
)
from newsdash.data.models import Article
from newsdash.data.placing import Placer
from newsdash.data.provenance import (
    ProvenanceProblem,
    Span,
    check_event_date,
    check_figure,
    locate,
    sha256_text,
)
from newsdash.data.yamlsafe import decode_text, parse_with_lines, read_bytes
from newsdash.errors import DataError
from newsdash.textsafety import number_problem

RECORD_LISTS = ("figures", "events", "paragraphs", "notes", "charts")
SEED_MAX_BYTES = 5_000_000
SeedReader = Callable[[Path], tuple[bytes, str]]


@dataclass(frozen=True)
class LoadedArticle:
    """A validated article, its seed text, and where each quote stands in it."""

    article: Article  # confirmed records only: drafts are validated, never shown
    path: Path
    seed_text: str
    spans: dict[str, Span] = field(default_factory=dict)
    drafts: tuple[str, ...] = ()  # ids of the draft figures and events left out
    # The bytes that were parsed and proven, kept so an export writes and hashes exactly
    # what the figures come from, whatever happened to the files since.
    raw: bytes = b""
    seed_path: Path | None = None
    seed_raw: bytes = b""

    @property
    def is_draft(self) -> bool:
        return self.article.article.status == "draft"

    @property
    def id(self) -> str:
        return self.article.article.id

    @property
    def paragraphs_original(self) -> list[str]:
        return split_paragraphs(self.seed_text)


def split_paragraphs(seed: str) -> list[str]:
    return seed.split("\n\n")


def article_placer(path: Path, raw: dict, lines: dict) -> Placer:
    """Places a problem in an article file: in a list of records at the record's id,
    elsewhere at its section (article:, ...)."""
    return Placer(str(path), raw, lines, records=RECORD_LISTS)


def load_article(path: Path, seeds_dir: Path, *, root: Path | None = None,
                 read_seed: SeedReader | None = None,
                 measures: dict[str, Measure] | None = None) -> tuple[LoadedArticle | None, list[DataError]]:
    """Validate one article file; on any problem return None and every error found.

    Only a regular file inside `root` (default: the data folder, path's grandparent) is
    read. `read_seed` gives a seed's bytes and text (default: read from seeds_dir), so a
    corpus can share one copy of a seed between the articles quoting it. Each figure's
    `measure` is checked against `measures` (default: the data folder's measures.yaml)."""
    try:
        data = read_bytes(path, root=root or path.parent.parent)
        raw, lines = parse_with_lines(path, decode_text(path, data))
    except DataError as error:
        return None, [error]
    if not isinstance(raw, dict):
        return None, [DataError(str(path), "the file must hold a mapping (article:, figures:, ...)", 1)]
    placer = article_placer(path, raw, lines)
    try:
        article = Article.model_validate(raw)
    except ValidationError as exc:
        return None, placer.validation_errors(exc)
    if measures is None:
        measures = load_measures(root or path.parent.parent)[0]
    measure_errors = _measure_errors(article, measures, placer)
    if measure_errors:
        return None, measure_errors
    return _with_seed(article, path, data, seeds_dir, placer, read_seed or partial(read_seed_file, seeds_dir))


def read_seed_file(seeds_dir: Path, seed_path: Path) -> tuple[bytes, str]:
    """A seed's bytes and text: a regular file inside the seeds folder, UTF-8."""
    data = read_bytes(seed_path, SEED_MAX_BYTES, root=seeds_dir)
    return data, decode_text(seed_path, data)


def _with_seed(article: Article, path: Path, data: bytes, seeds_dir: Path, placer: Placer, read_seed: SeedReader):
    seed_path = seeds_dir / article.article.seed.file
    try:
        seed_raw, seed_text = read_seed(seed_path)
    except FileNotFoundError:
        return None, [placer.error(("article", "seed", "file"), f"seed file not found: {seed_path}")]
    except DataError as error:
        return None, [error]
    digest = sha256_text(seed_raw)  # the very bytes that are proven against, not a second read
    if digest != article.article.seed.sha256:
        problem = f"seed sha256 is {digest}, not the one recorded: the source text has changed"
        return None, [placer.error(("article", "seed", "sha256"), problem)]
    if hidden := number_problem(seed_text):  # the page would show digits other than the ones proven
        return None, [DataError(str(seed_path), hidden[1], hidden[0], article.article.id, "seed")]
    spans, errors = _check_records(article, seed_text, placer)
    if errors:
        return None, errors
    return LoadedArticle(_confirmed_only(article), path, seed_text, spans, _draft_ids(article),
                         data, seed_path, seed_raw), []


def _confirmed_only(article: Article) -> Article:
    """What the dashboard may show: a draft waits for an editor to confirm it."""
    return article.model_copy(update={"figures": article.confirmed_figures, "events": article.confirmed_events})


def _draft_ids(article: Article) -> tuple[str, ...]:
    return tuple(r.id for r in [*article.figures, *article.events] if r.status == "draft")


def _check_records(article: Article, seed: str, placer: Placer) -> tuple[dict, list[DataError]]:
    spans: dict[str, Span] = {}
    errors = _duplicate_ids(article, placer) + _reference_errors(article, placer)
    errors += _paragraph_errors(article, seed, placer)
    for i, fig in enumerate(article.figures):
        errors += _prove(("figures", i), fig.id, fig.quote, seed, spans, placer,
                         lambda f=fig: check_figure(f.quote, f.value, f.qualifier, f.value_max))
    for i, event in enumerate(article.events):
        errors += _prove(("events", i), event.id, event.quote, seed, spans, placer,
                         lambda e=event: check_event_date(e.quote, e.date, article.article.published))
    for i, note in enumerate(article.notes):
        if note.concerns.quote:
            errors += _prove(("notes", i, "concerns"), note.id, note.concerns.quote, seed, spans, placer)
    return spans, errors


def _prove(loc, rid, quote, seed, spans, placer, check=None) -> list[DataError]:  # noqa: ANN001
    try:
        spans[rid] = locate(quote, seed)
    except ProvenanceProblem as problem:
        return [placer.error((*loc, "quote"), str(problem))]
    try:
        if check:
            check()
    except ProvenanceProblem as problem:
        return [placer.error((*loc, problem.field), str(problem))]
    return []


def _duplicate_ids(article: Article, placer: Placer) -> list[DataError]:
    errors, seen = [], set()
    for kind in ("figures", "events", "notes", "charts"):
        for i, record in enumerate(getattr(article, kind)):
            if record.id in seen:
                errors.append(placer.error((kind, i, "id"), f"id '{record.id}' is used twice"))
            seen.add(record.id)
    return errors


def _reference_errors(article: Article, placer: Placer) -> list[DataError]:
    known = {f.id for f in article.figures}
    errors = []
    for kind in ("charts", "notes"):
        for i, record in enumerate(getattr(article, kind)):
            refs = record.figures if kind == "charts" else record.concerns.figures
            for ref in refs:
                if ref not in known:
                    errors.append(placer.error((kind, i, "figures"), f"no figure with id '{ref}'"))
                elif kind == "charts" and ref in _draft_ids(article):
                    message = f"figure '{ref}' is a draft: confirm it before a chart draws it"
                    errors.append(placer.error((kind, i, "figures"), message))
    return errors


def _measure_errors(article: Article, measures: dict[str, Measure], placer: Placer) -> list[DataError]:
    """A figure names a measure that exists, counts in that measure's unit, is the same
    party's count of the same kind, and sits in the measure's category (the category
    places the figure's tile and links on a page, the measure its chart: apart, the figure
    would be told on one page and drawn on another). A draft's figure may name the new
    measure it proposes."""
    errors = []
    for i, fig in enumerate(article.figures):
        own, problem = _with_proposed(fig, i, measures, placer, errors)
        problem = problem or figure_measure_problem(fig.measure, fig.unit, own)
        if problem:
            errors.append(placer.error(("figures", i, "measure"), problem))
            continue
        if fig.party is not None and parties_of(measures) and fig.party not in parties_of(measures):
            errors.append(placer.error(("figures", i, "party"),
                                       f"no party '{fig.party}' in {MEASURES_FILE} (add it to its parties)"))
        for said in ("party", "kind"):
            if mismatch := setting_problem(said, getattr(fig, said), fig.measure, own):
                errors.append(placer.error(("figures", i, said), mismatch))
        if fig.measure and fig.category != own[fig.measure].category:
            message = (f"the figure's category is '{fig.category}' but measure '{fig.measure}' is in "
                       f"'{own[fig.measure].category}': give it that category, or another measure")
            errors.append(placer.error(("figures", i, "category"), message))
    return errors


def _with_proposed(fig, i: int, measures: dict[str, Measure], placer: Placer,  # noqa: ANN001
                   errors: list) -> tuple[dict[str, Measure], str | None]:
    """The measures a figure may name: the record's, and a draft's own proposed measure."""
    if fig.proposed_measure is None:
        return measures, None
    if fig.status != "draft":
        return measures, (f"a proposed measure is added to {MEASURES_FILE} when the article is confirmed: "
                          "confirm it on the Add an article page, or add it there and drop proposed_measure")
    try:
        proposed = Measure.model_validate(fig.proposed_measure)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        errors.append(placer.error(("figures", i, "proposed_measure"), f"{where}: {first['msg']}"))
        return measures, None
    if proposed.id in measures:
        return measures, f"proposed measure '{proposed.id}' is already in {MEASURES_FILE}: name it, drop the proposal"
    return {**measures, proposed.id: proposed}, None


def _paragraph_errors(article: Article, seed: str, placer: Placer) -> list[DataError]:
    count = len(split_paragraphs(seed))
    indexes = [p.index for p in article.paragraphs]
    if indexes != list(range(count)):
        message = f"the seed has {count} paragraphs (0 to {count - 1}); give each once, in order"
        return [placer.error(("paragraphs",), message)]
    return []
