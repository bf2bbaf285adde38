"""Indirect disclosures in the survey languages: the six shapes the English rules know and the phrase lists
once missed.

1. suicidal ideation told sideways (better off without me, not here after the summer, a letter and a date,
   giving things away, sleeping and not waking);
2. hidden self-harm (long sleeves in the heat, needing to feel something, hiding the marks);
3. restricting food (skipping meals on purpose, feeling lighter for not eating, nearly fainting, making
   oneself sick);
4. planned retaliation (the ones who hurt a cousin will pay, it's all arranged);
5. radicalisation (a relative who only talks to an online group that urges revenge and sends violent videos);
6. a young carer or neglect (a parent ill or away, no school for a week, the food nearly gone).

Romanised Urdu, Punjabi and Bengali are written as teenagers in Manchester type them. Every case here was
written for this file; none is copied from a labelled set.
"""

from __future__ import annotations

import pytest

from analysis.safeguarding import flag

INDIRECT_DISCLOSURES = [
    # ---- Spanish
    ("es", "ideation", "Sinceramente creo que mi familia estaría más tranquila si yo no estuviera."),
    ("es", "ideation", "Después del verano ya no voy a estar, lo tengo bastante claro."),
    ("es", "ideation", "He escrito una carta para mi madre y ya he decidido cuándo."),
    ("es", "ideation", "Últimamente estoy regalando todas mis cosas a mis amigas."),
    ("es", "hidden", "Llevo sudadera incluso con este calor para que nadie vea mis brazos."),
    ("es", "hidden", "Necesito sentir algo y ya sé cómo. Nadie se da cuenta de las marcas."),
    ("es", "food", "Me salto comidas a propósito para adelgazar, me siento más ligera cuando no como."),
    ("es", "food", "Casi me desmayo en educación física porque no como nada."),
    ("es", "retaliation", "Los que le dieron una paliza a mi primo lo van a pagar, ya está todo organizado."),
    ("es", "retaliation", "El viernes por la noche vamos al parque donde se juntan, ya lo tenemos todo hablado."),
    ("es", "radicalisation", "Mi primo solo habla con un grupo de Telegram que le dice que se vengue."),
    ("es", "radicalisation", "A mi hermano le mandan vídeos violentos y dice que pronto todos lo sabrán."),
    ("es", "carer", "No he ido al instituto esta semana porque cuido a mi hermano pequeño, mi madre está enferma."),
    ("es", "carer", "Mi mamá sigue en la cama y no queda comida, no se lo he dicho a nadie."),
    # ---- Portuguese
    ("pt", "ideation", "Acho que a minha família ficava mais tranquila sem mim."),
    ("pt", "ideation", "Escrevi uma carta para a minha mãe e já decidi quando."),
    ("pt", "ideation", "Ando a dar as minhas coisas todas aos meus amigos."),
    ("pt", "hidden", "Uso mangas compridas mesmo com este calor para ninguém ver os meus braços."),
    ("pt", "hidden", "Escondo as cicatrizes dos braços e ninguém repara."),
    ("pt", "food", "Salto o jantar de propósito para emagrecer e sinto-me mais leve quando não como."),
    ("pt", "food", "Quase desmaio na escola porque não como nada."),
    ("pt", "retaliation", "Bateram no meu primo e eles vão pagar, sábado à noite vamos atrás deles."),
    ("pt", "radicalisation", "O meu irmão só fala com um grupo na internet que lhe diz para se vingar."),
    ("pt", "radicalisation", "Mandam-lhe vídeos violentos todos os dias."),
    ("pt", "carer", "Não vou à escola há uma semana porque cuido do meu irmão, a minha mãe está doente."),
    ("pt", "carer", "A minha mãe está no hospital e a comida está a acabar, não contei a ninguém."),
    # ---- Italian
    ("it", "ideation", "Sarebbe tutto più facile per tutti se io non ci fossi."),
    ("it", "ideation", "Dopo l'estate non ci sarò più."),
    ("it", "ideation", "Ho scritto una lettera per mia mamma e ho già deciso quando."),
    ("it", "hidden", "Porto le maniche lunghe anche con questo caldo così nessuno vede."),
    ("it", "hidden", "Nascondo i tagli sulle braccia con i braccialetti."),
    ("it", "food", "Salto i pasti apposta e mi sento più leggera quando non mangio."),
    ("it", "food", "Mangio una volta al giorno per dimagrire."),
    ("it", "retaliation", "Quelli che hanno picchiato mio cugino la pagheranno, è tutto organizzato."),
    ("it", "radicalisation", "Mio fratello parla solo con un gruppo online che gli dice di vendicarsi."),
    ("it", "radicalisation", "Gli mandano video violenti e dice che presto tutti lo sapranno."),
    ("it", "carer", "Non vado a scuola da una settimana perché bado a mio fratello, mamma è malata."),
    # ---- Romanian
    ("ro", "ideation", "Ar fi mai ușor pentru toată lumea dacă n-aș mai fi."),
    ("ro", "ideation", "După vară nu o să mai fiu."),
    ("ro", "ideation", "Am scris o scrisoare pentru mama și am hotărât deja când."),
    ("ro", "hidden", "Port mâneci lungi chiar și vara ca să nu vadă nimeni."),
    ("ro", "hidden", "Ascund cicatricile de pe brațe și nimeni nu observă urmele."),
    ("ro", "food", "Sar peste mese intenționat și mă simt mai ușoară când nu mănânc."),
    ("ro", "retaliation", "Cei care l-au bătut pe vărul meu o să plătească, sâmbătă seara mergem după ei."),
    ("ro", "retaliation", "Duminică seara mergem unde stau ei, e totul aranjat."),
    ("ro", "radicalisation", "Vărul meu vorbește doar cu un grup online care îi spune să se răzbune."),
    ("ro", "radicalisation", "Îi trimit videoclipuri violente și zice că în curând toată lumea o să afle."),
    ("ro", "carer", "Nu am mai fost la școală de o săptămână pentru că am grijă de fratele meu, mama e bolnavă."),
    # ---- Polish
    ("pl", "ideation", "Wszystkim byłoby łatwiej, gdybym zniknęła."),
    ("pl", "ideation", "Po wakacjach już mnie tu nie będzie."),
    ("pl", "ideation", "Napisałam list do mamy i już wiem kiedy."),
    ("pl", "ideation", "Rozdaję swoje rzeczy znajomym."),
    ("pl", "hidden", "Noszę bluzę z długim rękawem nawet w upał, żeby nikt nie widział."),
    ("pl", "hidden", "Potrzebuję coś poczuć i wiem jak. Ukrywam blizny na rękach."),
    ("pl", "food", "Celowo nie jem śniadania i czuję się lżejsza, kiedy nie jem."),
    ("pl", "food", "Jem raz dziennie, żeby schudnąć."),
    ("pl", "retaliation", "Ci, którzy pobili mojego kuzyna, zapłacą. Wszystko jest już ustalone."),
    ("pl", "radicalisation", "Mój kuzyn gada tylko z jakąś grupą w internecie, która mówi mu, żeby się zemścił."),
    ("pl", "radicalisation", "Wysyłają mu filmiki z przemocą."),
    ("pl", "carer", "Od tygodnia nie chodzę do szkoły, bo opiekuję się młodszym bratem, mama jest chora."),
    # ---- Urdu
    ("ur", "ideation", "مجھے لگتا ہے میرے جانے کے بعد سب زیادہ خوش رہیں گے"),
    ("ur", "hidden", "میں گرمی میں بھی پوری آستین پہنتی ہوں تاکہ کوئی نہ دیکھے"),
    ("ur", "food", "میں جان بوجھ کر کھانا نہیں کھاتی تاکہ وزن کم ہو"),
    ("ur", "retaliation", "جنہوں نے میرے کزن کو مارا ہم انہیں سبق سکھائیں گے"),
    ("ur", "radicalisation", "میرا کزن صرف ایک آن لائن گروپ سے بات کرتا ہے جو اسے بدلہ لینے کو کہتے ہیں"),
    ("ur", "carer", "امی بیمار ہیں اس لیے میں چھوٹے بھائی کا خیال رکھتا ہوں اور ایک ہفتے سے اسکول نہیں گیا"),
    # ---- Roman Urdu
    ("ur", "ideation", "sach mein sab ke liye asaan hoga agar main na rahun"),
    ("ur", "ideation", "maine ammi ke liye letter likh diya hai aur decide kar liya hai kab"),
    ("ur", "ideation", "aaj kal apni saari cheezein dosto ko de rahi hoon"),
    ("ur", "hidden", "garmi mein bhi full sleeves pehenti hoon taake koi na dekhe"),
    ("ur", "hidden", "kuch feel karna hota hai aur mujhe pata hai kaise"),
    ("ur", "food", "main jaan boojh kar khana nahi khati, weight kam karna hai"),
    ("ur", "food", "kai din tak kuch nahi khati aur na khaun to halka lagta hai"),
    ("ur", "retaliation", "jinhon ne mere cousin ko maara tha, friday ko unko sabak sikhayenge"),
    ("ur", "radicalisation", "mera bhai sirf ek online group se baat karta hai, woh usko violent videos bhejte hain"),
    ("ur", "carer", "ammi bimar hain, main ek hafte se school nahi gayi kyunke bhai ka khayal rakhti hoon"),
    ("ur", "carer", "ghar mein khana khatam hone wala hai aur ammi pakistan gayi hain, hum akele hain"),
    # ---- Arabic
    ("ar", "ideation", "حاسس إنه رح يكون أسهل على الكل لو ما كنت موجود"),
    ("ar", "hidden", "بلبس كم طويل حتى بالصيف لحتى ما حدا يشوف إيدي"),
    ("ar", "food", "بفوت الوجبات عن قصد لأني بدي أنحف"),
    ("ar", "retaliation", "اللي ضربوا ابن عمي رح يدفعوا الثمن، يوم الجمعة رايحين عليهم"),
    ("ar", "radicalisation", "ابن خالتي ما بيحكي إلا مع جروب عالنت وبيبعتوله فيديوهات عنيفة"),
    ("ar", "carer", "ماما مريضة وأنا بهتم بأخوي الصغير، ما رحت المدرسة من أسبوع"),
    # ---- Persian
    ("fa", "ideation", "فکر میکنم برای همه راحت تر باشه اگه من نباشم"),
    ("fa", "hidden", "حتی تو گرما آستین بلند میپوشم که کسی نبینه"),
    ("fa", "food", "عمدا غذا نمیخورم که لاغر بشم"),
    ("fa", "retaliation", "اونایی که پسرعمومو زدن تقاصشو پس میدن"),
    ("fa", "radicalisation", "داداشم فقط با یه گروه اینترنتی حرف میزنه که بهش میگن انتقام بگیره"),
    ("fa", "carer", "مامانم مریضه و من مراقب داداش کوچیکمم، یه هفته ست مدرسه نرفتم"),
    # ---- Bengali
    ("bn", "ideation", "মনে হয় আমাকে ছাড়া সবার জন্য সহজ হবে"),
    ("bn", "hidden", "গরমেও লম্বা হাতা পরি যাতে কেউ না দেখে"),
    ("bn", "food", "আমি ইচ্ছা করে খাই না, রোগা হতে চাই"),
    ("bn", "retaliation", "যারা আমার কাজিনকে মেরেছে ওদের দেখে নেব"),
    ("bn", "radicalisation", "আমার ভাই শুধু একটা অনলাইন গ্রুপের সাথে কথা বলে, ওরা প্রতিশোধ নিতে বলে"),
    ("bn", "carer", "আম্মু অসুস্থ, আমি ছোট ভাইকে দেখি তাই এক সপ্তাহ স্কুলে যাইনি"),
    # ---- Romanised Bengali
    ("bn", "ideation", "ami na thakle shobai bhalo thakbe"),
    ("bn", "ideation", "mone hoy ami na thakle shobar jonno shohoj hobe"),
    ("bn", "hidden", "gorome o full hata pori jate keu na dekhe"),
    ("bn", "food", "ami icche kore khai na, weight komate chai"),
    ("bn", "retaliation", "je chelera amar cousin ke mereche, oder uchit shikkha dibo"),
    ("bn", "radicalisation", "amar bhai shudhu ekta online group er sathe kotha bole, ora protishodh nite bole"),
    ("bn", "carer", "ammu ashustho, ami choto bhai ke dekhi tai ek soptaho school e jaini"),
    # ---- Punjabi
    ("pa", "ideation", "ਮੈਨੂੰ ਲੱਗਦਾ ਸਾਰਿਆਂ ਲਈ ਸੌਖਾ ਹੋਵੇਗਾ ਜੇ ਮੈਂ ਨਾ ਹੋਵਾਂ"),
    ("pa", "ideation", "ਗਰਮੀਆਂ ਤੋਂ ਬਾਅਦ ਮੈਂ ਨਹੀਂ ਹੋਵਾਂਗਾ, ਆਪਣੀਆਂ ਚੀਜ਼ਾਂ ਦੋਸਤਾਂ ਨੂੰ ਵੰਡ ਰਿਹਾ ਹਾਂ"),
    ("pa", "hidden", "ਮੈਂ ਗਰਮੀ ਵਿੱਚ ਵੀ ਪੂਰੀਆਂ ਬਾਹਾਂ ਪਾਉਂਦੀ ਹਾਂ ਤਾਂ ਜੋ ਕੋਈ ਨਾ ਵੇਖੇ"),
    ("pa", "food", "ਮੈਂ ਜਾਣ ਬੁੱਝ ਕੇ ਖਾਣਾ ਨਹੀਂ ਖਾਂਦੀ"),
    ("pa", "retaliation", "ਜਿਨ੍ਹਾਂ ਨੇ ਮੇਰੇ ਭਰਾ ਨੂੰ ਕੁੱਟਿਆ, ਉਹਨਾਂ ਨੂੰ ਨਹੀਂ ਛੱਡਾਂਗੇ"),
    ("pa", "radicalisation", "ਮੇਰਾ ਕਜ਼ਨ ਸਿਰਫ਼ ਇੱਕ ਔਨਲਾਈਨ ਗਰੁੱਪ ਨਾਲ ਗੱਲ ਕਰਦਾ, ਉਹ ਉਸਨੂੰ ਬਦਲਾ ਲੈਣ ਨੂੰ ਕਹਿੰਦੇ"),
    ("pa", "carer", "ਮੰਮੀ ਬਿਮਾਰ ਨੇ, ਮੈਂ ਛੋਟੇ ਭਰਾ ਦਾ ਖਿਆਲ ਰੱਖਦਾ ਹਾਂ, ਹਫ਼ਤੇ ਤੋਂ ਸਕੂਲ ਨਹੀਂ ਗਿਆ"),
    # ---- Romanised Punjabi
    ("pa", "ideation", "mainu lagda je main na howan ta sab khush rehnge"),
    ("pa", "hidden", "garmi ch vi full sleeves paundi aan ta jo koi na vekhe"),
    ("pa", "food", "main weight ghatan layi roti nahi khandi"),
    ("pa", "retaliation", "jinha ne mere cousin nu kutteya, ohna nu nahi chhadange"),
    ("pa", "radicalisation", "mera veer bas ik online group naal gal karda, oh ohnu violent videos bhejde"),
    ("pa", "carer", "mummy bimaar ne, main nikke veer da khayal rakhdi haan te hafte ton school nahi gayi"),
]


@pytest.mark.parametrize(
    ("language", "shape", "text"),
    INDIRECT_DISCLOSURES,
    ids=[f"{lang}-{shape}-{i}" for i, (lang, shape, _) in enumerate(INDIRECT_DISCLOSURES)],
)
def test_indirect_disclosures_in_survey_languages_are_flagged(language, shape, text):
    assert flag(text, language).flagged, text


def test_every_shape_has_a_case_in_every_survey_language():
    shapes = {"ideation", "hidden", "food", "retaliation", "radicalisation", "carer"}
    for language in ("pl", "es", "pt", "it", "ro", "ur", "ar", "fa", "bn", "pa"):
        romanised_too = language in ("ur", "bn", "pa")  # their Latin-script cases are counted below
        native = {
            shape
            for lang, shape, text in INDIRECT_DISCLOSURES
            if lang == language and not (romanised_too and text.isascii())
        }
        assert native == shapes, language
    for language in ("ur", "bn", "pa"):
        romanised = {shape for lang, shape, text in INDIRECT_DISCLOSURES if lang == language and text.isascii()}
        assert romanised == shapes, language


#: General worry, news, a film, a past that is over with help received, a fast, sport done healthily, a family
#: joke, a cousin's wedding, a move, a birthday letter: near misses of the six shapes that must stay quiet.
EVERYDAY_NEAR_MISSES = [
    ("es", "Me preocupa que en mi instituto haya chicas con trastornos alimenticios y nadie haga nada."),
    ("es", "Vi una película donde una chica llevaba manga larga para esconder sus cicatrices, me hizo llorar."),
    ("es", "Este año en Ramadán solo como una vez al día, después de la puesta del sol."),
    ("es", "Después del verano ya no voy a estar en este instituto porque nos mudamos a Valencia."),
    ("es", "Para el cumpleaños de mi abuela le escribí una carta muy bonita."),
    ("es", "El sábado vamos a darles una paliza en el partido de fútbol jaja"),
    ("pt", "Faço dieta para o campeonato de judo com a nutricionista, como cinco vezes por dia."),
    ("pt", "No ano passado eu saltava refeições, mas com a ajuda da psicóloga hoje estou bem."),
    ("pt", "Dei as minhas coisas antigas para a caridade porque vamos mudar de casa."),
    ("it", "Mio cugino si sposa sabato, siamo tutti felicissimi!"),
    ("it", "Ho letto un articolo sui ragazzi che nascondono i tagli sulle braccia, è terribile."),
    ("it", "Dopo l'estate non ci sarò più in questa scuola, mi trasferisco a Milano."),
    ("ro", "Am văzut la știri că tot mai mulți adolescenți au tulburări alimentare."),
    ("ro", "Port hanorac chiar și vara pentru că îmi place stilul."),
    ("pl", "W naszej szkole powinno się więcej mówić o depresji wśród młodzieży."),
    ("pl", "Trenuję boks i z trenerem zdrowo zbijam wagę do zawodów."),
    ("pl", "W sobotę damy im nauczkę w turnieju FIFA."),
    ("ur", "ramzan mein sirf sehri aur iftar pe khata hoon, din mein ek baar"),
    ("ur", "meri cousin ki shaadi thi, sab log bohat khush the"),
    ("ur", "pichle saal main khana skip karti thi lekin counselling ke baad ab sab theek hai"),
    ("ur", "garmiyon ke baad main Pakistan chala jaunga, wahan nani ke paas rahunga"),
    ("ur", "school mein eating disorders ke baare mein zyada baat honi chahiye"),
    ("ar", "في المدرسة لازم يحكوا أكتر عن اضطرابات الأكل عند البنات"),
    ("ar", "ابن عمي تزوج امبارح والكل كان مبسوط"),
    ("fa", "برای مسابقه کشتی با مربی یه رژیم سالم دارم"),
    ("fa", "پارسال عمدا غذا نمیخوردم ولی با کمک مشاور الان خوبم"),
    ("bn", "ramzan e din e ekbar khai, iftar er shomoy"),
    ("bn", "আমার কাজিনের বিয়েতে সবাই খুব খুশি ছিল"),
    ("bn", "খবরে দেখলাম অনেক মেয়ে ওজন কমানোর জন্য না খেয়ে থাকে, এটা ভয়ের"),
    ("es", "Mi madre me va a matar cuando vea las notas jajaja"),
    ("pt", "A minha mãe vai-me matar quando vir a nota de matemática kkkk"),
    ("ur", "ammi mujhe maar dalengi agar result dekh liya lol"),
    ("ar", "ماما رح تقتلني إذا شافت علاماتي 😂"),
    ("pa", "mummy ne mainu maar dena je main late hoyi 😂"),
    ("ur", "رمضان میں سحری اور افطار میں کھاتا ہوں، دن میں کچھ نہیں"),
    ("bn", "রমজানে সারাদিন কিছু খাই না, ইফতারে খাই"),
    ("fa", "ماه رمضون روزه میگیرم و روزی یه بار غذا میخورم"),
    ("pa", "news ch dekheya ik kudi ne khana chhad ditta si, bahut dukh hoya"),
    ("pa", "mere cousin da viah si, sab bahut khush san"),
    ("pa", "ਸਕੂਲਾਂ ਵਿੱਚ ਖਾਣ ਦੀਆਂ ਬਿਮਾਰੀਆਂ ਬਾਰੇ ਹੋਰ ਗੱਲ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ"),
]


@pytest.mark.parametrize(("language", "text"), EVERYDAY_NEAR_MISSES)
def test_near_misses_of_the_indirect_shapes_stay_quiet(language, text):
    assert not flag(text, language).flagged, text


def test_romanised_urdu_and_panjabi_lists_are_read_together(monkeypatch):
    # The detector often takes romanised Panjabi for Urdu: a Panjabi phrase must still be found.
    import analysis.safeguarding as safeguarding

    monkeypatch.setattr(safeguarding, "load_model", lambda: None)  # the phrase lists alone
    text = "mera veer ohnu chaku maar deyanga kal"
    assert flag(text, "pa").flagged
    assert flag(text, "ur").flagged
