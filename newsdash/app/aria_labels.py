"""Streamlit's own screen-reader labels in Arabic on Arabic pages.

Streamlit 1.67.0 writes the aria-labels, titles and placeholders of its built-in controls
in English whatever the page's language ("Main menu", "Collapse sidebar", a multiselect's
"Clear all" and "Remove …", a help icon's "Help for …", the table toolbar's "Search",
"Fullscreen"), and has no setting for them. A fixed page script (part of the Arabic page's
one script, newsdash.app.fixed_scripts, allowed by the CSP by its hash) rewrites the known ones from one table,
now and whenever Streamlit draws more, while the document's language (set by
newsdash.app.layout) is Arabic; on a switch back to English it puts Streamlit's words back.
It holds no data: only Streamlit's fixed words and ours. Checked on Streamlit 1.67.0
(tests/test_browser_reading.py lists what it must cover); an upgrade may rename a label,
which the test then finds in English.
"""

from __future__ import annotations

import json

STREAMLIT_VERSION_CHECKED = "1.67.0"

# Streamlit's whole labels, and the Arabic a reader hears instead
WHOLE_LABELS = {
    "Main menu": "القائمة الرئيسية",
    "Sidebar": "الشريط الجانبي",
    "App pages": "صفحات اللوحة",
    "Collapse sidebar": "طي الشريط الجانبي",
    "Expand sidebar": "فتح الشريط الجانبي",
    "Link to heading": "رابط إلى هذا العنوان",
    "Clear all": "مسح الكل",
    "Open": "فتح القائمة",
    "Close": "إغلاق",
    "Selected values": "القيم المختارة",
    "Choose an option": "اختر",
    "Choose options": "اختر",
    "No results": "لا نتائج",
    "Fullscreen": "ملء الشاشة",
    "Close fullscreen": "الخروج من ملء الشاشة",
    "Exit fullscreen": "الخروج من ملء الشاشة",
    "Search": "بحث",
    "Show/hide columns": "إظهار الأعمدة أو إخفاؤها",
    "Download as CSV": "تنزيل الجدول",
    "Copy to clipboard": "نسخ",
    "Show password": "إظهار كلمة المرور",
    "Hide password": "إخفاء كلمة المرور",
    "Running...": "جارٍ التحميل…",
    "file upload": "رفع ملف",
    "Increment": "زيادة",
    "Decrement": "إنقاص",
}
# labels Streamlit builds around a name of ours: (its English start, the Arabic start)
PREFIXES = [("Remove ", "إزالة "), ("Help for ", "مساعدة: ")]
# ... or after it (a range slider's two ends)
SUFFIXES = [(" — start", " — البداية"), (" — end", " — النهاية")]

ARABIC_LABELS_JS = """<script>
(function () {
  if (window.ndArabicLabels) return;  // once per browser tab: Streamlit keeps the document between pages
  window.ndArabicLabels = true;
  const WHOLE = WHOLE_LABELS, PREFIXES = PREFIX_LABELS, SUFFIXES = SUFFIX_LABELS;
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  function inArabic(value) {
    if (Object.prototype.hasOwnProperty.call(WHOLE, value)) return WHOLE[value];
    for (const [en, ar] of PREFIXES) if (value.startsWith(en)) return ar + value.slice(en.length);
    for (const [en, ar] of SUFFIXES) if (value.endsWith(en)) return value.slice(0, -en.length) + ar;
    return null;
  }
  function relabel(el, arabic) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name), kept = "data-nd-" + name;
      if (value === null) continue;
      if (arabic) {
        const worded = inArabic(value);
        if (worded !== null && worded !== value) { el.setAttribute(kept, value); el.setAttribute(name, worded); }
      } else if (el.hasAttribute(kept)) {  // back to English: Streamlit's words, unless it wrote new ones since
        if (inArabic(el.getAttribute(kept)) === value) el.setAttribute(name, el.getAttribute(kept));
        el.removeAttribute(kept);
      }
    }
  }
  const SELECTOR = ATTRIBUTES.map(function (name) { return "[" + name + "]"; }).join(",");
  function relabelAll(root) {
    const arabic = document.documentElement.lang === "ar";
    if (root.nodeType !== 1) return;
    if (root.matches(SELECTOR)) relabel(root, arabic);
    root.querySelectorAll(SELECTOR).forEach(function (el) { relabel(el, arabic); });
  }
  new MutationObserver(function (changes) {
    for (const change of changes) {
      if (change.target === document.documentElement) { relabelAll(document.body); continue; }
      if (change.type === "attributes") relabelAll(change.target);
      else change.addedNodes.forEach(relabelAll);
    }
  }).observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                        attributeFilter: ["lang"].concat(ATTRIBUTES)});
  relabelAll(document.body);
})();
</script>"""
for name, table in (("WHOLE_LABELS", WHOLE_LABELS), ("PREFIX_LABELS", PREFIXES), ("SUFFIX_LABELS", SUFFIXES)):
    ARABIC_LABELS_JS = ARABIC_LABELS_JS.replace(name, json.dumps(table, ensure_ascii=False), 1)
