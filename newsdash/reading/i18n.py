"""Interface words in English and Arabic, and numbers written for each language.

Chart titles, notes and source lines live in the data files; this module holds only
the interface's own words (page names, captions, qualifiers, units).
"""

from __future__ import annotations

import re
from functools import lru_cache

LANGS = ("en", "ar")
ARABIC_DIGITS = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")

UNITS = {
    "buildings": ("buildings", "مبنى"),
    "hectares": ("hectares", "هكتار"),
    "kilometres": ("km", "كم"),
    "explosive objects": ("explosive objects", "مادة متفجرة"),
    "refugees": ("refugees", "لاجئ"),
    "people": ("people", "شخص"),
    "months": ("months", "شهر"),
}

# The counted noun after an Arabic number takes the form its plural category asks for
# (CLDR: few = 3-10, many = 11-99, other = 100 and up, by the last two digits): ٥ مبانٍ,
# ٢٬٣٢٠ هكتارًا, ٢٦٬٠٠٠ مادة متفجرة, as the source itself writes them. A unit not listed
# keeps its UNITS label; an abbreviation (كم) does not change.
UNIT_FORMS_AR = {
    "buildings": {"few": "مبانٍ", "many": "مبنى"},
    "hectares": {"few": "هكتارات", "many": "هكتارًا"},
    "explosive objects": {"few": "مواد متفجرة", "many": "مادة متفجرة"},
    "refugees": {"few": "لاجئين", "many": "لاجئًا"},
    "people": {"few": "أشخاص", "many": "شخصًا"},
    "months": {"few": "أشهر", "many": "شهرًا"},
}

# Shorter forms for a tile, where the unit must fit beside the number ("2,320 ha");
# empty where the language has none, so the counted form is used (٢٬٣٢٠ هكتارًا)
UNITS_SHORT = {
    "hectares": ("ha", ""),
    "kilometres": ("km", "كم"),
}

CATEGORIES = {
    "demining": ("Demining", "إزالة الألغام"),
    "returns": ("Returns", "العودة"),
    "conflict": ("Conflict", "النزاع"),
}

QUALIFIER_WORDS = {
    "more_than": ("more than", "أكثر من"),
    "less_than": ("less than", "أقل من"),
    "about": ("about", "نحو"),
    "range": ("from", "من"),  # with value_max: "between 30,000 and 40,000"
    "exact": ("", ""),
}

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Karabakh peacekeeping: the figures", "حفظ السلام في قره باغ: الأرقام"),
    "language": ("Language", "اللغة"),
    # the password gate (widgets.password_gate)
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
    "choose_article": ("Article", "المقالة"),
    "see_in_text": ("See the sentence", "اعرض الجملة"),
    "attributed_to": ("Attributed to", "منسوب إلى"),
    "quote": ("Quote", "الاقتباس"),
    "translation": ("Translation", "الترجمة"),
    # add an article (pages/add_article.py): assisted curation of a new article
    "page_add": ("Add an article", "إضافة مقال"),
    "add_intro": (
        "Paste or upload a new article, in Arabic or English. The machine marks the figures and dates it "
        "finds; untick the wrong ones and download a draft for an editor to confirm. Nothing on this page "
        "is published on the dashboard.",
        "الصق مقالا جديدا أو ارفعه، بالعربية أو الإنجليزية. يميّز النظام الأرقام والتواريخ التي يجدها؛ أزل "
        "العلامة عن الخاطئ منها ونزّل مسودة ليؤكدها محرر. لا يُنشر شيء من هذه الصفحة في لوحة البيانات."),
    "add_upload": ("Upload a text file (UTF-8, up to {limit} KB)", "ارفع ملفا نصيا (UTF-8، حتى {limit} كيلوبايت)"),
    "add_choose_file": ("Choose a file", "اختر ملفا"),
    "add_paste": ("…or paste the text", "…أو الصق النص"),
    "add_published": ("Publication date (dates without a year are read against it)",
                      "تاريخ النشر (تُقرأ التواريخ التي لا سنة لها نسبةً إليه)"),
    "add_published_guess": ("No date chosen: using {date}, the dateline date found in the text.",
                            "لم يُختر تاريخ: يُستخدم {date}، وهو تاريخ مطلع الخبر الوارد في النص."),
    "add_published_none": ("No publication date: dates without a year stay unresolved and out of the draft. "
                           "Choose the date above.",
                           "لا تاريخ نشر: تبقى التواريخ التي لا سنة لها دون تحديد وخارج المسودة. اختر التاريخ أعلاه."),
    "add_no_draft": ("Choose the publication date above to download a draft.",
                     "اختر تاريخ النشر أعلاه لتنزيل مسودة."),
    "add_too_large": ("This text is {size} bytes; the limit is {limit} bytes. Split the article or cut the "
                      "boilerplate.",
                      "حجم هذا النص {size} بايت والحد {limit} بايت. قسّم المقال أو احذف القوالب الثابتة."),
    "add_unreadable": ("This file cannot be read as text: {problem}.", "تعذرت قراءة هذا الملف نصا: {problem}."),
    "add_empty": ("Paste a text or upload a file to see what the machine finds.",
                  "الصق نصا أو ارفع ملفا لترى ما يجده النظام."),
    "add_nothing": ("No figure or date found in this text.", "لم يُعثر على أي رقم أو تاريخ في هذا النص."),
    "add_text_heading": ("The text, with the candidates marked", "النص مع تمييز المرشحات"),
    "add_legend": ("Yellow marks a figure, blue a date, struck through an unticked one. Every mark is "
                   "unconfirmed until an editor confirms it.",
                   "الأصفر يميز رقما والأزرق تاريخا، والمشطوب ما أُزيلت علامته. كل علامة غير مؤكدة حتى يؤكدها محرر."),
    "add_figures_heading": ("Candidate figures", "الأرقام المرشحة"),
    "add_events_heading": ("Candidate dates", "التواريخ المرشحة"),
    "unconfirmed": ("unconfirmed", "غير مؤكد"),
    "col_keep": ("Keep", "إبقاء"),
    "col_ref": ("Mark", "العلامة"),
    "col_reading": ("Read as", "القراءة"),
    "col_unit_guess": ("Unit (guess)", "الوحدة (تخمين)"),
    "col_precision": ("Precision", "الدقة"),
    "col_year_from": ("Year from", "السنة من"),
    "basis_stated": ("the text", "النص"),
    "basis_published": ("publication date", "تاريخ النشر"),
    "basis_context": ("a date named before it", "تاريخ ورد قبله"),
    "col_why": ("Why (rule that read it)", "السبب (القاعدة التي قرأته)"),
    "col_confidence": ("Confidence", "الثقة"),
    "confidence_low": ("low: check first", "منخفضة: تحقق منه أولا"),
    "confidence_normal": ("normal", "عادية"),
    "add_low_legend": ("A dashed red underline and a ? mark a low-confidence reading (digits out of order, a "
                       "guessed unit): check those first.",
                       "يدل الخط الأحمر المتقطع وعلامة ؟ على قراءة منخفضة الثقة (أرقام مقلوبة الترتيب، وحدة مخمنة): "
                       "تحقق منها أولا."),
    "add_truncated": ("This text holds more than {limit} candidate figures or dates; only the first {limit} "
                      "are shown. Split the article to check the rest.",
                      "يحوي هذا النص أكثر من {limit} رقما أو تاريخا مرشحا؛ تُعرض أول {limit} فقط. قسّم المقال "
                      "لتتحقق من الباقي."),
    "add_too_slow": ("Reading this text took longer than {seconds} seconds and was stopped. Is it an article? "
                     "Split it or remove what is not prose.",
                     "استغرقت قراءة هذا النص أكثر من {seconds} ثوان فأوقفت. هل هو مقال؟ قسّمه أو احذف ما ليس نصا."),
    # the rules that read a candidate, shown beside it on the Add an article page and in `extract`
    "why_words": ("number written in words", "عدد مكتوب بالحروف"),
    "why_multiplier": ("multiplier word (ألف, million)", "كلمة مضاعِفة (ألف، مليون)"),
    "why_fraction": ("fraction word (نصف, half)", "كلمة كسر (نصف، ربع)"),
    "why_dot_thousands": ("dot read as thousands separator before a count noun",
                          "النقطة فاصل آلاف قبل اسم معدود"),
    "why_dot_decimal": ("dot read as decimal point (not a count noun): check", "النقطة فاصلة عشرية (ليس اسما معدودا): تحقق"),
    "why_space_thousands": ("space read as thousands separator", "المسافة فاصل آلاف"),
    "why_reversed": ("digits out of order (right-to-left layout): groups read in reverse",
                     "أرقام مقلوبة الترتيب (تخطيط من اليمين لليسار): قُرئت المجموعات بالعكس"),
    "why_reversed_confirmed": ("the same number is written in order elsewhere in the text",
                               "العدد نفسه مكتوب بترتيب صحيح في موضع آخر من النص"),
    "why_dual": ("dual noun: two", "اسم مثنى: اثنان"),
    "why_after_noun": ("number word after its noun", "عدد بعد المعدود"),
    "why_range": ("range of two numbers", "نطاق بين عددين"),
    "why_qualifier_before": ("qualifier word before the number", "كلمة تقييد قبل العدد"),
    "why_qualifier_after": ("qualifier word after the number", "كلمة تقييد بعد العدد"),
    "why_unit_nisba": ("unit guessed (people) from a nationality noun", "وحدة مخمنة (أشخاص) من اسم نسبة"),
    "why_unit_noun": ("unknown noun kept as the unit", "اسم غير معروف أُبقي وحدةً"),
    "why_no_unit": ("no unit noun after the number", "لا اسم وحدة بعد العدد"),
    "why_repeated": ("also stated in the headline or the same sentence", "مذكور أيضا في العنوان أو الجملة نفسها"),
    "why_digits": ("digits as written", "أرقام كما كُتبت"),
    "why_as_written": ("date as written", "تاريخ كما كُتب"),
    "why_ordinal_day": ("ordinal day word (الخامس)", "يوم بعدد ترتيبي (الخامس)"),
    "why_year_from_published": ("year from the publication date", "السنة من تاريخ النشر"),
    "why_month_this": ("month of publication (الجاري)", "شهر النشر (الجاري)"),
    "why_month_from_context": ("month from the date named before it (نفسه)", "الشهر من التاريخ الوارد قبله (نفسه)"),
    "why_relative_year": ("year relative to the publication date", "سنة نسبةً إلى تاريخ النشر"),
    "why_relative_month": ("month relative to the publication date", "شهر نسبةً إلى تاريخ النشر"),
    "why_year_cue": ("year after a cue word (عام, in)", "سنة بعد كلمة دالة (عام، في)"),
    "why_season": ("season: known to the year only", "فصل من السنة: معروف بالسنة فقط"),
    "add_kept": ("Kept: {figures} of {figures_total} {figures_noun}, {events} of {events_total} {events_noun}.",
                 "المُبقى: {figures} من {figures_total} {figures_noun}، و{events} من {events_total} {events_noun}."),
    "add_download": ("Download the draft YAML", "تنزيل مسودة YAML"),
    "add_download_seed": ("Download the text as {name}", "تنزيل النص باسم {name}"),
    "add_download_help": (
        "Save the YAML in data/articles/ and the text in seeds/ (or run python -m newsdash new-article). "
        "Each record stays status: draft, and off the dashboard, until an editor fills in the [draft] "
        "placeholders and confirms it.",
        "احفظ ملف YAML في مجلد data/articles والنص في مجلد seeds (أو شغّل الأمر python -m newsdash new-article). يبقى كل "
        "سجل بحالة draft، وخارج لوحة البيانات، حتى يملأ محرر الحقول المعلّمة [مسودة] ويؤكده."),
    "add_left_out": ("Left out of the draft: {quotes}. Their words occur more than once in the text; "
                     "add them by hand with a longer quote.",
                     "خارج المسودة: {quotes}. ترد كلماتها أكثر من مرة في النص؛ أضفها يدويا باقتباس أطول."),
    # the confirm form of the Add an article page (newsdash.views.confirm_form)
    "confirm_heading": ("Confirm and save on the record", "التأكيد والحفظ في السجل"),
    "confirm_intro": ("Fill in what only an editor knows, for the figures and dates ticked above (untick a wrong "
                      "candidate there to drop it). Save writes the article into the data folder after it passes "
                      "validation; it then appears on the dashboard.",
                      "املأ ما لا يعرفه إلا المحرر للأرقام والتواريخ المؤشَّر عليها أعلاه (أزل العلامة عن مرشح خاطئ "
                      "هناك لحذفه). يكتب زر الحفظ المقال في مجلد البيانات بعد اجتيازه التحقق، فيظهر في لوحة البيانات."),
    "confirm_article_heading": ("The article", "المقال"),
    "confirm_paragraphs_heading": ("Translation of each paragraph", "ترجمة كل فقرة"),
    "confirm_paragraph": ("Paragraph {number}: English translation", "الفقرة {number}: الترجمة الإنجليزية"),
    "confirm_id_help": ("Lowercase letters, digits and hyphens, e.g. 2020-12-06-outlet-speaker. The file is "
                        "data/articles/<id>.yaml; an existing id is refused.",
                        "حروف لاتينية صغيرة وأرقام وشرطات، مثل 2020-12-06-outlet-speaker. الملف هو "
                        "data/articles/<id>.yaml؛ ويُرفض معرّف موجود."),
    "confirm_period_help": ("The date the figure stands at (YYYY-MM-DD), or start/end (2020-09/2020-11-10).",
                            "التاريخ الذي يقف عنده الرقم (YYYY-MM-DD)، أو البداية/النهاية (2020-09/2020-11-10)."),
    "confirm_f_id": ("Article id", "معرّف المقال"),
    "confirm_f_title_en": ("Title (English)", "العنوان (بالإنجليزية)"),
    "confirm_f_title_ar": ("Title (Arabic)", "العنوان (بالعربية)"),
    "confirm_f_outlet_en": ("Outlet (English)", "الناشر (بالإنجليزية)"),
    "confirm_f_outlet_ar": ("Outlet (Arabic)", "الناشر (بالعربية)"),
    "confirm_f_wire_agency_en": ("Wire agency (English)", "وكالة الأنباء (بالإنجليزية)"),
    "confirm_f_wire_agency_ar": ("Wire agency (Arabic)", "وكالة الأنباء (بالعربية)"),
    "confirm_f_speaker_name_en": ("Speaker (English)", "المتحدث (بالإنجليزية)"),
    "confirm_f_speaker_name_ar": ("Speaker (Arabic)", "المتحدث (بالعربية)"),
    "confirm_f_speaker_role_en": ("Speaker's role (English)", "صفة المتحدث (بالإنجليزية)"),
    "confirm_f_speaker_role_ar": ("Speaker's role (Arabic)", "صفة المتحدث (بالعربية)"),
    "confirm_f_claim_caveat_en": ("Whose claims, and verified by whom (English)",
                                  "لمن هذه الأرقام ومن تحقق منها (بالإنجليزية)"),
    "confirm_f_claim_caveat_ar": ("Whose claims, and verified by whom (Arabic)",
                                  "لمن هذه الأرقام ومن تحقق منها (بالعربية)"),
    "confirm_f_label_en": ("Label (English)", "التسمية (بالإنجليزية)"),
    "confirm_f_label_ar": ("Label (Arabic)", "التسمية (بالعربية)"),
    "confirm_f_attributed_to": ("Attributed to (as the text says)", "منسوب إلى (كما يقول النص)"),
    "confirm_f_attributed_to_ar": ("Attributed to (Arabic, optional)", "منسوب إلى (بالعربية، اختياري)"),
    "confirm_f_translation": ("English translation of the quote", "الترجمة الإنجليزية للاقتباس"),
    "confirm_f_category": ("Category (e.g. returns, demining)", "الفئة (مثل returns أو demining)"),
    "confirm_f_period": ("Period", "الفترة"),
    "confirm_f_measure": ("Measure (its chart)", "المقياس (مخططه)"),
    "confirm_no_measure": ("none: a tile and the text only", "لا شيء: بطاقة والنص فقط"),
    "propose_measure": ("Proposed: {measure}. It counts {unit}, and the quote says {words}.",
                        "المقترح: {measure}. وحدته {unit}، ويقول الاقتباس {words}."),
    "propose_category_only": ("Proposed category: {category} (the quote says {words}), but no measure counts "
                              "{unit}: the figure is shown as a tile and in the text. To draw it, add a measure "
                              "to data/measures.yaml (see {guide}) and name it here.",
                              "الفئة المقترحة: {category} (يقول الاقتباس {words})، لكن لا مقياس وحدته {unit}: "
                              "يُعرض الرقم بطاقةً وفي النص. لرسمه أضف مقياسا إلى data/measures.yaml (انظر {guide}) "
                              "واختره هنا."),
    "propose_none": ("On no known measure (unit {unit}, no word of a measure in the quote): the figure is shown "
                     "as a tile and in the text. To draw it, add a measure to data/measures.yaml (see {guide}) "
                     "and name it here.",
                     "ليس على أي مقياس معروف (الوحدة {unit}، ولا كلمة من كلمات المقاييس في الاقتباس): يُعرض "
                     "الرقم بطاقةً وفي النص. لرسمه أضف مقياسا إلى data/measures.yaml (انظر {guide}) واختره هنا."),
    "confirm_save": ("Save the confirmed article", "حفظ المقال المؤكد"),
    "confirm_sign_in": ("Sign in to save: a password protects this dashboard.",
                        "سجّل الدخول للحفظ: كلمة مرور تحمي لوحة البيانات هذه."),
    "confirm_refused": ("Not saved, nothing was written{where}: {reason}",
                        "لم يُحفظ ولم يُكتب شيء{where}: {reason}"),
    "confirm_refused_field": (" (field «{field}»)", " (الحقل «{field}»)"),
    "confirm_saved": ("Saved as {name}: choose it on the Overview.", "حُفظ باسم {name}: اختره في صفحة النظرة العامة."),
    # charts (newsdash.views.charts): legends, hovers, alt text
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
    "credit_default": ("Graphic: newsdash", "رسم بياني: newsdash"),
    "static_unavailable": ("PNG, SVG and PDF cannot be made on this server ({reason}); HTML and CSV still work.",
                           "لا يمكن إنشاء ملفات PNG وSVG وPDF على هذا الخادم ({reason})؛ ملفات HTML وCSV متاحة."),
    "download_data_changed": (
        "The data changed on disk after this page was drawn: these downloads are of the new data. "
        "Reload the page to see it.",
        "تغيّرت البيانات على القرص بعد عرض هذه الصفحة: هذه التنزيلات من البيانات الجديدة. أعد تحميل الصفحة لرؤيتها."),
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
        "sha256. تُنشأ عند النقر: قد يستغرق ذلك نحو 20 ثانية."),
    "press_kit_no_images": ("Without a browser on this server the kit has no PNG, SVG or PDF ({reason}).",
                            "لا تتضمن الحقيبة ملفات PNG أو SVG أو PDF لعدم توفر متصفح على هذا الخادم ({reason})."),
}


def t(key: str, lang: str) -> str:
    """The interface text for a key in a language (English if the language is unknown)."""
    en, ar = TEXT[key]
    return ar if lang == "ar" else en


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ar" else pair[0]


def format_number(value: float, lang: str) -> str:
    """1937 -> '1,937' or '١٬٩٣٧'; 1.5 -> '1.5' or '١٫٥'."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(ARABIC_DIGITS) if lang == "ar" else text


_DIGIT_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_QUOTED = re.compile(r'("[^"]*(?:"|$)|«[^»]*(?:»|$)|“[^”]*(?:”|$))')  # an unclosed quote (a cut label) runs to the end


def arabic_digits(text: str) -> str:
    """Western digits written as Arabic-Indic, with the Arabic separators between digits
    ("2,326.6" -> "٢٬٣٢٦٫٦"), except inside quotation marks: a quoted passage is the
    source's words and keeps its digits as the source wrote them."""
    parts = _QUOTED.split(text)
    return "".join(part if index % 2 else _DIGIT_RUN.sub(lambda m: m.group().translate(ARABIC_DIGITS), part)
                   for index, part in enumerate(parts))


def digits_for(text: str, lang: str) -> str:
    """The text with the digits of its language (Arabic-Indic in Arabic)."""
    return arabic_digits(text) if lang == "ar" else text


def day_for(iso: str, lang: str) -> str:
    """A date as the language writes it in running text: ISO in English (as the tables
    give it), '٢٩ ديسمبر ٢٠٢١' in Arabic."""
    return format_date(iso, lang) if lang == "ar" and iso else iso


# Counted nouns. Arabic has six plural forms (CLDR: zero, one, two, few, many, other):
# "٨ أرقام" but "٢٦ رقما" and "١٠٠ رقم". The form comes from Babel's CLDR rules.
COUNT_NOUNS = {
    "figures": (("figure", "figures"),
                {"zero": "رقم", "one": "رقم", "two": "رقمين", "few": "أرقام", "many": "رقما", "other": "رقم"}),
    "dates": (("date", "dates"),
              {"zero": "تاريخ", "one": "تاريخ", "two": "تاريخين", "few": "تواريخ", "many": "تاريخا", "other": "تاريخ"}),
    "rows": (("row", "rows"),
             {"zero": "صف", "one": "صف", "two": "صفين", "few": "صفوف", "many": "صفا", "other": "صف"}),
    "items": (("item", "items"),
              {"zero": "عنصر", "one": "عنصر", "two": "عنصرين", "few": "عناصر", "many": "عنصرا", "other": "عنصر"}),
}


@lru_cache(maxsize=256)
def _arabic_plural_form(count: int) -> str:
    from babel import Locale

    return Locale("ar").plural_form(count)


def count_noun(noun: str, count: float, lang: str) -> str:
    """The noun in the form its count asks for: 'figure'/'figures'; in Arabic one of six
    forms by CLDR's rules ('أرقام' for 3 to 10, 'رقما' for 11 to 99)."""
    english, arabic = COUNT_NOUNS[noun]
    if lang == "ar":
        return arabic[_arabic_plural_form(int(count))]
    return english[0] if count == 1 else english[1]


def format_value(value: float, qualifier: str, lang: str, value_max: float | None = None) -> str:
    """A value with its qualifier in words: 'more than 26,000', 'نحو ١٫٥',
    'between 30,000 and 40,000' (a range, given its maximum)."""
    if qualifier == "range" and value_max is not None:
        low, high = format_number(value, lang), format_number(value_max, lang)
        return f"بين {low} و{high}" if lang == "ar" else f"between {low} and {high}"
    words = pick(QUALIFIER_WORDS[qualifier], lang)
    number = format_number(value, lang)
    return f"{words} {number}" if words else number


def format_short(value: float, qualifier: str, lang: str, value_max: float | None = None) -> str:
    """A compact metric form that still keeps the qualifier: '26,000+', '~1.5', '<200',
    '30,000–40,000'."""
    number = format_number(value, lang)
    if lang == "ar" or qualifier == "range":
        if qualifier == "range" and value_max is not None and lang != "ar":
            return f"{number}–{format_number(value_max, lang)}"
        return format_value(value, qualifier, lang, value_max)
    return {"more_than": f"{number}+", "about": f"~{number}", "less_than": f"<{number}"}.get(qualifier, number)


MONTHS = (
    ("January", "يناير"), ("February", "فبراير"), ("March", "مارس"), ("April", "أبريل"),
    ("May", "مايو"), ("June", "يونيو"), ("July", "يوليو"), ("August", "أغسطس"),
    ("September", "سبتمبر"), ("October", "أكتوبر"), ("November", "نوفمبر"), ("December", "ديسمبر"),
)


def format_date(iso: str, lang: str) -> str:
    """'2021-12-29' -> '29 December 2021' / '٢٩ ديسمبر ٢٠٢١'; '2020-09' -> 'September 2020'."""
    parts = [int(p) for p in iso.split("-")]
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, pick(MONTHS[parts[1] - 1], lang))
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    text = " ".join(words)
    return text.translate(ARABIC_DIGITS) if lang == "ar" else text


def unit_label(unit: str, lang: str) -> str:
    return pick(UNITS.get(unit, (unit, unit)), lang)


def category_label(category: str, lang: str) -> str:
    return pick(CATEGORIES.get(category, (category, category)), lang)


def unit_short(unit: str, value: float, lang: str) -> str:
    """The unit as a tile shows it after this number: 'ha' for hectares; otherwise the
    counted form (counted_unit)."""
    short = pick(UNITS_SHORT[unit], lang) if unit in UNITS_SHORT else ""
    return short or counted_unit(unit, value, lang)


def plural_category_ar(n: int) -> str:
    """CLDR's Arabic plural category of a whole number: zero, one, two, few (3-10),
    many (11-99) or other (100-102, ...), by its last two digits."""
    if n == 0:
        return "zero"
    if n in (1, 2):
        return ("one", "two")[n - 1]
    rest = n % 100
    if 3 <= rest <= 10:
        return "few"
    if 11 <= rest <= 99:
        return "many"
    return "other"


def months_phrase(n: int, lang: str) -> str:
    """'11 months' / '١١ شهرًا', '3 months' / '٣ أشهر', 'less than a month'."""
    if n <= 0:
        return t("months_0", lang)
    category = plural_category_ar(n) if lang == "ar" else ("one" if n == 1 else "many")
    return t(f"months_{category}", lang).format(n=format_number(n, lang))


def counted_unit(unit: str, value: float, lang: str) -> str:
    """The unit as it follows this number: 'hectares' / 'هكتارًا' after 2,320, 'هكتار'
    after 2,326.6 (a fraction takes the singular), 'مبانٍ' after 5."""
    if lang != "ar" or not float(value).is_integer():
        return unit_label(unit, lang)
    form = UNIT_FORMS_AR.get(unit, {}).get(plural_category_ar(int(value)))
    return form or unit_label(unit, lang)
