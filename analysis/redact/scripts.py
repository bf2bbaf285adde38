"""Names in non-Latin scripts (Arabic, Urdu, Devanagari, Gurmukhi, Bengali, Chinese)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

import stopwordsiso

from analysis.redact.lexicon import _wordset

#: Names in other scripts come from cues alone (no lists): "my friend X", "my brother X", "my name is X" in
#: Urdu, Arabic, Persian, Bengali, Gurmukhi, Devanagari and Chinese. The word after the cue is the name
#: unless it is one of the everyday words that also follow these cues ("my brother at school", "my friend
#: also"). Cues are NFC-normalised like the answers (clean() applies NFC), so Bengali "য়" matches.
_SCRIPT_CUES = {
    # Arabic script: Urdu, Arabic, Persian (and Shahmukhi Punjabi)
    "arabic": """
        اسمي إسمي اسمه اسمها إسمه إسمها يدعى تدعى يسمى تسمى اسم_من نام_من نامم میرا_نام مرا_نام اس_کا_نام اسکا_نام
        ان_کا_نام جس_کا_نام میرا_ناں به_اسم به_نام
        میرا_دوست میری_دوست میرے_دوست میرا_بھائی میرے_بھائی میری_بہن میرا_بیٹا میرے_بیٹے میری_بیٹی میرا_کزن
        میری_کزن میرے_کزن میرا_شوہر میرے_شوہر میری_بیوی میری_سہیلی میرا_یار میرے_یار میرا_ہمسایہ میرے_ابو
        میرا_پتر میرا_ویر میری_بھین ساڈا_دوست
        صديقي صديقتي صاحبي أخي اخي أختي اختي ابني إبني ابنتي بنتي زوجي زوجتي ابن_عمي ابنة_عمي بنت_عمي ابن_خالي
        بنت_خالي معلمي معلمتي الأستاذ الاستاذ الأستاذة الاستاذة السيد السيدة
        دوستم دوست_من برادرم برادر_من خواهرم خواهر_من پسرم پسر_من دخترم دختر_من همسایه‌ام معلمم آقای
        باجی آپی آپا انکل آنٹی مس مسز میڈم سر استاد استانی ٹیچر خانم خانوم
    """,
    "bengali": """
        আমার_বন্ধু আমার_বান্ধবী আমার_ভাই আমার_বোন আমার_ছেলে আমার_মেয়ে আমার_কাজিন আমার_নাম ওর_নাম তার_নাম
        ওনার_নাম তাঁর_নাম আমার_স্বামী আমার_স্ত্রী আমার_দোস্ত আমার_চাচাতো_ভাই আমার_মামাতো_ভাই আমার_খালাতো_ভাই
        মিস মিসেস স্যার ম্যাডাম আন্টি আংকেল
    """,
    "gurmukhi": """
        ਮੇਰਾ_ਦੋਸਤ ਮੇਰੀ_ਦੋਸਤ ਮੇਰੇ_ਦੋਸਤ ਮੇਰਾ_ਭਰਾ ਮੇਰੇ_ਭਰਾ ਮੇਰੀ_ਭੈਣ ਮੇਰਾ_ਪੁੱਤਰ ਮੇਰਾ_ਪੁੱਤ ਮੇਰਾ_ਮੁੰਡਾ ਮੇਰੀ_ਧੀ ਮੇਰੀ_ਕੁੜੀ
        ਮੇਰਾ_ਨਾਮ ਮੇਰਾ_ਨਾਂ ਉਸਦਾ_ਨਾਮ ਉਸ_ਦਾ_ਨਾਮ ਉਸਦਾ_ਨਾਂ ਮੇਰਾ_ਯਾਰ ਮੇਰਾ_ਕਜ਼ਨ ਮੇਰੀ_ਸਹੇਲੀ ਮੇਰੇ_ਪਤੀ ਮੇਰੀ_ਪਤਨੀ ਮੇਰਾ_ਵੀਰ
        ਮਿਸ ਮਿਸਿਜ਼ ਮਿਸਿਜ ਸਰ ਮੈਡਮ ਆਂਟੀ ਅੰਕਲ
    """,
    "devanagari": """
        मेरा_दोस्त मेरी_दोस्त मेरे_दोस्त मेरा_भाई मेरे_भाई मेरी_बहन मेरा_बेटा मेरी_बेटी मेरा_नाम उसका_नाम मेरी_सहेली
        मिस मिसेज़ सर मैडम आंटी अंकल
    """,
}


#: Everyday words that follow those cues and are no name (postpositions, verbs, adverbs, places, kin), and the
#: stop words of the survey languages written in these scripts ("کچھ", "کوئی", "কিন্তু").
_SCRIPT_STOP = _wordset(
    """
    کچھ ہم ہمیں انہوں دارن زیاده
    کو نے کا کی کے بھی اور سکول اسکول میں ہے ہیں ہوں تھا تھی تھے بہت کبھی ہمیشہ گھر باہر ابھی نہیں روز ہر سے پر جب
    تو جو یہ وہ کہتا کہتی کہتے کل آج ایک اب صرف لوگ سب کہ بھائی بہن دوست اکیلا اکیلی مسجد پارک ہمارے ہماری ہمارا
    بالکل کافی زیادہ کم ڈرتا ڈرتی ڈر
    في من لا لم لن هو هي كان كانت قد ما الذي التي وهو وهي أيضا ايضا عمره عمرها على الى إلى مع عن أن ان هذا هذه
    يخاف تخاف يذهب تذهب يشعر تشعر تعرض تعرضت لديه لديها يقول تقول قال قالت دائما أبدا كثيرا وحده وحدها الصغير
    الكبير الأكبر الأصغر يحب تحب ليس ليست و
    در از به با هم که را است بود هست نیست خیلی همیشه هیچ وقت کوچکم بزرگم تنها
    স্কুলে স্কুল খুব কে কি এবং ও আর সবসময় আমাকে পার্কে বাড়িতে বাইরে এখন কখনো না নেই ভয় একা রাতে প্রতিদিন তো
    যে সে এই কিন্তু আছে হয় হল বলে বলেছে বলল যায় যেতে থাকে কেউ সাথে পুলিশ মা বাবা আমার আমি আমরা
    ਨੂੰ ਨੇ ਦਾ ਦੀ ਦੇ ਵੀ ਅਤੇ ਤੇ ਸਕੂਲ ਵਿੱਚ ਵਿਚ ਹੈ ਹਨ ਸੀ ਬਹੁਤ ਕਦੇ ਹਮੇਸ਼ਾ ਘਰ ਬਾਹਰ ਹੁਣ ਨਹੀਂ ਰੋਜ਼ ਹਰ ਤੋਂ ਜਦੋਂ ਤਾਂ ਜੋ
    ਇਹ ਉਹ ਕਹਿੰਦਾ ਕਹਿੰਦੀ ਡਰਦਾ ਡਰਦੀ ਇਕੱਲਾ ਇਕੱਲੀ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ
    को ने का की के भी और स्कूल में है हैं था थी बहुत कभी हमेशा घर बाहर अब नहीं रोज़ हर से पर जब तो जो यह वह
    """
) | frozenset(
    unicodedata.normalize("NFC", word)
    for lang in ("ur", "ar", "fa", "bn", "pa")
    if stopwordsiso.has_lang(lang)
    for word in stopwordsiso.stopwords(lang)
)


#: Arabic verbs with an object pronoun ("يضربني" hits me, "وقفوه" they stopped him) and Bengali words in the
#: locative ("অনলাইনে" online; not "-কে", which marks a person: "সুমাইয়াকে"): an action or a place, no name.
_NOT_NAME_SHAPE = re.compile(
    r"^(?:[يتن][\u0621-\u064a]{2,}ني|[\u0621-\u064a]{2,}(?:وه|وها|وهم|وني))$|^[\u0980-\u09ff]{2,}(?<!ক)ে$"
)


def _not_a_name(word: str) -> bool:
    """Say whether a word found where a name could stand is an everyday word, an action or a place."""
    return word in _SCRIPT_STOP or word.startswith(("می\u200c", "نمی")) or _NOT_NAME_SHAPE.match(word) is not None


_SCRIPT_WORD = {
    "arabic": "[\u0621-\u064a\u064b-\u065f\u0670\u0671-\u06d3]",
    "bengali": "[\u0980-\u09ff]",
    "gurmukhi": "[\u0a00-\u0a7f]",
    "devanagari": "[\u0900-\u097f]",
}


_COPULA = "(?:ہے|ہوں|ਹੈ|ਹਾਂ|है|हूँ|هو|است)"


#: A Persian role before "Mr" and a first name ("مربی‌مون آقا رضا": our coach Mr Reza). "آقا" alone is no cue:
#: "یه آقا اومد" is "a man came".
_ROLE_TITLE_CUES = {
    "arabic": [
        f"{role}{suffix}_آقا"
        for role in ("مربی", "معلم", "استاد", "مدیر", "مشاور")
        for suffix in ("", "م", "مون", "مان", "\u200cمون", "\u200cمان")
    ]
}


def _script_pattern(script: str) -> re.Pattern[str]:
    listed = _SCRIPT_CUES[script].split() + (_kin_cues(script) if script in _KIN_CUES else [])
    listed += _ROLE_TITLE_CUES.get(script, [])
    cues = sorted((unicodedata.normalize("NFC", cue) for cue in listed), key=len, reverse=True)
    word = _SCRIPT_WORD[script]
    alternation = "|".join(re.escape(cue).replace("_", r"\s+") for cue in cues)
    # A second word belongs to the name when a copula closes it ("میرا نام عمران خان ہے"), or when it has the
    # shape of a Persian or Urdu surname ("خانم مریم احمدی", "آقای علی رضایی": ending in Persian ی; Arabic's ي
    # ending is "my": "اسمي يوسف ورقمي", "and my number").
    return re.compile(
        rf"(?<!{word})(?:{alternation})\s+(?:(?:هو|ہے|است|:)\s+)?(?P<n>{word}{{2,}})"
        rf"(?:\s+(?P<s>{word}{{2,}})(?=\s+{_COPULA}(?!{word}))|\s+(?P<s2>(?!و){word}{{2,}}ی)(?!{word}))?(?!{word})"
    )


#: Kinship cues are built from a possessive, an optional "big"/"little" and a kin word, so "میری بڑی بہن X",
#: "আমার বড় আপু X" and "ਆਪਣੀ ਭੈਣ X" are all cues. Aunts and uncles ("خالہ مریم", "خالي أحمد") are cues alone:
#: the word after them is a name far more often than anything else.
_KIN_CUES = {
    "arabic": (
        "میرا میری میرے اپنا اپنی اپنے ہمارا ہماری ہمارے",
        "بڑی بڑے چھوٹی چھوٹے",
        "دوست بھائی بہن بیٹا بیٹے بیٹی کزن خالہ خالو ماموں ممانی چاچا چاچی چچا پھوپھو پھپھو"
        " تایا تائی نانا نانی دادا دادی شوہر بیوی سہیلی یار ہمسایہ استاد ٹیچر",
        "خالہ خالو ماموں ممانی چاچا چاچی چچا پھوپھو پھپھو تایا تائی"
        " خالي عمي خالتي عمتي اخوي أخوي اختي أختي جدي جدتي ستي استاذي أستاذي مدرستي معلمتي",
    ),
    "bengali": (
        "আমার আমাদের নিজের",
        "বড় ছোট মেজো",
        "ভাই বোন আপু আপা দিদি দাদা মামা মামী খালা খালু চাচা চাচী ফুপু নানা নানী দাদু ছেলে মেয়ে বন্ধু বান্ধবী কাজিন",
        "মামা খালা চাচা চাচী ফুপু",
    ),
    "gurmukhi": (
        "ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਆਪਣਾ ਆਪਣੀ ਆਪਣੇ ਸਾਡਾ ਸਾਡੀ ਸਾਡੇ",
        "ਵੱਡੀ ਵੱਡਾ ਵੱਡੇ ਛੋਟੀ ਛੋਟਾ ਛੋਟੇ",
        "ਭੈਣ ਭਰਾ ਵੀਰ ਪੁੱਤਰ ਪੁੱਤ ਧੀ ਕੁੜੀ ਮੁੰਡਾ ਦੋਸਤ ਸਹੇਲੀ ਯਾਰ ਕਜ਼ਨ ਚਾਚਾ ਚਾਚੀ ਮਾਮਾ ਮਾਮੀ ਮਾਸੀ ਭੂਆ ਤਾਇਆ ਦਾਦਾ ਦਾਦੀ ਨਾਨਾ ਨਾਨੀ ਪਤੀ ਪਤਨੀ",
        "ਚਾਚਾ ਚਾਚੀ ਮਾਮਾ ਮਾਮੀ ਮਾਸੀ ਭੂਆ",
    ),
}


def _kin_cues(script: str) -> list[str]:
    """Return the generated kinship cues of a script, in the ``word_word`` form of _SCRIPT_CUES."""
    owners, sizes, kin, alone = (part.split() for part in _KIN_CUES[script])
    cues = {f"{owner}_{word}" for owner in owners for word in kin}
    cues |= {f"{owner}_{size}_{word}" for owner in owners for size in sizes for word in kin}
    return sorted(cues | set(alone))


#: Every kin word of the cue lists: "ਮਾਂ ਤੇ ਮੈਂ" (mum and I) names nobody.
_KIN_WORDS = frozenset(
    word for owners_sizes_kin in _KIN_CUES.values() for part in owners_sizes_kin[2:] for word in part.split()
) | _wordset("ਮਾਂ ਮੰਮੀ ਪਾਪਾ ਡੈਡੀ امی ابو ماں باپ أمي ابي مامان بابا মা বাবা আম্মু আব্বু")


_SCRIPT_PATTERNS = {script: _script_pattern(script) for script in _SCRIPT_CUES}


#: Honorifics that follow a name ("نسرین باجی", "রুমানা আপা"): the word before them is the name.
_POST_HONORIFICS = {"arabic": "باجی آپی صاحب صاحبہ خانم خانوم بھائی", "bengali": "আপা আপু দিদি দাদা ভাইয়া"}


#: Words that come before those honorifics and are no name (kin, age, "my", "imam").
_NOT_BEFORE_HONORIFIC = _wordset(
    """
    میرا میری میرے ہمارے ہماری ہمارا آپ بڑی بڑے چھوٹی چھوٹے امام مولوی ڈاکٹر استاد ٹیچر مسجد والی والے
    اپنا اپنے اپنی کا کے کی اس ان دو تین سگے سگا کزن دوست
    বড় ছোট আমার আমাদের তোমার ওর তার মসজিদের ইমাম ডাক্তার মেজো সেজো
    """
)


#: A name signing the answer off after a dash ("... تماس بگیرید: 0770... - مریم"): one or two words, then the end.
_SIGN_OFF_PATTERNS = {
    script: re.compile(rf"[-–—]\s*(?P<n>{word}{{2,}})(?:\s+(?P<s>{word}{{2,}}))?\s*[.!؟।]*\s*$")
    for script, word in _SCRIPT_WORD.items()
}


#: Words that end an answer after a dash and are no name ("- شکریہ", "- ধন্যবাদ").
_THANKS = _wordset("شکریہ شكرا شكراً ممنون مرسی سپاس متشکرم والسلام خداحافظ ধন্যবাদ ਧੰਨਵਾਦ ਸ਼ੁਕਰੀਆ धन्यवाद शुक्रिया")


#: "X and I" ("ਹਰਪ੍ਰੀਤ ਤੇ ਮੈਂ", "علی اور میں", "রিয়া আর আমি"): a companion named before the writer.
_AND_I = {
    "arabic": "(?:اور|و|وأنا|وانا)\\s+(?:میں|من)|وأنا|وانا",
    "bengali": "(?:আর|এবং|ও)\\s+আমি",
    "gurmukhi": "(?:ਤੇ|ਅਤੇ)\\s+ਮੈਂ",
    "devanagari": "(?:और)\\s+मैं",
}
_AND_I_PATTERNS = {
    script: re.compile(
        # At the start of a clause: mid-sentence, the word before "and I" is a verb ("... می‌فروشن و من می‌ترسم").
        rf"(?:^|(?<=[.!?؟،,;:\n।]))\s*(?P<n>{_SCRIPT_WORD[script]}{{2,}})\s+(?:{joint})(?!{_SCRIPT_WORD[script]})"
    )
    for script, joint in _AND_I.items()
}


#: A writer introducing themselves at the start ("আমি ফারহানা, আমার নম্বর ...", "أنا يوسف، عمري ١٦"): "I", one
#: word, a comma, then more about the writer (my, my age, I). A feeling ("أنا خايفة، ...") is rarely followed so.
_SELF_INTRO: dict[str, re.Pattern[str] | tuple[re.Pattern[str], ...]] = {
    "arabic": (
        re.compile(
            r"^\s*(?:أنا|انا)\s+(?P<n>[\u0621-\u064a]{2,})\s*[,،]\s*(?:عمري|اسمي|إسمي|من\s|أنا|انا|وعمري|ساكن|ساكنة|أسكن|اسكن)"
        ),
        # Persian: "من مریم هستم." (I am Maryam), the answer's first words, the sentence closed after it.
        re.compile(r"^\s*(?:سلام\s*[,،.!]?\s*)?من\s+(?P<n>[\u0621-\u06d3]{2,})\s+هستم(?:\s*[.,،!]|\s+و\s)"),
    ),
    "bengali": re.compile(r"^\s*আমি\s+(?P<n>[\u0980-\u09ff]{2,})\s*[,،]\s*(?:আমার|আমি|বয়স)"),
}


#: Feelings and states that can stand in that place and are no name.
_NOT_SELF = _wordset(
    "خايف خايفة خائف خائفة مبسوط مبسوطة تعبان تعبانة زعلان زعلانة حزين حزينة بخير ভালো খুশি একা ক্লান্ত দুঃখিত ঠিক"
    " خوب خسته ناراحت تنها خوشحال نگران عصبانی مریض بیمار پناهنده مهاجر دانشجو معلم مادر پدر افغان افغانی ایرانی"
    " مسلمان اینجا"
)


_POST_PATTERNS = {
    script: re.compile(
        rf"(?<!{_SCRIPT_WORD[script]})(?P<n>{_SCRIPT_WORD[script]}{{2,}})\s+(?:{'|'.join(words.split())})(?!{_SCRIPT_WORD[script]})"
    )
    for script, words in _POST_HONORIFICS.items()
}


_SCRIPT_DETECT = {
    "arabic": re.compile("[\u0621-\u06d3]"),
    "bengali": re.compile("[\u0980-\u09ff]"),
    "gurmukhi": re.compile("[\u0a00-\u0a7f]"),
    "devanagari": re.compile("[\u0900-\u097f]"),
}


#: Chinese: "my friend/brother/son ...", "is called": a name is two or three characters, ended by a function
#: character ("我的朋友小明在学校" -> 小明; "我的朋友在学校" has none).
_CHINESE_NAMING = re.compile(
    r"(?:我的|我)(?:好朋友|朋友|同学|哥哥|弟弟|姐姐|妹妹|儿子|女儿|孩子|邻居|表哥|表弟|表姐|表妹|老公|老婆)"
    r"|(?:我|他|她)叫|名叫|叫做|我的名字(?:是|叫)"
)


_CHINESE_FUNCTION = frozenset("在是被和跟也都很不说去的了给把让从就还又要会能对有没叫今昨每一这那我你他她们个")


_NON_LATIN = re.compile("[\u0621-\u06d3\u0900-\u097f\u0980-\u09ff\u0a00-\u0a7f\u4e00-\u9fff]")


def _matches(
    patterns: Mapping[str, re.Pattern[str] | tuple[re.Pattern[str], ...]], text: str
) -> Iterator[re.Match[str]]:
    """Yield the matches of the per-script ``patterns`` (one or several a script) whose script ``text`` uses."""
    for script, pattern in patterns.items():
        if _SCRIPT_DETECT[script].search(text):
            for one in pattern if isinstance(pattern, tuple) else (pattern,):
                yield from one.finditer(text)


def _script_names(text: str) -> list[tuple[int, int]]:
    """Find names after cue phrases in Arabic script, Bengali, Gurmukhi, Devanagari and Chinese."""
    spans = []
    for match in _matches(_SCRIPT_PATTERNS, text):
        if not _not_a_name(match.group("n")):
            seconds = [s for s in ("s", "s2") if match.group(s) and not _not_a_name(match.group(s))]
            spans.append((match.start("n"), match.end(seconds[0]) if seconds else match.end("n")))
    for match in _matches(_SIGN_OFF_PATTERNS, text):
        if not _not_a_name(match.group("n")) and match.group("n") not in _THANKS:
            spans.append((match.start("n"), match.end("s") if match.group("s") else match.end("n")))
    for match in _matches(_AND_I_PATTERNS, text):
        name = match.group("n")
        if not _not_a_name(name) and name not in _NOT_BEFORE_HONORIFIC and name not in _KIN_WORDS:
            spans.append(match.span("n"))
    for match in _matches(_POST_PATTERNS, text):
        if not _not_a_name(match.group("n")) and match.group("n") not in _NOT_BEFORE_HONORIFIC:
            spans.append(match.span("n"))
    for match in _matches(_SELF_INTRO, text):
        if not _not_a_name(match.group("n")) and match.group("n") not in _NOT_SELF:
            spans.append(match.span("n"))
    for match in _CHINESE_NAMING.finditer(text):
        end = match.end()
        while end < len(text) and end - match.end() < 3 and "\u4e00" <= text[end] <= "\u9fff":
            if text[end] in _CHINESE_FUNCTION:
                break
            end += 1
        if end - match.end() >= 2:
            spans.append((match.end(), end))
    return spans
