"""The Add an article page's words, in English and Arabic: reading a new text, the
reasons behind each candidate, the draft, and the form that confirms it on the record.
Part of newsdash.reading.i18n.TEXT (kept apart only to keep each module short)."""

from __future__ import annotations

CURATION_TEXT: dict[str, tuple[str, str]] = {
    # add an article (pages/add_article.py): assisted curation of a new article
    "page_add": ("Add an article", "إضافة مقال"),
    "add_intro": (
        "Paste or upload a new article, in Arabic or English. The machine marks the figures and dates it "
        "finds; untick the wrong ones, then download a draft, or confirm it below and, signed in as an editor, "
        "save it for review. Nothing from this page reaches readers until a second editor approves it.",
        "الصق مقالا جديدا أو ارفعه، بالعربية أو الإنجليزية. يميّز النظام الأرقام والتواريخ التي يجدها؛ أزل "
        "العلامة عن الخاطئ منها، ثم نزّل مسودة، أو أكّدها أدناه واحفظها للمراجعة إن كنت داخلا بصفتك محررا. "
        "لا يصل شيء من هذه الصفحة إلى القراء حتى يوافق عليه محرر ثان."),
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
    "add_on_record": ("This text is already on the record as the article «{title}» ({article}): one story is one "
                      "article. Add what is new to that article instead.",
                      "هذا النص في السجل من قبل، وهو المقال «{title}» ({article}): لكل قصة مقال واحد. أضف الجديد "
                      "إلى ذلك المقال بدلا من ذلك."),
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
                      "candidate there to drop it).",
                      "املأ ما لا يعرفه إلا المحرر للأرقام والتواريخ المؤشَّر عليها أعلاه (أزل العلامة عن مرشح خاطئ "
                      "هناك لحذفه)."),
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
    "confirm_new_measure": ("new: {label} (added to the record when you save)", "جديد: {label} (يُضاف إلى السجل عند الحفظ)"),
    "confirm_no_measure": ("none: a tile and the text only", "لا شيء: بطاقة والنص فقط"),
    # a proposal says all three: the same party, the same kind (total or flow), the same quantity
    "propose_measure": ("Proposed: {measure}. Same party: {party} (the text says «{party_words}»). Same kind: "
                        "{kind} («{period_words}»). Same quantity: {unit} ({words}).",
                        "المقترح: {measure}. الجهة نفسها: {party} (يقول النص «{party_words}»). النوع نفسه: "
                        "{kind} («{period_words}»). الكمية نفسها: {unit} ({words})."),
    "propose_new_measure": ("No series of the record holds {party}'s count of {unit} as {kind}: proposed a new measure, "
                            "{label} ({id}), counted by {party} (the text says «{party_words}»), {kind} "
                            "(«{period_words}»). It is added to data/measures.yaml only when you confirm the "
                            "article.",
                            "لا سلسلة في السجل تحمل إحصاء {party} ({unit}) بوصفه {kind}: اقتُرح مقياس جديد، {label} ({id})، "
                            "تحصيه {party} (يقول النص «{party_words}»)، وهو {kind} («{period_words}»). لا يُضاف "
                            "إلى data/measures.yaml إلا حين تؤكد المقال."),
    "propose_unread": ("Proposed on no series: the text does not say {missing}. A figure sits only on a series "
                       "of the same party, kind and quantity: choose one, or none (see {guide}).",
                       "لم يُقترح على أي سلسلة: لا يقول النص {missing}. لا يوضع رقم إلا على سلسلة للجهة نفسها "
                       "والنوع نفسه والكمية نفسها: اختر واحدة أو لا شيء (انظر {guide})."),
    "missing_party": ("who counts it", "من يحصيه"),
    "missing_kind": ("whether it is a running total or a flow", "أهو حصيلة تراكمية أم عدد لفترة"),
    "missing_quantity": ("what it counts", "ماذا يحصي"),
    "missing_and": (" nor ", " ولا "),
    "kind_total": ("a running total", "حصيلة تراكمية"),
    "kind_level": ("a count on a date", "عدد في تاريخ معين"),
    "kind_flow_day": ("a day's flow", "عدد يوم واحد"),
    "kind_flow_weekend": ("a weekend's flow", "عدد عطلة نهاية أسبوع"),
    "kind_flow_week": ("a week's flow", "عدد أسبوع واحد"),
    "kind_flow_month": ("a month's flow", "عدد شهر واحد"),
    "kind_total_label": ("running total", "حصيلة تراكمية"),
    "kind_level_label": ("on a date", "في تاريخ"),
    "kind_flow_day_label": ("per day", "يوميا"),
    "kind_flow_weekend_label": ("per weekend", "في عطلة نهاية الأسبوع"),
    "kind_flow_week_label": ("per week", "أسبوعيا"),
    "kind_flow_month_label": ("per month", "شهريا"),
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
    "confirm_refused": ("Not saved, nothing was written{where}: {reason}",
                        "لم يُحفظ ولم يُكتب شيء{where}: {reason}"),
    "confirm_refused_beside": ("Not saved, nothing was written: {count} field(s) need an answer or a correction; each "
                               "says why just below it.",
                               "لم يُحفظ ولم يُكتب شيء: {count} من الحقول تحتاج إلى إجابة أو تصحيح؛ تحت كل منها "
                               "السبب."),
    "confirm_gap": ("Still empty: only an editor can fill this in.", "ما زال فارغا: لا يملؤه إلا محرر."),
    "confirm_unit_help": ("What the figure counts, in lower case and plural (e.g. teams, hectares). The word "
                          "beside the number in the text: {guess}.",
                          "ما يعدّه الرقم، بالإنجليزية وبأحرف صغيرة وبصيغة الجمع (مثل teams أو hectares). الكلمة "
                          "المجاورة للرقم في النص: {guess}."),
    "confirm_f_unit": ("Unit", "الوحدة"),
    "confirm_saved": ("Saved as {name}: choose it on the Overview.", "حُفظ باسم {name}: اختره في صفحة النظرة العامة."),
    "confirm_refused_field": (" (field «{field}»)", " (الحقل «{field}»)"),
    # charts (newsdash.views.charts): legends, hovers, alt text
}
