"""A printed page: the page's content at the paper's width with its charts inside it,
the sidebar and the controls left out, the source lines and links printed with their URLs.

On paper the browser lays the page out again at the paper's width but does not tell the
charts (no resize): Plotly's SVG keeps its screen width and is cut at the right edge. While
the page is printed (matchMedia('print'), which printing and print emulation both change),
a script gives each chart's SVG layers a viewBox of their own size, so the print style can
scale them to the column's width; after printing the viewBox is taken off again (on
screen Plotly redraws at every width, and a stale viewBox would stretch it).
"""

from __future__ import annotations

PRINT_WIDTH = "186mm"  # A4's 210 mm less two 12 mm margins; Letter's is wider

PRINT_CSS = """<style>
@media print {
  @page { size: A4; margin: 12mm; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stPopover"], [data-testid="stDownloadButton"], [data-testid="stMultiSelect"],
  [data-testid="stSelectbox"], [data-testid="stSlider"], [data-testid="stButtonGroup"],
  [data-testid="stSegmentedControl"], [data-testid="stElementToolbar"], [data-testid="stExpander"],
  [data-testid="stPageLink"], .modebar-container { display: none !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; overflow: visible !important; position: static !important; }
  [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
    width: PRINT_WIDTH !important; max-width: PRINT_WIDTH !important; margin: 0 !important; padding: 0 !important; }
  [data-testid="stPlotlyChart"], [data-testid="stPlotlyChart"] * { max-width: 100% !important; }
  [data-testid="stPlotlyChart"] .svg-container { width: 100% !important; height: auto !important;
    aspect-ratio: var(--nd-print-ratio, auto); }
  [data-testid="stPlotlyChart"] .svg-container > svg.main-svg { width: 100% !important; height: 100% !important; }
  [data-testid="stPlotlyChart"], .chart-words, [data-testid="stCaptionContainer"] { break-inside: avoid; }
  .chart-words p, [data-testid="stCaptionContainer"] { color: #333333 !important; }
  [data-testid="stMain"] a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em;
    overflow-wrap: anywhere; }
}
</style>""".replace("PRINT_WIDTH", PRINT_WIDTH)

# No '<' inside: Streamlit's sanitizer drops a script holding '<' before a letter.
PRINT_JS = """<script>
(function () {
  if (window.__ndPrintCharts) return;
  window.__ndPrintCharts = true;
  function fit(printing) {
    document.querySelectorAll('[data-testid="stPlotlyChart"] .svg-container').forEach(function (box) {
      var svgs = box.querySelectorAll(':scope > svg.main-svg');
      if (!svgs.length) return;
      if (printing) {
        var width = parseFloat(svgs[0].getAttribute('width')), height = parseFloat(svgs[0].getAttribute('height'));
        if (!(width && height)) return;
        box.style.setProperty('--nd-print-ratio', width + ' / ' + height);
        svgs.forEach(function (svg) {
          svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
          svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
          svg.setAttribute('data-nd-print', '1');
        });
      } else {
        box.style.removeProperty('--nd-print-ratio');
        svgs.forEach(function (svg) {
          if (!svg.getAttribute('data-nd-print')) return;
          ['viewBox', 'preserveAspectRatio', 'data-nd-print'].forEach(function (name) { svg.removeAttribute(name); });
        });
      }
    });
  }
  var print = window.matchMedia('print');
  print.addEventListener('change', function (event) { fit(event.matches); });
  window.addEventListener('beforeprint', function () { fit(true); });
  window.addEventListener('afterprint', function () { fit(false); });
})();
</script>"""
