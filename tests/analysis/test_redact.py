"""Personal-detail redaction: what an analyst would (and must never) see after redact()."""

from __future__ import annotations

import pytest

from analysis.pipeline import Analyser
from analysis.redact import Found, Redaction, blanked, redact


def kinds(text: str) -> list[tuple[str, str]]:
    return [(found.kind, found.text) for found in redact(text).found]


# Each case: an answer, the personal details that must disappear (kind, exact text) and the redacted text.
REDACTED = [
    # Names after cue phrases, in any case
    ("my mate kyle got stabbed last week", [("NAME", "kyle")], "my mate [NAME] got stabbed last week"),
    (
        "a lad called Tyrese sells weed by the shops",
        [("NAME", "Tyrese")],
        "a lad called [NAME] sells weed by the shops",
    ),
    ("her boyfriend Jermaine hits her", [("NAME", "Jermaine")], "her boyfriend [NAME] hits her"),
    ("my friend zakariyya got followed home", [("NAME", "zakariyya")], "my friend [NAME] got followed home"),
    ("there's a boy named Kai Robinson who follows me", [("NAME", "Kai Robinson")], None),
    ("ask for Bilal at the youth centre", [("NAME", "Bilal")], "ask for [NAME] at the youth centre"),
    ("his name is Deshawn and everyone is scared of him", [("NAME", "Deshawn")], None),
    # Titles go with the name: "Mrs" alone would still point at one teacher
    ("Mrs O'Connor is the only one who helps", [("NAME", "Mrs O'Connor")], "[NAME] is the only one who helps"),
    ("i told mr patel and he did nothing", [("NAME", "mr patel")], "i told [NAME] and he did nothing"),
    ("PC Walsh was really nice to us", [("NAME", "PC Walsh")], "[NAME] was really nice to us"),
    # School context, lists, surnames, possessives
    ("Kyle and Jordan from year 9 keep jumping people", [("NAME", "Kyle"), ("NAME", "Jordan")], None),
    ("Ryan, Kieran and Connor got arrested", [("NAME", "Ryan"), ("NAME", "Kieran"), ("NAME", "Connor")], None),
    ("Lewis Brown in 9C has a knife", [("NAME", "Lewis Brown")], "[NAME] in 9C has a knife"),
    ("Fatuma's brother got stabbed", [("NAME", "Fatuma")], "[NAME]'s brother got stabbed"),
    ("i got bullied by demi and shannon all year", [("NAME", "demi"), ("NAME", "shannon")], None),
    ("someone shared a video of emily getting beaten up", [("NAME", "emily")], None),
    ("Will Smith was there", [("NAME", "Will Smith")], "[NAME] was there"),
    ("my mate Will is always there for me", [("NAME", "Will")], "my mate [NAME] is always there for me"),
    ("MY MATE KYLE GOT STABBED AND TYLER RAN", [("NAME", "KYLE"), ("NAME", "TYLER")], None),
    ("My teacher Mrs. Williams is the best", [("NAME", "Mrs. Williams")], "My teacher [NAME] is the best"),
    ("I told J. Smith about it", [("NAME", "J. Smith")], "I told [NAME] about it"),
    ("Tyreke punched me in the face", [("NAME", "Tyreke")], "[NAME] punched me in the face"),
    ("kyle n tyler got jumped outside tesco", [("NAME", "kyle"), ("NAME", "tyler")], None),
    ("my bro dean got arrested for nothing", [("NAME", "dean")], "my bro [NAME] got arrested for nothing"),
    ("Bobby from the youth club got me a job", [("NAME", "Bobby")], "[NAME] from the youth club got me a job"),
    ("Grace told me everything", [("NAME", "Grace")], "[NAME] told me everything"),
    # A name that is also a word, mid-sentence, with "she"/"he" straight after it.
    ("more youth workers like Jade she actually listens", [("NAME", "Jade")], None),
    ("ring Coach Mo about the football", [("NAME", "Coach Mo")], "ring [NAME] about the football"),
    ("give me a mo to think", [], "give me a mo to think"),
    # Names in other languages, written in Latin script
    ("Nazywam się Łukasz Kowalski i boję się wychodzić", [("NAME", "Łukasz Kowalski")], None),
    ("moja córka Zuzanna boi się wracać ze szkoły", [("NAME", "Zuzanna")], None),
    ("Mera bhai Hamza school jata hai, dar lagta hai", [("NAME", "Hamza")], None),
    ("mi hijo Mateo tiene miedo de ir a la escuela", [("NAME", "Mateo")], None),
    ("Numele meu este Andrei și mă simt în siguranță", [("NAME", "Andrei")], None),
    ("Magacaygu waa Hodan, waxaan ku noolahay Moss Side", [("NAME", "Hodan")], None),
    # Arabic script: the name after "my name is" and a phone number in Arabic-Indic digits
    ("اسمي يوسف ورقمي ٠٧٨٤٥٢٢١٩٠٣", [("NAME", "يوسف"), ("PHONE", "٠٧٨٤٥٢٢١٩٠٣")], "اسمي [NAME] ورقمي [PHONE]"),
    ("میرا بیٹا سکول میں محفوظ نہیں ہے میرا نمبر 07845 221 903", [("PHONE", "07845 221 903")], None),
    # Names after cues in other scripts: Urdu, Arabic, Persian, Bengali, Gurmukhi, Chinese
    ("میرا دوست حمزہ پارک میں ڈرتا ہے", [("NAME", "حمزہ")], "میرا دوست [NAME] پارک میں ڈرتا ہے"),
    ("میرا نام عمران خان ہے", [("NAME", "عمران خان")], "میرا نام [NAME] ہے"),
    ("أخي يوسف لا يخرج في الليل", [("NAME", "يوسف")], None),
    ("خواهرم نگار از مدرسه می‌ترسد", [("NAME", "نگار")], None),
    ("আমার বোন সুমাইয়া রাতে বাইরে যায় না", [("NAME", "সুমাইয়া")], None),
    ("ਮੇਰਾ ਦੋਸਤ ਗਗਨਦੀਪ ਪਾਰਕ ਵਿੱਚ ਡਰਦਾ ਹੈ", [("NAME", "ਗਗਨਦੀਪ")], None),
    ("我的同学小红被人欺负了", [("NAME", "小红")], "我的同学[NAME]被人欺负了"),
    # Honorifics around names in other scripts: "Miss Kaur", "Baji Nasreen", "Rumana Apa"
    ("ਸਕੂਲ ਵਿੱਚ ਮਿਸ ਕੌਰ ਨਾਲ ਗੱਲ ਕਰਦੀ ਹਾਂ", [("NAME", "ਕੌਰ")], "ਸਕੂਲ ਵਿੱਚ ਮਿਸ [NAME] ਨਾਲ ਗੱਲ ਕਰਦੀ ਹਾਂ"),
    ("امام صاحب اور باجی نسرین سے بات کرتی ہوں", [("NAME", "نسرین")], "امام صاحب اور باجی [NAME] سے بات کرتی ہوں"),
    ("মসজিদের রুমানা আপা একটা গ্রুপ চালান", [("NAME", "রুমানা")], "মসজিদের [NAME] আপা একটা গ্রুপ চালান"),
    # Kin before a name, with "own", "big" or "little": "my aunt Maryam", "my big sister Sumaiya", "uncle Ahmed"
    ("میں اپنی خالہ مریم سے بات کرتی ہوں", [("NAME", "مریم")], "میں اپنی خالہ [NAME] سے بات کرتی ہوں"),
    ("আমি আমার বড় আপু সুমাইয়াকে বলি", [("NAME", "সুমাইয়াকে")], "আমি আমার বড় আপু [NAME] বলি"),
    ("أكلم خالي أحمد", [("NAME", "أحمد")], "أكلم خالي [NAME]"),
    ("ਮੈਂ ਆਪਣੀ ਭੈਣ ਹਰਪ੍ਰੀਤ ਕੋਲ ਜਾਂਦਾ ਹਾਂ", [("NAME", "ਹਰਪ੍ਰੀਤ")], "ਮੈਂ ਆਪਣੀ ਭੈਣ [NAME] ਕੋਲ ਜਾਂਦਾ ਹਾਂ"),
    ("لطفاً با من تماس بگیرید - مریم", [("NAME", "مریم")], "لطفاً با من تماس بگیرید - [NAME]"),
    ("ਹਰਪ੍ਰੀਤ ਤੇ ਮੈਂ ਹਰ ਰੋਜ਼ ਸਕੂਲ ਜਾਂਦੇ ਹਾਂ", [("NAME", "ਹਰਪ੍ਰੀਤ")], "[NAME] ਤੇ ਮੈਂ ਹਰ ਰੋਜ਼ ਸਕੂਲ ਜਾਂਦੇ ਹਾਂ"),
    ("مریم خانم خیلی کمک کرد", [("NAME", "مریم")], "[NAME] خانم خیلی کمک کرد"),
    (
        "youth club with Liam and Mo is the best",
        [("NAME", "Liam"), ("NAME", "Mo")],
        "youth club with [NAME] and [NAME] is the best",
    ),
    ("یوتھ کلب والے عمران بھائی بہت اچھے ہیں", [("NAME", "عمران")], "یوتھ کلب والے [NAME] بھائی بہت اچھے ہیں"),
    ("با خانم مریم احمدی تماس بگیرید", [("NAME", "مریم احمدی")], "با خانم [NAME] تماس بگیرید"),
    # A role before "Mr" ("our coach Mr Reza"); "Mr" alone is no cue ("a man came and said go").
    ("مربی‌مون آقا رضا مثل برادر بزرگمونه", [("NAME", "رضا")], "مربی‌مون آقا [NAME] مثل برادر بزرگمونه"),
    ("یه آقا اومد و گفت برو", [], "یه آقا اومد و گفت برو"),
    # A writer introducing themselves in Persian; a feeling or a status in that place is no name.
    ("من سارا هستم. کسی با من حرف نمی‌زند", [("NAME", "سارا")], "من [NAME] هستم. کسی با من حرف نمی‌زند"),
    ("من خسته هستم. کار زیاده", [], "من خسته هستم. کار زیاده"),
    # A writer introducing themselves: "I X, my number ...", "I X, my age 16"
    ("আমি ফারহানা, আমার নম্বর নেই", [("NAME", "ফারহানা")], "আমি [NAME], আমার নম্বর নেই"),
    ("أنا يوسف، عمري ١٦ سنة", [("NAME", "يوسف")], "أنا [NAME]، عمري ١٦ سنة"),
    ("help with the litter pick? ring me on 07700 900123, Daz", [("PHONE", "07700 900123"), ("NAME", "Daz")], None),
    # A name that signs the answer off
    ("ring me on 07700 900123. Bernadette", [("PHONE", "07700 900123"), ("NAME", "Bernadette")], None),
    ("more for the kids please. Thanks, Oluwaseun x", [("NAME", "Oluwaseun")], None),
    # Sentence starts, weak cues, nicknames and companions
    ("Sienna won't walk past the flats", [("NAME", "Sienna")], "[NAME] won't walk past the flats"),
    ("Precious lost her bag on the bus", [("NAME", "Precious")], None),
    ("Kelechi always waits for me after school", [("NAME", "Kelechi")], None),
    ("thanks to Bernadette at the youth club", [("NAME", "Bernadette")], None),
    ("there's a lad called Smudge who robs bikes", [("NAME", "Smudge")], None),
    ("everyone calls him Big Dre", [("NAME", "Big Dre")], "everyone calls him [NAME]"),
    ("my cousin lil T got arrested", [("NAME", "lil T")], "my cousin [NAME] got arrested"),
    ("my brother K-Dog sells weed", [("NAME", "K-Dog")], None),
    ("me n ashton got chased home", [("NAME", "ashton")], None),
    ("rose's mum drinks every night", [("NAME", "rose")], "[NAME]'s mum drinks every night"),
    ("Sami from 8C has a knife", [("NAME", "Sami")], None),
    # Phone numbers
    ("text me 07412 556 781 if you want to talk", [("PHONE", "07412 556 781")], None),
    ("my mum's number is 0161 445 2290", [("PHONE", "0161 445 2290")], "my mum's number is [PHONE]"),
    ("ring +44 (0)7911 123 456 after school", [("PHONE", "+44 (0)7911 123 456")], None),
    ("mój numer +48 601 234 567", [("PHONE", "+48 601 234 567")], "mój numer [PHONE]"),
    ("his whatsapp is 07957-334-120", [("PHONE", "07957-334-120")], None),
    ("call 234 5678 and ask", [("PHONE", "234 5678")], None),
    ("call 07700 900123 07911 123456 now", [("PHONE", "07700 900123"), ("PHONE", "07911 123456")], None),
    ("my number is 0 7 7 0 0 9 0 0 1 2 3", [("PHONE", "0 7 7 0 0 9 0 0 1 2 3")], "my number is [PHONE]"),
    # Emails in any text
    ("email me at chloe.w2008@hotmail.co.uk", [("EMAIL", "chloe.w2008@hotmail.co.uk")], "email me at [EMAIL]"),
    ("mi correo es ana_lopez@gmail.com", [("EMAIL", "ana_lopez@gmail.com")], "mi correo es [EMAIL]"),
    ("راسلني على yusuf.k@outlook.com", [("EMAIL", "yusuf.k@outlook.com")], "راسلني على [EMAIL]"),
    ("kyle dot b at gmail dot com", [("EMAIL", "kyle dot b at gmail dot com")], "[EMAIL]"),
    # Handles
    ("my insta is @lil.kay_07 if u want to know more", [("HANDLE", "@lil.kay_07")], None),
    ("snap me: jaybaby2009", [("HANDLE", "jaybaby2009")], "snap me: [HANDLE]"),
    ("add kyle_x on snap", [("HANDLE", "kyle_x")], "add [HANDLE] on snap"),
    ("my snap is kyleboi", [("HANDLE", "kyleboi")], "my snap is [HANDLE]"),
    ("follow @SafeMcrYouth for updates", [("HANDLE", "@SafeMcrYouth")], None),
    # Addresses and postcodes
    ("they sell drugs from 23 Heald Place", [("ADDRESS", "23 Heald Place")], "they sell drugs from [ADDRESS]"),
    ("my postcode is M16 7RG", [("ADDRESS", "M16 7RG")], "my postcode is [ADDRESS]"),
    ("i live at flat 4, 19 bold street", [("ADDRESS", "flat 4, 19 bold street")], "i live at [ADDRESS]"),
    ("he lives on 12 moorcroft st m14", [("ADDRESS", "12 moorcroft st m14")], "he lives on [ADDRESS]"),
    ("he lives on Moorcroft Street, M14 near the shop", [("ADDRESS", "Moorcroft Street, M14")], None),
    ("post code: m14 5", [("ADDRESS", "m14 5")], "post code: [ADDRESS]"),
]


@pytest.mark.parametrize(("text", "expected", "redacted"), REDACTED, ids=[case[0][:40] for case in REDACTED])
def test_personal_details_are_replaced(text: str, expected: list[tuple[str, str]], redacted: str | None) -> None:
    result = redact(text)
    assert [(found.kind, found.text) for found in result.found] == expected
    for _, detail in expected:
        assert detail not in result.text
    if redacted is not None:
        assert result.text == redacted


# Answers with nothing personal in them: they must come back unchanged.
KEPT = [
    "We need more youth clubs in Moss Side and Longsight",
    "I feel safe in Hulme but not in Cheetham Hill or on Princess Road at night",
    "There's always trouble on Moorcroft Street",  # a street alone names no household
    "The police never come when you call 999 or 101",
    "Childline 0800 1111 helped me, and you can text SHOUT to 85258",
    "Samaritans on 116 123 are there all night",
    "people from M14 and M16 beef all the time",  # an outward code is a district, not a home
    "the 86 bus down Wilmslow Road is always late",
    "it takes 5 mins walk to the park and 2 minutes down the road",
    "I will hope for the best. Grace and faith keep me going",
    "my snap is private and my insta got hacked",
    "on snapchat youd see every fight",
    "the seasons 2019 2020 2021 were bad, it was £1,500,000 wasted",
    "it happened on 12/03/2024 at 9pm b4 2nd period",
    "I went to St Bede's and it was fine",
    "The Arndale and Piccadilly Gardens are not safe at night",
    "Manchester City Council and GMP should listen to young people",
    "My mum and my stepdad argue and the police come round",
    "I'm 15 and I live in M14, near the Curry Mile",
    "mój syn nie chce wychodzić, boi się chodzić do szkoły",
    "Mera naam nahi likhna, mujhe dar lagta hai raat ko",
    "Muslims get treated differently by the Police, it's not fair",
    "meet @ the park after school",
    "we counted 1 2 3 4 5 6 7 8 9 10 and ran",
    "The paramedics who came after my TIA were great",
    "my mate will come round later",
    "Will you help us? Hope is what we need",
    "May was a good month and June was better",
    "Covid was bad for everyone and Stretford keeps getting worse",
    "Inshallah things will get better, Wallahi it's bad round here",
    "The NSPCC helpline 0808 800 5000 is free",
    "People from Moss Side get judged on TikTok and Snapchat",
    "Hope is all we have. Rose gardens in the park are nice",
    "Vimto is from Manchester and Greggs is everywhere",
    "Eid Mubarak to everyone at the mosque",
    "Aripiprazole made me put on weight",
    "Brexit made everything expensive",
    "I went to Ashton with my mum",
    "the boy's mum shouts at him",
    "my mum called Childline for me",
    "میرا بھائی سکول میں محفوظ نہیں ہے",
    "أخي يخاف من الذهاب إلى المدرسة",
    "আমার ভাই স্কুলে যেতে ভয় পায়",
    "ਮੇਰੀ ਭੈਣ ਨੂੰ ਰਾਤ ਨੂੰ ਡਰ ਲੱਗਦਾ ਹੈ",
    "我的朋友在学校被欺负",
    "আমার বড় আপা খুব ভালো",
    "میری بہن سکول میں ڈرتی ہے",
    "ਮੇਰਾ ਭਰਾ ਸਕੂਲ ਜਾਂਦਾ ਹੈ",
    "Nothing else to say. Peace",
    "ہمیں مزید لائٹس چاہییں - شکریہ",
    "ਮਾਂ ਤੇ ਮੈਂ ਘਰ ਜਾਂਦੇ ਹਾਂ",
    "أنا خايفة، أمي ما بتعرف",
    "میرا بھائی سکول میں ہے",
    "wait a mo and I'll check",
    "আমি ভালো, আমার স্কুল ভালো",
    # What follows "my uncle" or comes before "and I" can be an action or a place, not a name.
    "عمي يضربني لما أبوي مو بالبيت",
    "আমার মেয়ে অনলাইনে অচেনা লোকদের সাথে কথা বলে",
    "شب‌ها توی پارک مواد می‌فروشن و من می‌ترسم",
    "میرے بیٹے کو تنگ کیا جاتا ہے، اور استاد کچھ نہیں کرتے",
    "امی اور میں بازار گئے",
    "more lights on the canal, please",
    "more stuff to do. Cheers",
    "",
]


@pytest.mark.parametrize("text", KEPT, ids=[text[:40] or "empty" for text in KEPT])
def test_answers_without_personal_details_are_left_alone(text: str) -> None:
    result = redact(text)
    assert result.found == ()
    assert result.text == text


def test_found_offsets_point_at_the_original_text() -> None:
    text = "Call Jordan Smith on 07700 900123 or jordan@example.org, he's at 14 Claremont Road, M14 5AB"
    result = redact(text)
    assert {found.kind for found in result.found} == {"NAME", "PHONE", "EMAIL", "ADDRESS"}
    for found in result.found:
        assert isinstance(found, Found)
        assert text[found.start : found.end] == found.text
    for detail in ("Jordan", "900123", "jordan@", "Claremont", "5AB"):
        assert detail not in result.text


def test_redacting_twice_changes_nothing_more() -> None:
    once = redact("my mate Kyle lives at 3 Platt Lane, ring him on 07911 123456")
    twice = redact(once.text)
    assert twice.text == once.text
    assert twice.found == ()


@pytest.mark.parametrize(
    "junk",
    [None, "   \n\t ", "😡😡😡", "🔪", b"\xff\xfe\x00binary junk", 12345, "x" * 100_000, "Kyle " * 20_000],
    ids=["none", "whitespace", "emoji", "knife-emoji", "bytes", "int", "100kb", "100kb-names"],
)
def test_junk_input_never_raises(junk: object) -> None:
    result = redact(junk)  # type: ignore[arg-type]
    assert isinstance(result, Redaction)
    assert isinstance(result.text, str)


def test_every_placeholder_stands_for_one_detail() -> None:
    result = redact("snap: kay.b_07, email kay@hotmail.com, number 07700 900 431, my friend Amira, 9 Bold St")
    placeholders = [part for part in ("[NAME]", "[PHONE]", "[EMAIL]", "[ADDRESS]", "[HANDLE]") if part in result.text]
    assert sorted(placeholders) == ["[ADDRESS]", "[EMAIL]", "[HANDLE]", "[NAME]", "[PHONE]"]
    assert len(result.found) == 5


def test_a_title_before_a_name_is_read_for_themes_but_never_shown():
    text = "Coach Marcus is the one adult who always has time for me"
    assert blanked(text, redact(text)).split()[:2] == ["coach", "is"]
    coded = Analyser().code(text)
    assert coded.redacted_text.startswith("[NAME] is the one adult")
    assert "trusted_adults" in [hit.theme for hit in coded.themes]
    assert "Marcus" not in coded.evidence()


def test_blanking_leaves_no_personal_detail_for_the_coder():
    text = "text Jade on 07700 900123 or jade@example.com, my insta is @jade.mcr"
    kept = blanked(text, redact(text))
    assert not any(detail in kept for detail in ("Jade", "07700", "example.com", "@jade"))


@pytest.mark.parametrize(
    ("text", "online"),
    [
        ("add me on insta @zainab_draws_ i do art about my area", False),
        ("if u want to help with the litter pick msg me on snap @kayla.x.mcr", False),
        ("scrivetemi su instagram @giulia.mcr, ho un po' di idee per il parco", False),
        ("tiktok @saraah_mcrr keeps posting the fight from the tram stop", True),
        ("theres an older guy (goes by @blinda_m16 on snap) who keeps messaging me", True),
    ],
)
def test_a_platform_named_to_reach_the_writer_is_no_online_theme(text, online):
    themes = [hit.theme for hit in Analyser().code(text).themes]
    assert ("online" in themes) is online, themes
