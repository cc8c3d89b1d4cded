"""The hostile and broken data corpus: each case is a copy of the shipped data with one
thing broken, and the exact errors it must produce.

Two kinds of case:
- a folder `tests/hostile/<case>/` whose files are laid over the copy (a small broken
  `data/articles/zz_broken.yaml` beside the good article, mostly);
- a transformation of the real files, for whatever is binary (BOM, NUL, invalid UTF-8)
  or large (a 1 MB file, 100,000 brackets): generated at test time to keep the repo small.

Expected errors are written with paths relative to the copy's root, one per line, exactly
as `python -m newsdash validate` prints them; {line} and {byte} are found from a marker in
the prepared file, so an edit elsewhere in the shipped data does not break the table.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import ARTICLE, ROOT

HOSTILE = Path(__file__).resolve().parent / "hostile"
ART = f"data/articles/{ARTICLE}"
BROKEN = "data/articles/zz_broken.yaml"
EVENTS_CSV = "data/context/context_events.csv"
METHOD = "data/method.yaml"
METHOD_PAGE = "pages/data_method.py"
SEED = "000_3a55c9cc56337ab1.txt"
# Markup a reader must see as text: if any of it ran, window.__xss would be set, and the
# image would make the browser call a host that is not the app's own.
PAYLOAD = ('<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
           '<b>bold?</b> ![pixel](http://203.0.113.7/pixel.png) [link](javascript:window.__xss=3) $x^2$ `tick')


@dataclass(frozen=True)
class Case:
    name: str
    prepare: Callable[[Path], None]
    errors: tuple[str, ...]
    good_articles: int = 1  # articles still shown beside the broken one
    marker: tuple[str, bytes] | None = None  # (file, bytes): {line} and {byte} in errors point there
    page: str = "pages/overview.py"  # where the app shows these errors

    def __str__(self) -> str:
        return self.name

    def expected(self, root: Path) -> list[str]:
        """The errors as printed for a copy at root (paths relative to it)."""
        names = {"{ART}": ART, "{BROKEN}": BROKEN, "{EVENTS_CSV}": EVENTS_CSV, "{METHOD}": METHOD}
        if self.marker:
            raw = (root / self.marker[0]).read_bytes()
            at = raw.index(self.marker[1])
            names |= {"{line}": str(raw[:at].count(b"\n") + 1), "{byte}": str(at)}
        lines = []
        for error in self.errors:
            for name, value in names.items():
                error = error.replace(name, value)
            lines.append(error)
        return lines


def make_copy(root: Path) -> Path:
    """A fresh copy of data/ and seeds/ under root; returns root/data."""
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root / "data"


def overlay(root: Path, name: str) -> None:
    shutil.copytree(HOSTILE / name, root, dirs_exist_ok=True)


def folder(name: str, errors: tuple[str, ...], good: int = 1) -> Case:
    return Case(name, lambda root: overlay(root, name), errors, good)


def edit_text(rel: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def prepare(root: Path) -> None:
        path = root / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return prepare


def edit_bytes(rel: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def prepare(root: Path) -> None:
        path = root / rel
        path.write_bytes(change(path.read_bytes()))
    return prepare


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} must occur once in the file"
        return text.replace(old, new)
    return change


def write_file(rel: str, content: bytes) -> Callable[[Path], None]:
    def prepare(root: Path) -> None:
        (root / rel).write_bytes(content)
    return prepare


def copy_as_second_article(change: Callable[[str], str]) -> Callable[[Path], None]:
    """The real article again under another id, with one thing changed."""
    def prepare(root: Path) -> None:
        text = (root / ART).read_text(encoding="utf-8")
        text = text.replace("id: 2021-12-29-sputnik-rudenko-karabakh", "id: copy-with-one-error", 1)
        (root / BROKEN).write_text(change(text), encoding="utf-8")
    return prepare


# --- markup in every text field -------------------------------------------------------

ARTICLE_TEXT_KEYS = {"label", "title", "subtitle", "note", "source", "text", "name", "role", "outlet",
                     "wire_agency", "claim_caveat", "translation", "attributed_to", "title_original"}
CONTEXT_TEXT_COLUMNS = {"event", "note", "source_title", "reported_by"}


def _with_payload(node: object, key: str | None = None) -> object:
    """Every text field of the article with PAYLOAD added (quotes and ids left alone)."""
    if isinstance(node, dict):
        if key == "sources":
            return node
        return {k: _with_payload(v, k if k in ARTICLE_TEXT_KEYS else (key if k in ("en", "ar") else None))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_with_payload(item, key) for item in node]
    if isinstance(node, str) and key:
        ending = "." if key == "subtitle" else ""  # an English subtitle must end with a period
        return f"{node} {PAYLOAD}{ending}"
    return node


def markup_everywhere(root: Path) -> None:
    """PAYLOAD in every article text field, in a new seed paragraph, and in every
    free-text cell of the context tables; the data stays valid."""
    seed_path = root / "seeds" / SEED
    seed = seed_path.read_text(encoding="utf-8") + f"\n\n{PAYLOAD}"
    seed_path.write_text(seed, encoding="utf-8")
    article_path = root / ART
    data = _with_payload(yaml.safe_load(article_path.read_text(encoding="utf-8")))
    data["article"]["seed"]["sha256"] = hashlib.sha256(seed.encode()).hexdigest()
    data["paragraphs"].append({"index": len(data["paragraphs"]), "kind": "body", "translation": PAYLOAD})
    article_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for table in (root / "data" / "context").glob("*.csv"):
        table.write_text(_csv_with_payload(table.read_text(encoding="utf-8")), encoding="utf-8")
    measures_path = root / "data" / "measures.yaml"  # the measure charts' words
    measures = _with_payload(yaml.safe_load(measures_path.read_text(encoding="utf-8")))
    measures_path.write_text(yaml.safe_dump(measures, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _csv_with_payload(text: str) -> str:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: f"{v} {PAYLOAD}" if k in CONTEXT_TEXT_COLUMNS else v for k, v in row.items()})
    return out.getvalue()


# --- text a spreadsheet would run as a formula -----------------------------------------

# (file, the text replaced, what replaces it in the file, the text as read) in fields that
# reach the CSVs: figure labels, an attribution, a context source title and a note
FORMULAS = (
    (ART, "{en: Buildings inspected,", '{en: "=HYPERLINK(\\"http://x\\",\\"y\\")",', '=HYPERLINK("http://x","y")'),
    (ART, "{en: Armenians helped to return home,", '{en: "@SUM(1+1)",', "@SUM(1+1)"),
    (ART, "{en: Azerbaijanis helped to return home,", '{en: "\\tAzerbaijanis helped to return home",',
     "\tAzerbaijanis helped to return home"),
    (ART, "\"Andrei Rudenko (reported speech: 'according to him')\"", "\"+cmd|' /C calc'!A0\"",
     "+cmd|' /C calc'!A0"),
    ("data/context/returns_series.csv", '"TASS, 23 Nov 2020"', "=1+1", "=1+1"),
    ("data/context/mod_demining_series.csv", "buildings are houses and facilities inspected", "-2+3 houses",
     "-2+3 houses"),
)


def formulas_in_text_fields(root: Path) -> None:
    """FORMULAS written into a copy of the data, which stays valid."""
    for rel, old, new, _read in FORMULAS:
        edit_text(rel, replace_once(old, new))(root)


# --- generated broken files -----------------------------------------------------------

def _deep_brackets(count: int) -> bytes:
    return b"article:\n  id: broken-one\nfigures: " + b"[" * count + b"]" * count + b"\n"


def _padded(raw: bytes) -> bytes:
    """The article, then one comment line that brings it to 1,000,001 bytes."""
    return raw + b"#" + b"x" * (1_000_001 - len(raw) - 2) + b"\n"


def _bidi(char: str) -> Callable[[str], str]:
    return replace_once("label: {en: Buildings inspected,", f'label: {{en: "Buildings {char}7391 inspected",')


# --- what is not a regular file inside the data folder ----------------------------------

FIFO = "data/articles/zz.yaml"
SEED_PATH = f"seeds/{SEED}"
NOT_REGULAR = "is a {}, not a regular file; only regular files are read"
OUTSIDE = "is a link to {}, outside the data folder; only files inside it are read"


def named_pipe(rel: str) -> Callable[[Path], None]:
    """A named pipe in place of (or beside) a data file: reading it would wait forever."""
    def prepare(root: Path) -> None:
        (root / rel).unlink(missing_ok=True)
        os.mkfifo(root / rel)
    return prepare


def link_to(rel: str, target: str) -> Callable[[Path], None]:
    """A symbolic link in place of (or beside) a data file; target is relative to root
    unless absolute (/dev/zero never ends: 2.4 GB read before anything was refused)."""
    def prepare(root: Path) -> None:
        (root / rel).unlink(missing_ok=True)
        (root / rel).symlink_to(target if target.startswith("/") else root / target)
    return prepare


def outside_copy_and_link(root: Path) -> None:
    """The real article copied outside the data folder, linked from inside it."""
    text = (root / ART).read_text(encoding="utf-8").replace("id: 2021-12-29-sputnik", "id: linked-copy", 1)
    (root / "elsewhere.yaml").write_text(text, encoding="utf-8")
    link_to(FIFO, "elsewhere.yaml")(root)


ODD_ID = 'id: "note_x`` ![p](http://203.0.113.7/p.png)\\n\\n# heading \\u202e"'


def _cases() -> list[Case]:

    bidi = "contains the bidirectional control character {}, which can reverse how the text around it reads; remove it"
    rlo = bidi.format("U+202E (RIGHT-TO-LEFT OVERRIDE)")
    return [
        # YAML that does not parse
        folder("yaml_syntax_unclosed_flow", ("{BROKEN}:4: -: -: YAML error: expected ',' or ']', but got ':'",)),
        folder("yaml_syntax_bad_indent", ("{BROKEN}:3: -: -: YAML error: mapping values are not allowed here",)),
        folder("yaml_tab_indent", ("{BROKEN}:2: -: -: YAML error: found character '\\t' that cannot start any token",)),
        folder("two_documents", ("{BROKEN}:2: -: -: YAML error: but found another document",)),
        folder("empty_file", ("{BROKEN}:1: -: -: the file must hold a mapping (article:, figures:, ...)",)),
        folder("top_level_list", ("{BROKEN}:1: -: -: the file must hold a mapping (article:, figures:, ...)",)),
        # keys PyYAML would accept silently
        folder("duplicate_key_top", ("{BROKEN}:3: -: -: duplicate key 'article' (first at line 1)",)),
        folder("duplicate_key_nested", ("{BROKEN}:4: -: -: duplicate key 'outlet' (first at line 3)",)),
        folder("non_text_key", ("{BROKEN}:3: -: -: key 2021 is not text",)),
        folder("merge_key", ("{BROKEN}:3: -: -: merge keys (<<) are not allowed",)),
        # tags that would build objects or smuggle bytes
        folder("python_object_apply_tag",
               ("{BROKEN}:5: -: -: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",)),
        folder("python_name_tag", ("{BROKEN}:2: -: -: tag tag:yaml.org,2002:python/name:os.system is not allowed",)),
        folder("custom_include_tag", ("{BROKEN}:3: -: -: tag !include is not allowed",)),
        folder("binary_tag", ("{BROKEN}:3: -: -: tag tag:yaml.org,2002:binary is not allowed",)),
        # what would cost memory or stack
        folder("alias_bomb", ("{BROKEN}:1: -: -: YAML error: anchors (&name) are not allowed",)),
        folder("deep_nesting", ("{BROKEN}:4: -: -: nesting deeper than 20 levels",)),
        Case("deep_nesting_beyond_the_stack", write_file(BROKEN, _deep_brackets(100_000)),
             ("{BROKEN}:3: -: -: nesting deeper than 20 levels",)),
        Case("file_above_size_limit", edit_bytes(ART, _padded),
             ("{ART}: -: -: file is 1,000,001 bytes, above the limit of 1,000,000",), 0),
        Case("huge_integer", write_file(BROKEN, b"article:\n  id: broken-one\nfigures:\n  - value: " + b"9" * 5000 + b"\n"),
             ("{BROKEN}:4: -: -: a value of 5,000 characters cannot be read as a number",)),
        # bytes an editor would not save
        Case("byte_order_mark", edit_bytes(ART, lambda raw: b"\xef\xbb\xbf" + raw),
             ("{ART}:1: -: -: file starts with a byte-order mark; save it as UTF-8 without BOM",), 0),
        Case("nul_byte", edit_bytes(ART, lambda raw: raw.replace(b"value: 1937", b"value: 19\x0037")),
             ("{ART}:{line}: -: -: file contains a NUL byte",), 0, (ART, b"\x00")),
        Case("invalid_utf8", edit_bytes(ART, lambda raw: raw.replace(b"value: 683", b"value: \xff\xfe683")),
             ("{ART}:{line}: -: -: invalid UTF-8 at byte {byte}",), 0, (ART, b"\xff")),
        Case("raw_control_character", edit_bytes(ART, lambda raw: raw.replace(b"Land surveyed", b"Land\x1bsurveyed")),
             ("{ART}:{line}: -: -: character U+001B is not allowed in YAML",), 0, (ART, b"\x1b")),
        Case("escaped_control_character",
             edit_text(ART, replace_once("label: {en: Land surveyed,", 'label: {en: "Land\\x07surveyed",')),
             ("{ART}:{line}: hectares_surveyed: label.en: contains the control character U+0007; remove it",),
             0, (ART, b"Land\\x07")),
        # bidi controls that reorder what a label shows
        Case("bidi_override_rlo", edit_text(ART, _bidi("\u202e")),
             ("{ART}:{line}: buildings_inspected: label.en: " + rlo,), 0, (ART, "\u202e".encode())),
        Case("bidi_override_lro", edit_text(ART, _bidi("\u202d")),
             ("{ART}:{line}: buildings_inspected: label.en: " + bidi.format("U+202D (LEFT-TO-RIGHT OVERRIDE)"),),
             0, (ART, "\u202d".encode())),
        Case("bidi_isolates", edit_text(ART, replace_once(
                 "title: {en: People the peacekeepers helped to return home,",
                 'title: {en: "People \u2066the\u2069 \u2067peacekeepers\u2069 \u2068helped\u2069 home",')),
             ("{ART}:{line}: chart_helped_home: title.en: " + bidi.format("U+2066 (LEFT-TO-RIGHT ISOLATE)"),),
             0, (ART, "\u2066".encode())),
        Case("bidi_in_arabic_label", edit_text(ART, replace_once("ar: مبانٍ تم فحصها}", 'ar: "مبانٍ \u202e1937 تم فحصها"}')),
             ("{ART}:{line}: buildings_inspected: label.ar: " + rlo,), 0, (ART, "\u202e".encode())),
        Case("context_csv_bidi_in_event",
             edit_text(EVENTS_CSV, lambda t: t + "2021-01-01,day,Ceasefire \u202ebroken,,title,https://e.org,,,\n"),
             ("{EVENTS_CSV}:{line}: row {line}: event: " + rlo,), 1, (EVENTS_CSV, "\u202e".encode())),
        # what is not a regular file, or leaves the data folder: refused unread, nothing hangs
        Case("named_pipe_article", named_pipe(FIFO), (f"{FIFO}:1: -: -: " + NOT_REGULAR.format("named pipe"),)),
        Case("link_to_dev_zero", link_to(FIFO, "/dev/zero"), (f"{FIFO}:1: -: -: " + OUTSIDE.format("/dev/zero"),)),
        Case("link_leaving_the_data_folder", outside_copy_and_link,
             (f"{FIFO}:1: -: -: " + OUTSIDE.format("elsewhere.yaml"),)),
        Case("folder_named_like_an_article", lambda root: (root / FIFO).mkdir(),
             (f"{FIFO}:1: -: -: " + NOT_REGULAR.format("folder"),)),
        Case("named_pipe_seed", named_pipe(SEED_PATH), (f"{SEED_PATH}:1: -: -: " + NOT_REGULAR.format("named pipe"),), 0),
        Case("seed_link_to_dev_zero", link_to(SEED_PATH, "/dev/zero"),
             (f"{SEED_PATH}:1: -: -: " + OUTSIDE.format("/dev/zero"),), 0),
        Case("context_csv_named_pipe", named_pipe(EVENTS_CSV),
             ("{EVENTS_CSV}:1: -: -: " + NOT_REGULAR.format("named pipe"),)),
        Case("context_csv_link_to_dev_zero", link_to(EVENTS_CSV, "/dev/zero"),
             ("{EVENTS_CSV}:1: -: -: " + OUTSIDE.format("/dev/zero"),)),
        Case("method_link_to_dev_zero", link_to(METHOD, "/dev/zero"),
             ("{METHOD}:1: -: -: " + OUTSIDE.format("/dev/zero"),), 1, None, METHOD_PAGE),
        # valid YAML, wrong data
        folder("wrong_types", ("{BROKEN}:1: article: -: Input should be a valid dictionary or instance of ArticleInfo",
                               "{BROKEN}:2: figures: -: Input should be a valid list",
                               "{BROKEN}:3: events: -: Input should be a valid list")),
        Case("wrong_type_value", edit_text(ART, replace_once("value: 1937", "value: many")),
             ("{ART}:{line}: buildings_inspected: value: must be a number, got 'many'",), 0, (ART, b"value: many")),
        Case("wrong_type_label", edit_text(ART, replace_once("label: {en: Land surveyed, ar: أراضٍ تم مسحها}",
                                                             "label: Land surveyed")),
             ("{ART}:{line}: hectares_surveyed: label: Input should be a valid dictionary or instance of Bilingual",),
             0, (ART, b"label: Land surveyed")),
        Case("odd_record_id", edit_text(ART, replace_once("  - id: note_hectares_cleared", "  - " + ODD_ID)),
             ("{ART}:{line}: note_x`` ![p](http://203.0.113.7/p.png)\\u000a\\u000a# heading \\u202e: id: "
              "String should match pattern '^[a-z][a-z0-9_]*$'",), 0, (ART, b"note_x")),
        # provenance
        Case("quote_not_in_seed", edit_text(ART, replace_once('quote: "تم فحص 1937 مبنى"', 'quote: "تم فحص 1973 مبنى"')),
             ("{ART}:{line}: buildings_inspected: quote: quote not found in the source text",), 0,
             (ART, "تم فحص 1973".encode())),
        Case("seed_hash_mismatch", edit_bytes("seeds/" + SEED, lambda raw: raw.replace(b"1937", b"1973")),
             ("{ART}:{line}: article: seed.sha256: seed sha256 is "
              "1df83c72d4c137086d230e6c315d262cad3fb96180ad801306bcfc749c8d9095, not the one recorded: "
              "the source text has changed",), 0, (ART, b"sha256:")),
        Case("seed_missing", lambda root: (root / "seeds" / SEED).unlink(),
             (f"{{ART}}:{{line}}: article: seed.file: seed file not found: seeds/{SEED}",), 0, (ART, b"file: 000_")),
        Case("seed_path_traversal", edit_text(ART, replace_once(f"file: {SEED}", "file: ../../../etc/passwd.txt")),
             ("{ART}:{line}: article: seed.file: String should match pattern '^[^/\\\\]+\\.txt$'",), 0,
             (ART, b"file: ../")),
        Case("broken_article_beside_good", copy_as_second_article(replace_once("value: 683", "value: 638")),
             ("{BROKEN}:{line}: roads_cleared_km: value: value 638 disagrees with the quote, which says 683",),
             1, (BROKEN, b"value: 638")),
        # context tables
        Case("context_csv_oversized_cell",
             edit_text(EVENTS_CSV, lambda t: t + '2021-01-01,day,"' + "x" * 200_000 + '",t,https://e.org,\n'),
             ("{EVENTS_CSV}:{line}: -: -: CSV error: field larger than field limit (131072)",), 1,
             (EVENTS_CSV, b"2021-01-01,day,\"xxx")),
        Case("context_csv_extra_cell",
             edit_text(EVENTS_CSV, lambda t: t + "2021-01-01,day,event,,title,https://e.org,note,,,surplus\n"),
             ("{EVENTS_CSV}:{line}: row {line}: -: the row has 10 cells; the header has 9 columns",), 1,
             (EVENTS_CSV, b"surplus")),
        Case("context_csv_invalid_utf8", edit_bytes(EVENTS_CSV, lambda raw: raw + b"2021-01-01,day,\xc3\x28,t,https://e.org,\n"),
             ("{EVENTS_CSV}:{line}: -: -: invalid UTF-8 at byte {byte}",), 1, (EVENTS_CSV, b"\xc3\x28")),
        # the Data & method page's own text
        Case("method_python_tag", edit_text(METHOD, replace_once("title:\n", "title: !!python/object/apply:os.getcwd []\nx:\n")),
             ("{METHOD}:{line}: -: -: tag tag:yaml.org,2002:python/object/apply:os.getcwd is not allowed",), 1,
             (METHOD, b"!!python"), METHOD_PAGE),
        Case("method_bidi_in_heading", edit_text(METHOD, replace_once("heading: {en: The source text,",
                                                                      'heading: {en: "The \u202esource text",')),
             ("{METHOD}:{line}: method: steps.0.heading.en: " + rlo,), 1, (METHOD, "\u202e".encode()), METHOD_PAGE),
        # valid data full of markup: shown as text everywhere (see test_escaping.py)
        Case("markup_in_every_text_field", markup_everywhere, ()),
        # data whose text would run as spreadsheet formulas: shown, refused by validate (test_csv_formulas.py)
    ]


CASES = _cases()
