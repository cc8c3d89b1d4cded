"""The review's words, in English and Arabic: editors signing in, what Save does, what
awaits review, approvals, refusals, corrections and the review log. Part of
newsdash.reading.i18n.TEXT (kept apart only to keep each module short)."""

from __future__ import annotations

REVIEW_TEXT: dict[str, tuple[str, str]] = {
    "editor_heading": ("Editors", "المحررون"),
    "editor_name": ("Editor's name", "اسم المحرر"),
    "editor_password": ("Editor's password", "كلمة مرور المحرر"),
    "editor_sign_in": ("Sign in as an editor", "ادخل بصفتك محررا"),
    "editor_sign_out": ("Sign out as editor", "اخرج من حساب المحرر"),
    "editor_signed_in": ("Signed in as editor: {name}.", "أنت داخل بصفتك المحرر: {name}."),
    "editor_signed_in_provider": ("Signed in with your newsroom account as editor: {name}. Your saves and reviews "
                                  "carry this name.",
                                  "أنت داخل بحساب غرفة الأخبار بصفتك المحرر: {name}. تحمل عمليات الحفظ والمراجعة "
                                  "هذا الاسم."),
    "editor_local": ("Editing is on for this machine, as {name} (local_editor).",
                     "التحرير مفعّل على هذا الجهاز باسم {name} (local_editor)."),
    "editor_wrong": ("That name and password do not match an editor account.",
                     "لا يطابق هذا الاسم وكلمة المرور أي حساب محرر."),
    "editor_off": (
        "Saving is off: no editor sign-in is set up on this dashboard. Readers can still read a text and "
        "download a draft. To save, an editor turns editing on for their own machine: add "
        "`local_editor = \"Your Name\"` under `[dashboard]` in `.streamlit/secrets.toml` (or set "
        "DASHBOARD_LOCAL_EDITOR) and open the dashboard on that machine. A shared dashboard gives each "
        "editor an account instead (docs/sharing.md).",
        "الحفظ متوقف: لم يُعدّ دخول المحررين في هذه اللوحة. يمكن للقراء قراءة نص وتنزيل مسودة. للحفظ يفعّل "
        "المحرر التحرير على جهازه: أضف `local_editor = \"اسمك\"` تحت `[dashboard]` في `.streamlit/secrets.toml` "
        "(أو اضبط DASHBOARD_LOCAL_EDITOR) وافتح اللوحة على ذلك الجهاز. أما اللوحة المشتركة فتعطي كل محرر "
        "حسابا (docs/sharing.md)."),
    "editor_local_elsewhere": ("Editing is on only for a browser on the machine that runs the dashboard "
                               "(local_editor); this browser is elsewhere, so saving is off.",
                               "التحرير مفعّل فقط لمتصفح على الجهاز الذي يشغّل اللوحة (local_editor)؛ وهذا "
                               "المتصفح في مكان آخر، فالحفظ متوقف."),
    "editor_needed": ("Sign in as an editor (above) to save.", "ادخل بصفتك محررا (أعلاه) للحفظ."),
    "save_explained": (
        "Save checks the article like `newsdash validate` and, signed in as an editor, puts it up for review: "
        "readers do not see it until a second editor approves it. A change to an article already on the "
        "record is reviewed the same way, and readers then see it as a dated correction.",
        "يتحقق زر الحفظ من المقال كما يفعل `newsdash validate`، ثم يعرضه للمراجعة إن كنت داخلا بصفتك محررا: "
        "لا يراه القراء حتى يوافق عليه محرر ثان. ويُراجع التعديل على مقال منشور بالطريقة نفسها، ثم يراه القراء "
        "تصحيحا مؤرخا."),
    "saved_for_review": ("Saved for review as {name}, by {editor}. Readers do not see it until a second editor "
                         "approves it.",
                         "حُفظ للمراجعة باسم {name} بواسطة {editor}. لا يراه القراء حتى يوافق عليه محرر ثان."),
    "review_heading": ("Awaiting review", "بانتظار المراجعة"),
    "review_none": ("Nothing awaits review.", "لا شيء بانتظار المراجعة."),
    "review_item": ("{article}: {kind}, saved by {editor} on {date}.", "{article}: {kind}، حفظه {editor} في {date}."),
    "review_item_unlogged": ("{article}: {kind}, not saved through the review (no entry in the log).",
                             "{article}: {kind}، لم يُحفظ عبر المراجعة (لا قيد في السجل)."),
    "review_new": ("a new article", "مقال جديد"),
    "review_correction": ("a change to an article on the record", "تعديل على مقال منشور"),
    "review_approve": ("Approve and publish", "وافق وانشر"),
    "review_refuse": ("Refuse", "ارفض"),
    "review_reason": ("Reason for a refusal (optional)", "سبب الرفض (اختياري)"),
    "review_own": ("You saved this version: a second editor approves it.",
                   "أنت من حفظ هذه النسخة: يوافق عليها محرر ثان."),
    "review_approved": ("Approved: {article} is on the record.", "تمت الموافقة: {article} منشور في السجل."),
    "review_refused": ("Refused: {article} is not published.", "رُفض: {article} لم يُنشر."),
    "review_not_done": ("Not done: {reason}", "لم يتم: {reason}"),
    "review_figure": ("{label}: {value} «{quote}»", "{label}: {value} «{quote}»"),
    "correction_on": ("Corrected on {date}: {what}.", "صُحّح في {date}: {what}."),
    "correction_was": ("{label} was {was}", "{label} كان {was}"),
    "in_language_en": (" in English", " بالإنجليزية"),
    "in_language_ar": (" in Arabic", " بالعربية"),
    "correction_removed": ("{label} removed (was {was})", "حُذف {label} (كان {was})"),
    "correction_added": ("{label} added", "أُضيف {label}"),
    "log_heading": ("Review log", "سجل المراجعة"),
    "log_intro": ("Every save, approval and refusal of an article, from data/review/log.jsonl: who, when, which "
                  "article and what changed.",
                  "كل حفظ وموافقة ورفض لمقال، من data/review/log.jsonl: من ومتى وأي مقال وما الذي تغير."),
    "log_more": ("The latest {shown} of {total} entries; every one is in data/review/log.jsonl.",
                 "آخر {shown} من {total} قيدا؛ وكلها في data/review/log.jsonl."),
    "log_reason": ("reason: {note}", "السبب: {note}"),
    "log_empty": ("No article has gone through review yet.", "لم يمر أي مقال بالمراجعة بعد."),
    "log_saved": ("saved for review", "حُفظ للمراجعة"),
    "log_approved": ("approved", "وافق"),
    "log_refused": ("refused", "رفض"),
    "log_col_at": ("When (UTC)", "متى (UTC)"),
    "log_col_editor": ("Editor", "المحرر"),
    "log_col_action": ("Action", "الإجراء"),
    "log_col_article": ("Article", "المقال"),
    "log_col_changes": ("What changed", "ما الذي تغير"),
}
