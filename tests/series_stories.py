"""Short wire stories written for the tests in our own words, in Arabic and English, to
put each figure on the series it belongs to: who counts it, running total or flow.

Values from the record's sourced context (data/context/returns_series.csv): the Russian
defence ministry's running total of returns, more than 34,000 on 6 December 2020 and
36,000 on 8 December 2020 (Webdunia and Just Earth News, citing Sputnik, whose headlines
give the day's flows: "over 850 ... in past 24 hours", "over 1,100 ... in past 24 hours"),
and more than 2,000 (an early count, 1 December 2020, here to be said twice). INVENTED for
the tests, not sourced: ANAMA's 1,250 hectares (an agency report the record does not
hold) and the ministry's 300 hectares cleared in one month. The ministry's demining totals of
20 August 2021 (2,257 ha; with the roads, buildings and objects of the record's latest
report) and UNHCR's 34,564 departures of 15 June 2021 are in the context tables.
"""

from __future__ import annotations

STORIES: dict[str, tuple[str, str]] = {
    # a day's flow beside the running total; the total's quote has no noun ("36,000")
    "en_day": ("""Over 1,100 refugees return to Karabakh in a day, Russian military says

MOSCOW, Dec 8 (Test Wire) - More than 1,100 refugees returned to Nagorno-Karabakh over the past 24 hours, \
Russia's defence ministry said on Tuesday, bringing the total since Nov. 14 to 36,000.
""", "2020-12-08"),
    "ar_day": ("""الدفاع الروسية: عودة أكثر من 1100 لاجئ إلى قره باغ خلال يوم

موسكو، 8 كانون الأول/ديسمبر (وكالة الاختبار) - قالت وزارة الدفاع الروسية اليوم الثلاثاء إن أكثر من 1100 \
لاجئ عادوا إلى إقليم قره باغ خلال اليوم الماضي، ليرتفع إجمالي عدد اللاجئين العائدين منذ 14 تشرين الثاني/نوفمبر \
إلى أكثر من 36 ألفا.
""", "2020-12-08"),
    # a flow named by its weekday, then the running total with its noun
    "en_weekday": ("""MOSCOW, Dec 7 (Test Wire) - Some 850 refugees went back to Nagorno-Karabakh on Sunday under \
the escort of Russian peacekeepers, the Russian Defence Ministry said. In total more than 34,000 refugees have \
returned, it added.
""", "2020-12-07"),
    "ar_weekday": ("""موسكو، 7 كانون الأول/ديسمبر (وكالة الاختبار) - أعلنت وزارة الدفاع الروسية أن نحو 850 لاجئا \
عادوا إلى قره باغ يوم الأحد بمرافقة قوات حفظ السلام. وأضافت الوزارة أن أكثر من 34 ألف لاجئ عادوا حتى الآن.
""", "2020-12-07"),
    # a month's flow of the ministry's demining (invented value)
    "en_month": ("""MOSCOW, Feb 3 (Test Wire) - Russian military engineers cleared 300 hectares of land in \
Nagorno-Karabakh last month, the Russian Defence Ministry said.
""", "2021-02-03"),
    "ar_month": ("""موسكو، 3 شباط/فبراير (وكالة الاختبار) - قالت وزارة الدفاع الروسية إن خبراء المتفجرات الروس \
طهروا 300 هكتار من الأراضي في قره باغ خلال الشهر الماضي.
""", "2021-02-03"),
    # another party's running total of the same quantity (invented value)
    "en_anama": ("""Azerbaijan's mine agency reports land cleared since ceasefire

BAKU, Jan 20 (Test Wire) - Azerbaijan's mine action agency ANAMA said on Wednesday its teams had cleared \
1,250 hectares of land since the ceasefire of Nov. 10.
""", "2021-01-20"),
    "ar_anama": ("""باكو، 20 كانون الثاني/يناير (وكالة الاختبار) - قالت الوكالة الوطنية الأذربيجانية لمكافحة الألغام \
(أناما) يوم الأربعاء إن فرقها طهرت 1250 هكتارا من الأراضي منذ وقف إطلاق النار في 10 تشرين الثاني/نوفمبر.
""", "2021-01-20"),
    # one claim said twice: in the lede and in the spokesman's words
    "en_twice": ("""MOSCOW, Dec 1 (Test Wire) - More than 2,000 refugees have returned to Nagorno-Karabakh so far, \
the Russian Defence Ministry said on Tuesday. "More than 2,000 refugees have already come home," a ministry \
spokesman told reporters.
""", "2020-12-01"),
    "ar_twice": ("""موسكو، 1 كانون الأول/ديسمبر (وكالة الاختبار) - قالت وزارة الدفاع الروسية إن أكثر من ألفي لاجئ \
عادوا إلى قره باغ حتى الآن. وقال المتحدث باسم الوزارة: "عاد أكثر من ألفي لاجئ إلى ديارهم حتى الآن".
""", "2020-12-01"),
    # the same number said by two parties: two claims
    "en_two_parties": ("""BAKU, Jan 20 (Test Wire) - ANAMA said on Wednesday it had cleared 1,250 hectares so far. \
Russian military engineers have also cleared 1,250 hectares so far, the Russian Defence Ministry said.
""", "2021-01-20"),
    # the Russian side's four running totals in one sentence, "since the beginning"
    "en_mod": ("""MOSCOW, Aug 20 (Test Wire) - Since the beginning of the peacekeeping mission, Russian sappers \
have cleared 2,257 hectares of land and 683 km of roads, inspected 1,937 buildings and neutralised more than \
26,000 explosive objects, the Russian Defence Ministry said on Friday.
""", "2021-08-20"),
    "ar_mod": ("""موسكو، 20 آب/أغسطس (وكالة الاختبار) - أفادت وزارة الدفاع الروسية بأن خبراء المتفجرات الروس قاموا منذ \
بداية مهمة حفظ السلام بتطهير 2257 هكتارا من الأراضي و683 كيلومترا من الطرق، وفحص 1937 مبنى، وإبطال مفعول أكثر \
من 26 ألف مادة متفجرة.
""", "2021-08-20"),
    # UNHCR's running total of departures and a count on a date, by another party
    "en_unhcr": ("""YEREVAN, June 15 (Test Wire) - UNHCR has recorded 34,564 departures on the return buses from \
Yerevan since mid-November, the agency said. About 37,000 people remain displaced in Armenia, according to the \
State Migration Service.
""", "2021-06-15"),
}
