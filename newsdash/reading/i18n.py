"""Interface words in English and Arabic: the words table TEXT and t().

Chart titles, notes and source lines live in the data files; this module holds only
the interface's own words (page names, captions, categories). Numbers, dates, units and
qualifiers are written for each language by newsdash.reading.formatting.
"""

from __future__ import annotations

from newsdash.reading.words_curation import CURATION_TEXT
from newsdash.reading.words_review import REVIEW_TEXT

LANGS = ("en", "ar")

CATEGORIES = {
    "demining": ("Demining", "إزالة الألغام"),
    "returns": ("Returns", "العودة"),
    "conflict": ("Conflict", "النزاع"),
}

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Karabakh peacekeeping: the figures", "حفظ السلام في قره باغ: الأرقام"),
    "language": ("Language", "اللغة"),
    # the password gate (newsdash.app.gate)
    "login_title": ("This dashboard is shared with a password", "هذه اللوحة مشتركة بكلمة مرور"),
    "password": ("Password", "كلمة المرور"),
    "sign_in": ("Open the dashboard", "افتح اللوحة"),
    "wrong_password": ("Wrong password.", "كلمة المرور غير صحيحة."),
    "sign_in_busy": ("Too many sign-in attempts right now. Try again in a minute.", "محاولات دخول كثيرة الآن. حاول مرة أخرى بعد دقيقة."),
    "checking_password": ("Checking… (each wrong attempt makes the next one wait longer)", "جارٍ التحقق… (كل محاولة خاطئة تطيل انتظار المحاولة التالية)"),
    "sign_out": ("Sign out", "تسجيل الخروج"),
    "password_hash_old_place": ("Editors: move password_hash from [auth] to [dashboard] in secrets.toml (Streamlit keeps [auth] for its own sign-in).",
                                "للمحررين: انقلوا password_hash من [auth] إلى [dashboard] في secrets.toml (يحتفظ Streamlit بقسم [auth] لتسجيل دخوله)."),
    "auth_misconfigured": ("The password gate is misconfigured, so nobody can sign in: {reason}", "إعداد كلمة المرور غير صالح، فلا يمكن لأحد الدخول: {reason}"),
    "page_overview": ("Overview", "نظرة عامة"),
    "page_demining": ("Demining progress", "تقدم إزالة الألغام"),
    "page_returns": ("Returns", "العودة"),
    "page_timeline": ("Ceasefire timeline", "الجدول الزمني لوقف إطلاق النار"),
    "page_original": ("Original text", "النص الأصلي"),
    "page_method": ("Data & method", "البيانات والمنهجية"),
    "source_card": ("Source", "المصدر"),
    "outlet": ("Outlet", "الناشر"),
    "wire": ("Wire agency", "وكالة الأنباء"),
    "published": ("Published", "تاريخ النشر"),
    "speaker": ("Speaker", "المتحدث"),
    "caveat_title": ("These are claims, not verified facts", "هذه تصريحات وليست حقائق مؤكدة"),
    "headline_figures": ("Figures stated in the article", "الأرقام الواردة في المقال"),
    # the overview's lede (newsdash.views.overview, from newsdash.views.comparison): what is new, what is not
    "lede_heading": ("What is new in this article, and what is not", "ما الجديد في هذا المقال وما ليس جديدا"),
    "lede_count": ("{count} of the article's {total} figures can be set against an earlier report of the same "
                   "series.",
                   "عدد أرقام المقال التي يمكن مقارنتها بتقرير سابق من السلسلة نفسها: {count} من {total}."),
    "lede_none": ("None of the article's figures has an earlier report in the context series to compare with.",
                  "لا يوجد لأي رقم في المقال تقرير سابق في سلاسل السياق يمكن المقارنة به."),
    "cmp_same": ("{label}: {figure}, the same number as the last earlier report ({last}, {date}).",
                 "{label}: {figure}، وهو الرقم نفسه في آخر تقرير سابق ({last}، {date})."),
    "cmp_consistent_more_than": ("{label}: {figure}, a lower bound the last earlier report had already passed "
                                 "({last}, {date}).",
                                 "{label}: {figure}، وهو حد أدنى تجاوزه آخر تقرير سابق ({last}، {date})."),
    "cmp_consistent": ("{label}: {figure}, consistent with the last earlier report ({last}, {date}).",
                       "{label}: {figure}، وهو متسق مع آخر تقرير سابق ({last}، {date})."),
    "cmp_higher": ("{label}: {figure}, above the last earlier report ({last}, {date}).",
                   "{label}: {figure}، أعلى من آخر تقرير سابق ({last}، {date})."),
    "cmp_lower": ("{label}: {figure}, below the last earlier report ({last}, {date}).",
                  "{label}: {figure}، أقل من آخر تقرير سابق ({last}، {date})."),
    "cmp_inconsistent": ("{label}: {figure}, which does not fit the last earlier report ({last}, {date}).",
                         "{label}: {figure}، وهو لا يتسق مع آخر تقرير سابق ({last}، {date})."),
    "cmp_step_rise": ("Before that report the series had risen by {change} in {months}, from {earlier} on {date}.",
                      "وقبل ذلك التقرير ارتفعت السلسلة بمقدار {change} خلال {months}، من {earlier} في {date}."),
    "cmp_step_fall": ("Before that report the series had fallen by {change} in {months}, from {earlier} on {date}.",
                      "وقبل ذلك التقرير انخفضت السلسلة بمقدار {change} خلال {months}، من {earlier} في {date}."),
    "cmp_step_unknown": ("Before that report the series stood at {earlier} on {date}, {months} earlier; one of the "
                         "two is a bound or an estimate, so how much it moved is not known.",
                         "وقبل ذلك التقرير كانت السلسلة عند {earlier} في {date}، قبل {months}؛ وأحد الرقمين حدّ أو "
                         "تقدير، فلا يُعرف مقدار تغيّرها."),
    "cmp_step_none": ("Before that report the series had not moved since {date}.",
                      "وقبل ذلك التقرير لم تتغير السلسلة منذ {date}."),
    "cmp_stale": ("The series has no later report: the article came {months} after it.",
                  "لا تقرير أحدث في السلسلة: صدر المقال بعد {months} من آخر تقرير."),
    "cmp_sources": ("Earlier reports from", "مصادر التقارير السابقة"),
    "cmp_more": ("{count} more comparisons are in the Data & method table.",
                 "بقية المقارنات ({count}) في جدول البيانات والمنهجية."),
    "cmp_column": ("Against the last earlier report", "مقارنة بآخر تقرير سابق"),
    "cmp_short_same": ("the same number as {last} ({date})", "الرقم نفسه: {last} ({date})"),
    "cmp_short_consistent": ("consistent with {last} ({date})", "متسق مع {last} ({date})"),
    "cmp_short_higher": ("above {last} ({date})", "أعلى من {last} ({date})"),
    "cmp_short_lower": ("below {last} ({date})", "أقل من {last} ({date})"),
    "cmp_short_inconsistent": ("does not fit {last} ({date})", "لا يتسق مع {last} ({date})"),
    "cmp_said_by": ("{date}, said by {who} in another article", "{date}، على لسان {who} في مقال آخر"),
    "cmp_note": ("Against the last earlier report: {short}.", "مقارنة بآخر تقرير سابق: {short}."),
    "months_0": ("less than a month", "أقل من شهر"),
    "months_one": ("1 month", "شهر واحد"),
    "months_two": ("2 months", "شهرين"),
    "months_few": ("{n} months", "{n} أشهر"),
    "months_many": ("{n} months", "{n} شهرًا"),
    "months_other": ("{n} months", "{n} شهر"),
    "small_multiples_heading": ("Each figure beside the series it continues", "كل رقم إلى جانب السلسلة التي يكملها"),
    "last_report": ("last report", "آخر تقرير"),
    "article_short": ("article", "المقال"),
    "figures_table_intro": ("This article states {count} figures: they are listed in a table you can sort, "
                            "not drawn one by one.",
                            "عدد الأرقام التي يذكرها هذا المقال: {count}؛ تُعرض في جدول يمكن ترتيبه، لا واحدا واحدا."),
    "col_figure": ("Figure", "الرقم"),
    "col_category": ("Category", "الفئة"),
    "data_errors": ("Some data files have errors and are not shown:", "في بعض ملفات البيانات أخطاء ولم تُعرض:"),
    "no_articles": ("No valid article to show.", "لا توجد مقالة صالحة للعرض."),
    "no_timeline": ("This article has no timeline of its own: nothing to draw here.",
                    "لا يتضمن هذا المقال خطا زمنيا خاصا به: لا شيء يُرسم هنا."),
    "choose_article": ("Article", "المقالة"),
    "see_in_text": ("See the sentence", "اعرض الجملة"),
    "attributed_to": ("Attributed to", "منسوب إلى"),
    "quote": ("Quote", "الاقتباس"),
    "translation": ("Translation", "الترجمة"),
    **CURATION_TEXT,  # the Add an article page (newsdash.reading.words_curation)
    **REVIEW_TEXT,  # editors and the review (newsdash.reading.words_review)
    "series_ministry": ("Defence ministry totals, as printed by outlets", "حصائل وزارة الدفاع كما نشرتها وسائل الإعلام"),
    "article_point": ("The article's figure", "رقم المقال"),
    "record_point": ("Other articles' figures", "أرقام مقالات أخرى"),
    "key_more_than": ("more than", "أكثر من"),
    "key_about": ("about", "نحو"),
    "key_gap": ("no report for three months or more", "لا تقرير لثلاثة أشهر أو أكثر"),
    "key_title": ("Key:", "دليل الرموز:"),
    "range_shown": ("Shown: {first} to {last}.", "المعروض: من {first} إلى {last}."),
    "range_start": ("the start", "البداية"),
    "range_end": ("the end", "النهاية"),
    "chart_no_series": ("Nothing to draw for “{title}”: no earlier report to set the article's figure against "
                        "is in the context data or chosen. The article's figure: {values}.",
                        "لا شيء يُرسم في «{title}»: لا يوجد في بيانات السياق، أو في ما اخترته، تقرير سابق يُقارن به "
                        "رقم المقال. رقم المقال: {values}."),
    "chart_empty_timeline": ("Nothing to draw for “{title}”: no date falls in the layers and months chosen. "
                             "Choose more layers or a wider range of months.",
                             "لا شيء يُرسم في «{title}»: لا يقع أي تاريخ في الطبقات والأشهر المختارة. اختر طبقات "
                             "أكثر أو نطاقا أوسع من الأشهر."),
    "chart_empty": ("Nothing to draw for “{title}”.", "لا شيء يُرسم في «{title}»."),
    "series_count_different_things": ("The lines count different things and are never added up:",
                                      "تحصي الخطوط أمورا مختلفة ولا تُجمع أبدا:"),
    "lower_bound": ("lower bound", "حد أدنى"),
    "approximate": ("approximate", "تقريبي"),
    "reported_by": ("Counted by", "الجهة التي أحصت"),
    "layer_article_events": ("The article's dates", "تواريخ المقال"),
    "layer_fighting": ("Fighting", "المعارك"),
    "layer_demining_period": ("Period the demining totals cover", "الفترة التي تغطيها حصيلة إزالة الألغام"),
    "layer_context_events": ("Context (other outlets)", "سياق (مصادر أخرى)"),
    "precision_day": ("day", "اليوم"),
    "precision_month": ("month only", "الشهر فقط"),
    "precision_year": ("year only", "السنة فقط"),
    "demining_row": ("Period the demining totals cover", "الفترة التي تغطيها حصيلة إزالة الألغام"),
    "measure_returned_to_karabakh_cumulative": ("Returned to Karabakh (Russian side's count)",
                                                "العائدون إلى قره باغ (إحصاء الجانب الروسي)"),
    "measure_refugee_like_in_armenia": ("Still displaced in Armenia (Armenia/UN count)",
                                        "ما زالوا نازحين في أرمينيا (إحصاء أرمينيا والأمم المتحدة)"),
    "measure_departures_on_return_buses_cumulative": ("Return-bus departures from Yerevan (UNHCR count)",
                                                      "المغادرون بحافلات العودة من يريفان (إحصاء المفوضية)"),
    # what each returns series counts, in words (the UN reports on ReliefWeb cited in returns_series.csv)
    "measure_returned_to_karabakh_cumulative_means": (
        "people the Russian side says went back to Karabakh, a running total",
        "من يقول الجانب الروسي إنهم عادوا إلى قره باغ، حصيلة تراكمية"),
    "measure_departures_on_return_buses_cumulative_means": (
        "departures counted on return buses from Yerevan, a running total; one person may be counted more than once",
        "حالات المغادرة المحصاة في حافلات العودة من يريفان، حصيلة تراكمية؛ وقد يُحصى الشخص الواحد أكثر من مرة"),
    "measure_refugee_like_in_armenia_means": (
        "people from Karabakh still in Armenia on that date, whom the UN calls 'in a refugee-like situation': "
        "outside their home territory and at risk like refugees, but with no formal refugee status",
        "أشخاص من قره باغ كانوا لا يزالون في أرمينيا في ذلك التاريخ، تصفهم الأمم المتحدة بأنهم \"في وضع شبيه "
        "باللجوء\": خارج موطنهم ويواجهون مخاطر اللاجئين، لكن دون صفة لاجئ رسمية"),
    "alt_figure": ("The article's figure: {value} on {date}.", "رقم المقال: {value} في {date}."),
    "alt_series": ("Drawn beside earlier totals from other sources.", "مرسوم إلى جانب حصائل سابقة من مصادر أخرى."),
    "alt_point_viewed": ("This article's figure: {point}.", "رقم هذا المقال: {point}."),
    "alt_point_record": ("Another article's figure: {point}.", "رقم مقال آخر: {point}."),
    "alt_timeline": ("{count} {dates} from the article, from {first} to {last}.", "{count} {dates} من المقال، من {first} إلى {last}."),
    # data pages (pages/demining.py, returns.py, timeline.py)
    "demining_intro": (
        "Each measure has its own chart and unit. The line is the Russian defence ministry's running total as "
        "printed by news outlets; the large marker is the article's figure.",
        "لكل مقياس رسمه ووحدته. الخط هو الحصيلة التراكمية لوزارة الدفاع الروسية كما نشرتها وسائل الإعلام، "
        "والعلامة الكبيرة هي رقم المقال."),
    "returns_intro": (
        "What the article says about people going home, beside what others counted. Each series is labelled "
        "by who counted it; they count different things and are never added up.",
        "ما يقوله المقال عن عودة الناس إلى ديارهم، إلى جانب ما أحصاه آخرون. كل سلسلة موسومة بالجهة التي "
        "أحصتها؛ وهي تحصي أمورا مختلفة ولا تُجمع."),
    "timeline_intro": (
        "The dates the article gives, at the precision it gives them: a month-precision date is a bar "
        "across the month. Grey crosses are context events from other outlets.",
        "التواريخ التي يذكرها المقال بالدقة التي يذكرها بها: التاريخ المحدد بالشهر شريط يمتد على الشهر كله. "
        "العلامات الرمادية أحداث سياق من مصادر أخرى."),
    "filter_measures": ("Measures", "المقاييس"),
    "filter_series": ("Context series", "سلاسل السياق"),
    "filter_layers": ("Layers", "الطبقات"),
    "filter_dates": ("Dates", "التواريخ"),
    "what_measures": ("measures", "مقاييس"),
    "what_series": ("context series", "سلاسل سياق"),
    "what_layers": ("layers", "طبقات"),
    "showing_all": ("Showing all {total} {what}.", "عرض كل {what} ({total})."),
    "showing_some": ("Showing {shown} of {total} {what}: {names} (hidden: {hidden}).",
                     "عرض {shown} من {total} {what}: {names} (مخفي: {hidden})."),
    "showing_none": ("Showing 0 of {total} {what}: choose at least one above.",
                     "لا يُعرض شيء من {what} ({total}): اختر واحدا على الأقل."),
    "dates_all": ("Dates: the whole period, {first} to {last}.", "التواريخ: الفترة كلها، من {first} إلى {last}."),
    "dates_some": ("Dates: {first} to {last}; {hidden} of {total} {items} fall outside and are hidden.",
                   "التواريخ: من {first} إلى {last}؛ أُخفي {hidden} من {total} {items} تقع خارج هذه الفترة."),
    "flag_fall": (
        "{label}: {later} on {later_date} ({later_source}) is below the {earlier} reported on {earlier_date} "
        "({earlier_source}). A running total should not fall: either one report is wrong or they count "
        "different things.",
        "{label}: {later} في {later_date} ({later_source}) أقل من {earlier} المعلنة في {earlier_date} "
        "({earlier_source}). الحصيلة التراكمية لا ينبغي أن تنخفض: إما أن أحد التقريرين خاطئ أو أنهما يحصيان "
        "أمورا مختلفة."),
    "the_article": ("the article", "المقال"),
    "linked_figure": ("Opened from a link to this figure.", "فُتحت الصفحة من رابط إلى هذا الرقم."),
    "no_figures_in_category": ("This article gives no figure of this kind; the record below is drawn from the other "
                               "articles and the context tables.",
                               "لا يذكر هذا المقال رقما من هذا النوع؛ السجل أدناه مرسوم من المقالات الأخرى وجداول السياق."),
    "no_measures_to_draw": ("Nothing to draw here yet: no measure of this page has a context row or an article's figure.",
                            "لا شيء يُرسم هنا بعد: لا يوجد لأي مقياس في هذه الصفحة صف سياق أو رقم من مقال."),
    "linked_hidden": ("The linked figure, {label}, is hidden by the filter.", "الرقم المرتبط، {label}، مخفي بسبب المرشح."),
    "what_article_says": ("What the article says about each group", "ماذا يقول المقال عن كل فئة"),
    "editors_translation": ("Editors' English translation", "ترجمة المحررين الإنجليزية"),
    "context_table": ("Sourced context", "سياق موثق المصدر"),
    "col_series": ("Series", "السلسلة"),
    "col_value": ("Value", "القيمة"),
    "col_counted_by": ("Counted by", "الجهة التي أحصت"),
    "col_source": ("Source", "المصدر"),
    "col_link": ("Link", "الرابط"),
    "col_note": ("Note", "ملاحظة"),
    "events_list": ("The dates, as the article gives them", "التواريخ كما يذكرها المقال"),
    "context_events_list": ("Context events from other outlets", "أحداث السياق من مصادر أخرى"),
    "precision_is": ("Date precision: {precision}", "دقة التاريخ: {precision}"),
    "open_source": ("Open the source", "افتح المصدر"),
    "charts_heading": ("Charts", "الرسوم البيانية"),
    # original text and data & method pages (newsdash.views.original_text, newsdash.views.data_method)
    "col_original": ("Arabic original: the source's words", "النص العربي الأصلي: كلمات المصدر"),
    "col_translation": ("English translation, by the editors", "الترجمة الإنجليزية، من المحررين"),
    "editors_note_label": ("Editors' reading, not the source's words", "قراءة المحررين، وليست كلمات المصدر"),
    "note_sources": ("Sources", "المصادر"),
    "open_chart": ("Open its chart", "افتح الرسم البياني"),
    "open_note": ("Read the editors' note", "اقرأ ملاحظة المحررين"),
    "boilerplate_headline_repeat": ("Wire boilerplate: the headline, repeated", "قالب الوكالة: العنوان مكررا"),
    "boilerplate_continues_marker": ("Wire boilerplate: continuation marker", "قالب الوكالة: علامة المتابعة"),
    "boilerplate_footer": ("Site boilerplate: comment prompt", "قالب الموقع: دعوة إلى التعليق"),
    "date_precision_day": ("known to the day", "معروف باليوم"),
    "date_precision_month": ("known to the month only", "معروف بالشهر فقط"),
    "date_precision_year": ("known to the year only", "معروف بالسنة فقط"),
    "draft": ("draft, not confirmed", "مسودة غير مؤكدة"),
    "record_id": ("Record id", "معرّف السجل"),
    "method_details": ("Data & method details", "تفاصيل البيانات والمنهجية"),
    "label": ("Label", "التسمية"),
    "value": ("Value", "القيمة"),
    "date": ("Date", "التاريخ"),
    "offsets": ("Offsets", "الموضع"),
    "offsets_text": ("characters {start} to {end} of {file}", "المحارف من {start} إلى {end} في {file}"),
    "status": ("Status", "الحالة"),
    "status_confirmed": ("confirmed", "مؤكد"),
    "status_draft": ("draft", "مسودة"),
    "original_intro": (
        "The Arabic article as published, right to left, beside the editors' English translation. Yellow marks "
        "a figure, blue a date; hover a mark for what it states, follow ↗ to its chart. Grey paragraphs are "
        "wire boilerplate.",
        "المقال العربي كما نُشر، من اليمين إلى اليسار، إلى جانب ترجمة المحررين الإنجليزية. الأصفر يميز رقما والأزرق "
        "تاريخا؛ مرّر المؤشر على العلامة لترى ما تذكره، واتبع ↗ إلى رسمها البياني. الفقرات الرمادية قوالب "
        "ثابتة من الوكالة."),
    "select_record": ("Highlight a figure or date", "ميّز رقما أو تاريخا"),
    "no_selection": ("None selected", "لا شيء"),
    "method_intro": (
        "Every figure and date of the article and every context row, each with where it comes from: the verbatim "
        "quote and its character offsets in the source text, or the report it was read from.",
        "كل رقم وتاريخ في المقال وكل صف من صفوف السياق، ومع كل منها مصدره: الاقتباس الحرفي وموضعه بالمحارف في "
        "النص المصدر، أو التقرير الذي قُرئ منه."),
    "table_heading": ("Every row, with its provenance", "كل الصفوف ومصادرها"),
    "filter_kinds": ("Kinds of rows", "أنواع الصفوف"),
    "filter_categories": ("Categories", "الفئات"),
    "rows_all": ("Showing all {total} rows.", "عرض كل الصفوف ({total})."),
    "rows_some": ("Showing {shown} of {total} {rows}: {only} (hidden: {hidden}).",
                  "عرض {shown} من {total} {rows}: {only} (مخفي: {hidden})."),
    "rows_only": ("{what} only", "{what} فقط"),
    "rows_none": ("Showing 0 of {total} rows: choose at least one kind and one category above.",
                  "لا يُعرض أي صف من {total}: اختر نوعا واحدا وفئة واحدة على الأقل."),
    "validation_heading": ("Validation", "التحقق"),
    "validation_ok": (
        "Validation passed: {articles} article(s), {figures} figures and {events} dates, every quote found exactly "
        "once in its source text (its SHA-256 begins {digests}) and every value, qualifier and date proven from its quote; "
        "{context} context rows read, each with its source.",
        "نجح التحقق: {articles} مقال، و{figures} أرقام و{events} تواريخ، وُجد كل اقتباس مرة واحدة بالضبط في نصه "
        "المصدر (تبدأ بصمته SHA-256 بـ {digests}) وثبتت كل قيمة وصفة وتاريخ من اقتباسها؛ وقُرئ {context} صفا من السياق، كل منها "
        "مع مصدره."),
    "flags_heading": ("Flags: numbers that do not add up", "تنبيهات: أرقام لا تتسق"),
    "no_flags": ("No running total falls and no article figure is below an earlier report.",
                 "لا تنخفض أي حصيلة تراكمية ولا يقل أي رقم في المقال عن تقرير سابق."),
    "notes_heading": ("Editors' notes", "ملاحظات المحررين"),
    "concerns_all": ("Concerns: every figure", "تخص: كل الأرقام"),
    "concerns_quote": ("Concerns the words «{quote}»", "تخص عبارة «{quote}»"),
    "concerns_figures": ("Concerns: {ids}", "تخص: {ids}"),
    "method_errors": ("The method text could not be read:", "تعذرت قراءة نص المنهجية:"),
    # downloads (newsdash.exports.chart_files, newsdash.exports.presskit)
    "download": ("Download", "تنزيل"),
    "download_png": ("PNG image (2x)", "صورة PNG (بدقة مضاعفة)"),
    "download_svg": ("SVG image (vector)", "صورة SVG (متجهة)"),
    "download_pdf": ("PDF (for print)", "ملف PDF (للطباعة)"),
    "download_html": ("Interactive HTML (works offline)", "صفحة HTML تفاعلية (تعمل دون اتصال)"),
    "download_csv": ("Data drawn, with sources (CSV)", "البيانات المرسومة مع مصادرها (CSV)"),
    "download_help": ("Every image carries the title, source line, caveat and credit.",
                      "تحمل كل صورة العنوان وسطر المصدر والتنبيه وسطر الإسناد."),
    # the credit line when data/method.yaml names no newsroom: the editors, never the software
    "credit_default": ("Graphic: the editors", "رسم بياني: المحررون"),
    "source_article_url": ("{source}. The article: {url}", "{source}. المقال: {url}"),
    "static_unavailable": ("PNG, SVG and PDF cannot be made on this server ({reason}); HTML and CSV still work.",
                           "لا يمكن إنشاء ملفات PNG وSVG وPDF على هذا الخادم ({reason})؛ ملفات HTML وCSV متاحة."),
    "press_kit_heading": ("Press kit", "الحقيبة الصحفية"),
    "press_kit_newer": (
        "The data changed on disk after this page was drawn: your last press kit holds the newer data, "
        "whole (its README says so), which this page now shows.",
        "تغيّرت البيانات على القرص بعد عرض هذه الصفحة: تحتوي حقيبتك الصحفية الأخيرة على البيانات الأحدث كاملة "
        "(كما يذكر ملف README فيها)، وهي ما تعرضه هذه الصفحة الآن."),
    "press_kit_older": (
        "The data changed on disk after this page was drawn, but the new files have errors: your last press kit "
        "holds the data the page showed then, whole.",
        "تغيّرت البيانات على القرص بعد عرض هذه الصفحة، لكن في الملفات الجديدة أخطاء: تحتوي حقيبتك الصحفية "
        "الأخيرة على البيانات التي عرضتها الصفحة حينها كاملة."),
    "press_kit": ("Download the press kit (zip)", "تنزيل الحقيبة الصحفية (zip)"),
    "press_kit_help": (
        "Every chart as PNG, SVG and PDF in English and Arabic, the full data as CSV and JSON with provenance, "
        "the curated YAML, the original text, a README (source, caveats, how to cite) and a manifest of "
        "sha256 hashes. Built when you click: allow about 20 seconds.",
        "كل رسم بياني بصيغ PNG وSVG وPDF بالإنجليزية والعربية، والبيانات كاملة بصيغتي CSV وJSON مع مصادرها، "
        "وملفات YAML المنسقة، والنص الأصلي، وملف README (المصدر والتنبيهات وطريقة الاستشهاد) وقائمة بصمات "
        "sha256. تُنشأ عند النقر: قد يستغرق ذلك نحو ٢٠ ثانية."),
    # Plotly's own words on an Arabic chart (its modebar button and hints), in its locale
    "plotly_reset_axes": ("Reset axes", "إعادة ضبط المحاور"),
    "plotly_autoscale": ("Autoscale", "ضبط تلقائي للمحاور"),
    "plotly_double_click": ("Double-click to zoom back out", "انقر مرتين للعودة إلى العرض الكامل"),
    "press_kit_refused_formulas": ("The press kit is not built: it carries the data files byte for byte, and these "
                                   "cells would run as formulas in a spreadsheet. Reword them (newsdash validate "
                                   "lists them too):",
                                   "لا تُنشأ الحقيبة الصحفية: فهي تحمل ملفات البيانات كما هي، وهذه الخلايا ستُنفَّذ "
                                   "كصيغ في برامج الجداول. أعد صياغتها (يسردها الأمر newsdash validate أيضًا):"),
    "press_kit_no_images": ("Without a browser on this server the kit has no PNG, SVG or PDF ({reason}).",
                            "لا تتضمن الحقيبة ملفات PNG أو SVG أو PDF لعدم توفر متصفح على هذا الخادم ({reason})."),
    # sign-in with the newsroom's own accounts (newsdash/app/oidc.py)
    "oidc_sign_in_title": ("Sign in with your newsroom account", "سجّل الدخول بحساب غرفة الأخبار"),
    "oidc_sign_in_with": ("Sign in with {name}", "تسجيل الدخول عبر {name}"),
    "oidc_signed_in_as": ("Signed in as {name} ({role})", "مسجّل الدخول باسم {name} ({role})"),
    "oidc_role_editor": ("editor", "محرّر"),
    "oidc_role_reader": ("reader", "قارئ"),
    "oidc_refused_title": ("This account may not open the dashboard", "لا يُسمح لهذا الحساب بفتح اللوحة"),
    "oidc_refused_not_listed": ("You signed in as {email}, which is not on the dashboard's list of readers or "
                                "editors. Ask the desk to add it, or sign in with another account.",
                                "سجّلت الدخول باسم {email}، وهو ليس في قائمة قرّاء اللوحة أو محرّريها. اطلب من "
                                "المكتب إضافته، أو سجّل الدخول بحساب آخر."),
    "oidc_refused_unverified": ("You signed in as {email}, but the provider has not verified that address, so it "
                                "cannot open the dashboard.",
                                "سجّلت الدخول باسم {email}، لكن مزوّد الحساب لم يتحقق من هذا العنوان، فلا يمكنه "
                                "فتح اللوحة."),
    "oidc_refused_no_roles": ("Sign-in works, but no reader or editor is configured yet ([dashboard.roles]), so "
                              "nobody can open the dashboard.",
                              "تسجيل الدخول يعمل، لكن لم يُحدَّد بعد أي قارئ أو محرّر ([dashboard.roles])، فلا "
                              "يمكن لأحد فتح اللوحة."),
    "oidc_misconfigured": ("Sign-in is misconfigured, so nobody can open the dashboard: {reason}",
                           "إعداد تسجيل الدخول غير صالح، فلا يمكن لأحد فتح اللوحة: {reason}"),
    "oidc_no_email": ("an account without an email address", "حساب بلا عنوان بريد إلكتروني"),
    "oidc_sign_out_other": ("Sign out and use another account", "سجّل الخروج واستخدم حسابًا آخر"),
    # the dashboard in one offline file, and sharing a chart (newsdash.exports.offline, embeds, citations)
    "offline_heading": ("The dashboard in one file", "اللوحة في ملف واحد"),
    "offline_download": ("Download the dashboard as one offline file (HTML)", "تنزيل اللوحة في ملف واحد يعمل دون اتصال (HTML)"),
    "offline_help": ("The story, every chart (interactive), the figures with their sources and the original text, "
                     "in English and Arabic, in one HTML file that opens in a browser with no network.",
                     "القصة وكل الرسوم البيانية (تفاعلية) والأرقام مع مصادرها والنص الأصلي، بالعربية والإنجليزية، "
                     "في ملف HTML واحد يُفتح في المتصفح دون اتصال بالشبكة."),
    "offline_contents": ("Contents", "المحتويات"),
    "offline_story": ("The story", "القصة"),
    "offline_charts": ("Charts", "الرسوم البيانية"),
    "offline_records": ("The figures and dates, with their sources", "الأرقام والتواريخ مع مصادرها"),
    "offline_to_sentence": ("The sentence in the text", "الجملة في النص"),
    "offline_to_chart": ("Its chart", "رسمه البياني"),
    "offline_made": ("Made on {date} from the data of the dashboard; it does not change when the data does.",
                     "أُعدّ في {date} من بيانات اللوحة، ولا يتغير إذا تغيرت البيانات."),
    "offline_no_script": ("The charts need JavaScript; every figure, source and sentence is readable without it.",
                          "تحتاج الرسوم البيانية إلى جافاسكربت؛ وكل رقم ومصدر وجملة مقروءة دونها."),
    "offline_back": ("Back to the figure", "عودة إلى الرقم"),
    "share_link": ("Link to this chart", "رابط هذا الرسم البياني"),
    "share_embed": ("Embed code (responsive)", "رمز التضمين (متجاوب)"),
    "share_cite": ("Cite this", "استشهد بهذا"),
    "share_heading": ("Share and cite", "المشاركة والاستشهاد"),
    "share_open_dashboard": ("See it in the dashboard", "اعرضه في اللوحة"),
    "cite_template": ("{outlet} ({date}). {speaker}, {role}, quoted in \u201c{title}\u201d. In {chart}, {dashboard}. "
                      "{url} (retrieved {retrieved}).",
                      "{outlet} ({date}). {speaker}، {role}، في \u00ab{title}\u00bb. ضمن {chart}، {dashboard}. "
                      "{url} (تاريخ الاسترجاع {retrieved})."),
    "preview_description": ("{count} figures claimed by {speaker} ({outlet}, {date}), each traced to the words "
                            "of its source.",
                            "{count} من الأرقام صرّح بها {speaker} ({outlet}، {date})، كل منها مردود إلى كلمات مصدره."),
    "article_not_here": (
        "The link names the article {id}, which is not on this dashboard: it may have been saved a moment "
        "ago and not reached this server yet (reload in a few seconds), or it was removed or mistyped. No "
        "other article is shown in its place.",
        "يشير الرابط إلى المقالة {id}، وهي غير موجودة في لوحة البيانات هذه: ربما حُفظت قبل لحظات ولم تصل "
        "إلى هذا الخادم بعد (أعد تحميل الصفحة بعد بضع ثوانٍ)، أو حُذفت أو كُتب معرّفها خطأً. لا تُعرض أي "
        "مقالة أخرى مكانها."),
    "open_latest_article": ("Open the latest article instead", "افتح أحدث مقالة بدلًا منها"),
    # findings, not labels (newsdash.views.findings): the overview's first sentence and each
    # measure chart's title, computed from the data
    "finding_nothing_to_compare": (
        "No figure in this article can be set against an earlier report of its series: the record cannot yet "
        "say what is new in it.",
        "لا يمكن مقارنة أي رقم في هذا المقال بتقرير سابق من سلسلته: لا يستطيع السجل بعدُ أن يقول ما الجديد فيه."),
    "finding_whose": (" ({whom}; the latest of {date})", " ({whom}؛ وآخرها في {date})"),
    "finding_latest": (" (the latest of {date})", " (وآخرها في {date})"),
    "finding_all_repeat": ("Nothing new: every figure that can be checked repeats totals already published{whose}.",
                           "لا جديد: كل رقم يمكن التحقق منه يكرر حصائل سبق نشرها{whose}."),
    "finding_some_repeat": ("{count} of the {total} figures that can be checked repeat totals already published{whose}",
                            "{count} من أصل {total} من الأرقام التي يمكن التحقق منها تكرر حصائل سبق نشرها{whose}"),
    "finding_only": ("{lead}; only {items}.", "{lead}؛ والاستثناء الوحيد أن {items}."),
    "finding_but": ("{lead}; {items}.", "{lead}؛ وفي المقابل: {items}."),
    "finding_all_higher": ("New numbers: {items}.", "أرقام جديدة: {items}."),
    "finding_none_repeat": ("No figure repeats an earlier report: {items}.", "لا يكرر أي رقم تقريرا سابقا: {items}."),
    "finding_item_higher": ("{label} is higher ({figure} against {last} on {date})",
                            "{label} أعلى ({figure} مقابل {last} في {date})"),
    "finding_item_lower": ("{label} is lower ({figure} against {last} on {date})",
                           "{label} أقل ({figure} مقابل {last} في {date})"),
    "finding_item_inconsistent": ("{label} does not fit the earlier report ({figure} against {last} on {date})",
                                  "{label} لا يتسق مع التقرير السابق ({figure} مقابل {last} في {date})"),
    "finding_and_more": ("and {count} more", "و{count} غيرها"),
    "finding_one": ("{label}: one report so far, {last} in {last_date}",
                    "{label}: تقرير واحد حتى الآن، {last} في {last_date}"),
    "finding_flat": ("{label}: flat from {first_date} to {last_date}, at {last}",
                     "{label}: ثبات من {first_date} إلى {last_date} عند {last}"),
    "finding_rise": ("{label}: up from {first} in {first_date} to {last} in {last_date}",
                     "{label}: ارتفاع من {first} في {first_date} إلى {last} في {last_date}"),
    "finding_fall": ("{label}: down from {first} in {first_date} to {last} in {last_date}",
                     "{label}: انخفاض من {first} في {first_date} إلى {last} في {last_date}"),
    "finding_knee": ("{label}: {before} until {knee_date} ({knee}), {after} ({last} by {last_date})",
                     "{label}: {before} حتى {knee_date} ({knee})، ثم {after} ({last} بحلول {last_date})"),
    "finding_peak": ("{label}: up to {knee} in {knee_date}, then down to {last} by {last_date}",
                     "{label}: صعود إلى {knee} في {knee_date}، ثم هبوط إلى {last} بحلول {last_date}"),
    "finding_trough": ("{label}: down to {knee} in {knee_date}, then up to {last} by {last_date}",
                       "{label}: هبوط إلى {knee} في {knee_date}، ثم صعود إلى {last} بحلول {last_date}"),
    "phase_steep_rise": ("steep rise", "ارتفاع حاد"),
    "phase_steep_fall": ("steep fall", "انخفاض حاد"),
    "phase_slow_rise": ("slow rise", "ارتفاع بطيء"),
    "phase_slow_fall": ("slow fall", "انخفاض بطيء"),
    "phase_after_nearly_flat": ("nearly flat after", "شبه ثبات بعده"),
    "phase_after_slower": ("slower after", "تباطؤ بعده"),
    "phase_after_steep": ("steep after", "تسارع بعده"),
    "key_article_claim": ("the article's claim", "ما يقوله المقال"),
    "key_earlier_reports": ("earlier reports", "تقارير سابقة"),
    "card_details": ("All details", "كل التفاصيل"),  # a table row's card on a phone: the cells behind one tap
    # a chart's CSV download: its column headers in Arabic (the English CSV keeps the data's names)
    "csv_column_chart_id": ("chart_id", "معرّف الرسم البياني"),
    "csv_column_record_id": ("record_id", "معرّف السجل"),
    "csv_column_series": ("series", "السلسلة"),
    "csv_column_label": ("label", "التسمية"),
    "csv_column_date": ("date", "التاريخ"),
    "csv_column_date_end": ("date_end", "تاريخ النهاية"),
    "csv_column_precision": ("precision", "دقة التاريخ"),
    "csv_column_value": ("value", "القيمة"),
    "csv_column_qualifier": ("qualifier", "الصفة"),
    "csv_column_unit": ("unit", "الوحدة"),
    "csv_column_is_article": ("is_article", "من المقال"),
    "csv_column_quote": ("quote", "الاقتباس الحرفي"),
    "csv_column_quote_start": ("quote_start", "بداية الاقتباس"),
    "csv_column_quote_end": ("quote_end", "نهاية الاقتباس"),
    "csv_column_attributed_to": ("attributed_to", "منسوب إلى"),
    "csv_column_source_title": ("source_title", "المصدر"),
    "csv_column_source_url": ("source_url", "رابط المصدر"),
    "csv_column_note": ("note", "ملاحظة"),
    "csv_column_article_id": ("article_id", "معرّف المقال"),
    "csv_column_correction": ("correction", "تصحيح"),
    # Data & method: the grid's tabs at a laptop's width, each a set of columns that fits the page
    "grid_tab_sources": ("Values and sources", "القيم والمصادر"),
    "grid_tab_quotes": ("Quotes and checks", "الاقتباسات والتحقق"),
    "grid_tab_record": ("Record details", "تفاصيل السجل"),
    # the other charts' computed titles (newsdash.views.findings): a small multiple's, a chart of counts', a timeline's
    "small_title_same": ("the article's {figure}: the same number as on {date} ({last})",
                         "رقم المقال ({figure}) هو نفسه رقم {date} ({last})"),
    "small_title_consistent": ("the article's {figure}: a bound already passed ({last} on {date})",
                               "رقم المقال ({figure}) حد أدنى سبق تجاوزه ({last} في {date})"),
    "small_title_higher": ("the article's {figure} is above the {last} of {date}",
                           "رقم المقال ({figure}) أعلى من رقم {date} ({last})"),
    "small_title_lower": ("the article's {figure} is below the {last} of {date}",
                          "رقم المقال ({figure}) أدنى من رقم {date} ({last})"),
    "small_title_inconsistent": ("the article's {figure} does not fit the {last} of {date}",
                                 "رقم المقال ({figure}) لا يتسق مع رقم {date} ({last})"),
    "bars_one": ("{top_label}: {top}", "{top_label}: {top}"),
    "bars_against": ("{top_label}: {top}, against {next} for {next_label}",
                     "{top_label}: {top}، مقابل {next} لفئة «{next_label}»"),
    "bars_ratio": ("{top_label}: {top}, {ratio} times as many as {next_label} ({next})",
                   "{top_label}: {top}، أي {ratio} أضعاف فئة «{next_label}» ({next})"),
    "bars_ratio_at_least": ("{top_label}: {top}, at least {ratio} times as many as {next_label} ({next})",
                            "{top_label}: {top}، أي {ratio} أضعاف فئة «{next_label}» ({next}) على الأقل"),
    "bars_ratio_about": ("{top_label}: {top}, about {ratio} times as many as {next_label} ({next})",
                         "{top_label}: {top}، أي نحو {ratio} أضعاف فئة «{next_label}» ({next})"),
    "timeline_title_span": ("{label}: {duration}, to {ends}; the article's latest date, {last}, comes {gap} later",
                            "{label}: {duration} حتى {ends}؛ وآخر تاريخ في المقال، {last}، يأتي بعد ذلك ب{gap}"),
    "timeline_title_dates": ("{count} {dates} from {first} to {last}", "{count} {dates} من {first} إلى {last}"),
}


def t(key: str, lang: str) -> str:
    """The interface text for a key in a language (English if the language is unknown)."""
    en, ar = TEXT[key]
    return ar if lang == "ar" else en


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ar" else pair[0]


def category_label(category: str, lang: str) -> str:
    return pick(CATEGORIES.get(category, (category, category)), lang)
