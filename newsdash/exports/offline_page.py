"""The frame of the offline file (newsdash.exports.offline): its style sheet and its one
script. Fixed text, no data: the data goes in as escaped HTML and as JSON."""

from __future__ import annotations

from newsdash.exports.screen_theme import RECOLOUR_JS, SCREEN_CSS

PAGE_CSS = SCREEN_CSS + """
* { box-sizing: border-box; }
html { scroll-behavior: auto; }
body { margin: 0; background: var(--nd-bg); color: var(--nd-ink);
  font: 16px/1.55 "Noto Sans", Arial, sans-serif; }
a { color: var(--nd-link); }
[lang="ar"] { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', serif; }
section.nd-lang { max-width: 1100px; margin: 0 auto; padding: 0 1rem 3rem; }
section.nd-lang[dir="rtl"] { text-align: right; }
.nd-bar { position: sticky; top: 0; z-index: 5; background: var(--nd-bg); border-bottom: 1px solid var(--nd-rule);
  display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; padding: .4rem 1rem; }
.nd-bar button { font: inherit; min-height: 32px; min-width: 44px; padding: .2rem .8rem; border-radius: 6px;
  border: 1px solid var(--nd-rule); background: var(--nd-card); color: var(--nd-ink); cursor: pointer; }
.nd-bar button[aria-pressed="true"] { background: var(--nd-ink); color: var(--nd-bg); }
nav.nd-toc ul { display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: 0; list-style: none; }
nav.nd-toc a { display: inline-block; min-height: 24px; padding: .1rem 0; }
h1 { font-size: 1.7rem; line-height: 1.3; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--nd-rule); padding-bottom: .2rem; }
.nd-meta { color: var(--nd-muted); }
.nd-caveat { background: var(--nd-warn); border-inline-start: 4px solid var(--nd-warn-line); padding: .6rem .9rem;
  border-radius: 4px; }
.nd-lede li { margin: .4rem 0; }
.nd-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; }
figure.nd-figure { margin: 1.2rem 0 2rem; max-width: 100%; }
.nd-plot { width: 100%; min-height: 120px; direction: ltr; }
.chart-words p { color: var(--nd-ink) !important; }
.chart-words p[style*="0.875rem"] { color: var(--nd-muted) !important; }
.nd-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.nd-records { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .8rem; }
.nd-record { background: var(--nd-card); border: 1px solid var(--nd-rule); border-radius: 6px; padding: .7rem .9rem;
  scroll-margin-top: 5rem; }
.nd-record:target { outline: 3px solid var(--nd-target-line); }
.nd-record dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0; }
.nd-record dt { font-weight: 600; color: var(--nd-muted); }
.nd-record dd { margin: 0; overflow-wrap: anywhere; }
.nd-record .nd-links a { display: inline-block; min-height: 24px; margin-inline-end: 1rem; }
.nd-text { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2rem; row-gap: .35rem; }
.nd-text .nd-head { font-weight: 600; font-size: .85rem; color: var(--nd-muted); border-bottom: 1px solid var(--nd-rule); }
.nd-text .nd-ar { font-size: 1.2rem; line-height: 2.1; }
.nd-text .nd-headline { font-weight: 700; font-size: 1.3rem; }
.nd-text .nd-full { grid-column: 1 / -1; }
.nd-text .nd-boilerplate { color: var(--nd-muted); font-style: italic; }
.nd-text .nd-bp-label { color: var(--nd-muted); font-size: .75rem; margin-top: .6rem;
  border-top: 1px dashed var(--nd-rule); padding-top: .2rem; }
.nd-text mark.q { color: var(--nd-ink); border-radius: 3px; padding: 0 .1em; scroll-margin: 40vh; }
.nd-text mark.q-figure { background: var(--nd-mark); }
.nd-text mark.q-event { background: var(--nd-event); }
.nd-text mark.q-note { background: transparent; border-bottom: 2px dotted #c2410c; }
.nd-text mark.q:target { background: var(--nd-target); outline: 3px solid var(--nd-target-line); outline-offset: 1px; }
.nd-text a.q-link { text-decoration: none; display: inline-block; min-width: 24px; min-height: 24px;
  text-align: center; font-size: .8em; }
.nd-note { border-inline-start: 4px solid #c2410c; background: rgba(194,65,12,.08); padding: .4rem .8rem;
  margin: .3rem 0 .8rem; border-radius: 4px; scroll-margin: 30vh; }
.nd-note .nd-note-label { font-weight: 700; font-size: .8rem; }
footer.nd-credit { margin-top: 3rem; color: var(--nd-muted); font-size: .9rem; border-top: 1px solid var(--nd-rule);
  padding-top: .6rem; }
@media (max-width: 720px) { .nd-text { grid-template-columns: 1fr; } h1 { font-size: 1.35rem; } }
@media print {
  .nd-bar, nav.nd-toc, .modebar-container { display: none !important; }
  section.nd-lang { max-width: none; }
  figure.nd-figure, .nd-record { break-inside: avoid; }
  .nd-plot, .nd-plot .main-svg { max-width: 100% !important; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; overflow-wrap: anywhere; }
}
"""

# plotly.js sits in the file gzipped and in base64 (#nd-plotly): 1.9 MB instead of 4.8 MB,
# so the whole file stays well under the 5 MB an email takes. The browser unzips it
# (DecompressionStream: every current browser, no network) and runs it as a script.
PLOTLY_LOADER_JS = """
var ndPlotlyReady = (function () {
  var packed = document.getElementById('nd-plotly');
  if (!packed || !window.DecompressionStream) return Promise.reject(new Error('cannot unpack plotly.js'));
  var bytes = Uint8Array.from(atob(packed.textContent.trim()), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then(function (code) {
    var script = document.createElement('script');
    script.textContent = code;
    document.head.appendChild(script);
  });
})();
"""

# One script: the language switch, the charts drawn when their language is shown (a
# hidden chart has no width to draw at), in the reader's colour scheme. No '<' inside.
PAGE_JS = RECOLOUR_JS + PLOTLY_LOADER_JS + """
(function () {
  var charts = JSON.parse(document.getElementById('nd-charts').textContent);
  var template = JSON.parse(document.getElementById('nd-template').textContent);
  var config = JSON.parse(document.getElementById('nd-config').textContent);
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.nd-lang'));
  var buttons = Array.prototype.slice.call(document.querySelectorAll('.nd-bar button[data-lang]'));
  function figureOf(div) {
    var figure = charts[div.getAttribute('data-chart')];
    var layout = Object.assign({}, figure.layout);
    if (!layout.template) layout.template = template;
    return ndThemed({data: figure.data, layout: layout});
  }
  function draw(section, again) {
    ndPlotlyReady.then(function () { drawNow(section, again); });
  }
  function drawNow(section, again) {
    section.querySelectorAll('.nd-plot').forEach(function (div) {
      if (div.getAttribute('data-drawn') && !again) return;
      var figure = figureOf(div);
      var own = Object.assign({}, config, JSON.parse(div.getAttribute('data-config') || '{}'));
      Plotly.react(div, figure.data, figure.layout, own);
      div.setAttribute('data-drawn', '1');
    });
  }
  function show(lang) {
    sections.forEach(function (section) { section.hidden = section.getAttribute('lang') !== lang; });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang)); });
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    var shown = sections.filter(function (s) { return !s.hidden; })[0];
    if (shown) { document.title = shown.getAttribute('data-title'); draw(shown, false); }
  }
  function languageOfHash() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var section = target && target.closest('section.nd-lang');
    return section ? section.getAttribute('lang') : null;
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      show(b.getAttribute('data-lang'));
      if (history.replaceState) history.replaceState(null, '', location.pathname + location.search);
      window.scrollTo(0, 0);
    });
  });
  window.addEventListener('hashchange', function () {
    var lang = languageOfHash();
    if (lang && document.documentElement.lang !== lang) {
      show(lang);
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView({block: 'center'});
    }
  });
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      sections.forEach(function (s) { if (!s.hidden) draw(s, true); else s.querySelectorAll('.nd-plot').forEach(
        function (d) { d.removeAttribute('data-drawn'); }); });
    });
  }
  show(languageOfHash() || document.documentElement.lang || 'en');
  if (location.hash) {
    var first = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (first) first.scrollIntoView({block: 'center'});
  }
})();
"""
