"""Sample translations of the suicide-prevention sample course into Polish and Urdu.

SAMPLE TRANSLATIONS: written to demonstrate translated courses on the platform. They have NOT
been reviewed by a qualified translator or clinician and must be reviewed before any real use.
Every translated page says so at the top of its content note.

Keyed by the English string (as wagtail-localize extracts it); strings not listed here stay
English until a translator adds them (a question with any untranslated string is shown wholly in
English). Helplines are not translated: the services named are the same UK services, which answer
in English (no service or number is invented for another language).
"""

SAMPLE_NOTE = {
    "pl": "Przykładowe tłumaczenie, przygotowane do pokazania platformy. Przed rzeczywistym użyciem "
    "musi je sprawdzić wykwalifikowany tłumacz.",
    "ur": "یہ نمونے کا ترجمہ ہے جو پلیٹ فارم دکھانے کے لیے تیار کیا گیا ہے۔ حقیقی استعمال سے پہلے "
    "کسی مستند مترجم کو اس کا جائزہ لینا ضروری ہے۔",
}

SAMPLE_COURSE = "Sample course content for demonstrating the platform."

STRINGS = {
    "pl": {
        # Home page and catalogue (the parents of the translated course)
        "Free suicide prevention and Youth Mental Health First Aid training for London":
            "Bezpłatne szkolenia z zapobiegania samobójstwom i pierwszej pomocy w zdrowiu "
            "psychicznym młodzieży dla Londynu",
        "Courses": "Kursy",
        # The course
        "Suicide prevention: a 20-minute introduction":
            "Zapobieganie samobójstwom: 20-minutowe wprowadzenie",
        "Sample course content for demonstrating the platform. A short introduction for anyone in "
        "London: how to notice when someone may be struggling, how to ask them directly about "
        "suicide and listen, and how to help them find support.":
            "Przykładowe treści kursu, przygotowane do pokazania platformy. Krótkie wprowadzenie dla "
            "każdego w Londynie: jak zauważyć, że ktoś może przeżywać trudności, jak zapytać go "
            "wprost o samobójstwo i wysłuchać oraz jak pomóc mu znaleźć wsparcie.",
        "Recognise some signs that someone may be thinking about suicide":
            "Rozpoznawać niektóre sygnały, że ktoś może myśleć o samobójstwie",
        "Ask someone directly and calmly whether they are thinking about suicide":
            "Zapytać kogoś wprost i spokojnie, czy myśli o samobójstwie",
        "Listen without judging": "Słuchać bez oceniania",
        "Help someone find support, including in an emergency":
            "Pomóc komuś znaleźć wsparcie, także w nagłej sytuacji",
        SAMPLE_COURSE: "Przykładowe treści kursu, przygotowane do pokazania platformy. "
        "Przykładowe tłumaczenie: przed rzeczywistym użyciem musi je sprawdzić wykwalifikowany tłumacz.",
        "This course talks about suicide. It does not describe methods of suicide. It is about how "
        "ordinary people can help someone who is struggling, and it is hopeful: people can and do "
        "get through times when they feel suicidal, and support helps.":
            "Ten kurs mówi o samobójstwie. Nie opisuje metod samobójstwa. Mówi o tym, jak zwykli "
            "ludzie mogą pomóc komuś, kto przeżywa trudności, i daje nadzieję: ludzie przechodzą "
            "przez okresy myśli samobójczych, a wsparcie pomaga.",
        "If the subject is difficult for you right now, you can stop at any time and come back "
        "later. Samaritans are free to call on 116 123, day or night, and you can text SHOUT to "
        "85258.":
            "Jeśli ten temat jest teraz dla ciebie trudny, możesz w każdej chwili przerwać i wrócić "
            "później. Do Samaritans można bezpłatnie dzwonić pod numer 116 123, w dzień i w nocy "
            "(rozmowy po angielsku), a także wysłać SMS o treści SHOUT na numer 85258.",
        "has completed a short introduction to suicide prevention: noticing the signs, asking "
        "directly and listening, and helping someone find support.":
            "ukończył(a) krótkie wprowadzenie do zapobiegania samobójstwom: dostrzeganie sygnałów, "
            "pytanie wprost i słuchanie oraz pomoc w znalezieniu wsparcia.",
        # Module titles
        "Why talking about suicide helps": "Dlaczego rozmowa o samobójstwie pomaga",
        "Spotting the signs": "Dostrzeganie sygnałów",
        "Asking directly and listening": "Pytanie wprost i słuchanie",
        "Helping someone find support": "Pomoc w znalezieniu wsparcia",
        "Check your learning": "Sprawdź swoją wiedzę",
        # Module 1, in full
        "This module talks about suicide in general terms. If you need to talk to someone, "
        "Samaritans are there on 116 123, any time.":
            "Ten moduł mówi o samobójstwie w ogólny sposób. Jeśli potrzebujesz z kimś porozmawiać, "
            "Samaritans są dostępni pod numerem 116 123 o każdej porze (po angielsku).",
        "Many people worry that mentioning suicide could make things worse. It does not. Asking "
        "someone directly whether they are thinking about suicide does not put the idea in their "
        "head. It tells them that you have noticed, that you care, and that it is safe to talk.":
            "Wiele osób obawia się, że wspomnienie o samobójstwie może pogorszyć sytuację. Tak nie "
            "jest. Zapytanie kogoś wprost, czy myśli o samobójstwie, nie podsuwa mu tego pomysłu. "
            "Pokazuje, że zauważyłeś, że ci zależy i że można bezpiecznie o tym rozmawiać.",
        "Suicide is not inevitable": "Samobójstwo nie jest nieuniknione",
        "Thoughts of suicide often come when someone feels overwhelmed and cannot see another way "
        "through. Those feelings can change. Many people who have felt suicidal say that someone "
        "noticing, asking and listening made a difference.":
            "Myśli samobójcze często pojawiają się, gdy ktoś czuje się przytłoczony i nie widzi "
            "innego wyjścia. Te uczucia mogą się zmienić. Wiele osób, które miały myśli samobójcze, "
            "mówi, że pomogło im to, że ktoś zauważył, zapytał i wysłuchał.",
        "You do not need to be an expert. This course is about what anyone can do: notice, ask, "
        "listen and help someone find support.":
            "Nie musisz być ekspertem. Ten kurs mówi o tym, co każdy może zrobić: zauważyć, zapytać, "
            "wysłuchać i pomóc znaleźć wsparcie.",
        "You are not responsible for fixing things": "Nie odpowiadasz za rozwiązanie wszystkiego",
        "Your part is to be there, to listen and to help the person connect with support. You do "
        "not have to have the answers.":
            "Twoją rolą jest być obok, słuchać i pomóc tej osobie dotrzeć do wsparcia. Nie musisz "
            "znać odpowiedzi.",
        "Does asking someone directly about suicide put the idea in their head?":
            "Czy zapytanie kogoś wprost o samobójstwo podsuwa mu ten pomysł?",
        "No. Asking shows you care and makes it easier to talk.":
            "Nie. Pytanie pokazuje, że ci zależy, i ułatwia rozmowę.",
        "Right. Asking directly is one of the most helpful things you can do.":
            "Zgadza się. Zapytanie wprost to jedna z najbardziej pomocnych rzeczy, jakie możesz zrobić.",
        "Yes, so it is better to hint at it.": "Tak, więc lepiej mówić o tym aluzjami.",
        "Asking directly does not put the idea in someone's head. Hinting can leave them unsure "
        "what you mean.":
            "Pytanie wprost nie podsuwa nikomu tego pomysłu. Aluzje mogą sprawić, że ta osoba nie "
            "będzie pewna, o co ci chodzi.",
        "Clear, calm questions give the person permission to talk about how they feel.":
            "Jasne, spokojne pytania dają tej osobie przyzwolenie, by mówić o tym, co czuje.",
    },
    "ur": {
        "Free suicide prevention and Youth Mental Health First Aid training for London":
            "لندن کے لیے خودکشی کی روک تھام اور نوجوانوں کی ذہنی صحت کی ابتدائی طبی امداد کی مفت تربیت",
        "Courses": "کورسز",
        "Suicide prevention: a 20-minute introduction": "خودکشی کی روک تھام: 20 منٹ کا تعارف",
        "Sample course content for demonstrating the platform. A short introduction for anyone in "
        "London: how to notice when someone may be struggling, how to ask them directly about "
        "suicide and listen, and how to help them find support.":
            "پلیٹ فارم دکھانے کے لیے نمونے کا کورس۔ لندن میں ہر ایک کے لیے ایک مختصر تعارف: کیسے "
            "پہچانیں کہ کوئی مشکل میں ہو سکتا ہے، کیسے ان سے براہِ راست خودکشی کے بارے میں پوچھیں "
            "اور سنیں، اور کیسے مدد تلاش کرنے میں ان کی مدد کریں۔",
        "Recognise some signs that someone may be thinking about suicide":
            "کچھ علامات پہچاننا کہ کوئی خودکشی کے بارے میں سوچ رہا ہو سکتا ہے",
        "Ask someone directly and calmly whether they are thinking about suicide":
            "کسی سے براہِ راست اور سکون سے پوچھنا کہ کیا وہ خودکشی کے بارے میں سوچ رہے ہیں",
        "Listen without judging": "فیصلہ کیے بغیر سننا",
        "Help someone find support, including in an emergency":
            "کسی کو مدد تلاش کرنے میں مدد دینا، بشمول ہنگامی صورتِ حال میں",
        SAMPLE_COURSE: "پلیٹ فارم دکھانے کے لیے نمونے کا کورس۔ نمونے کا ترجمہ: حقیقی استعمال سے پہلے "
        "کسی مستند مترجم کو اس کا جائزہ لینا ضروری ہے۔",
        "This course talks about suicide. It does not describe methods of suicide. It is about how "
        "ordinary people can help someone who is struggling, and it is hopeful: people can and do "
        "get through times when they feel suicidal, and support helps.":
            "یہ کورس خودکشی کے بارے میں بات کرتا ہے۔ یہ خودکشی کے طریقے بیان نہیں کرتا۔ یہ اس بارے "
            "میں ہے کہ عام لوگ کسی مشکل میں مبتلا شخص کی کیسے مدد کر سکتے ہیں، اور یہ امید دلاتا ہے: "
            "لوگ ایسے وقت سے گزر جاتے ہیں جب وہ خودکشی کے بارے میں سوچتے ہیں، اور مدد فائدہ دیتی ہے۔",
        "If the subject is difficult for you right now, you can stop at any time and come back "
        "later. Samaritans are free to call on 116 123, day or night, and you can text SHOUT to "
        "85258.":
            "اگر یہ موضوع اس وقت آپ کے لیے مشکل ہے تو آپ کسی بھی وقت رک کر بعد میں واپس آ سکتے ہیں۔ "
            "Samaritans کو دن رات 116 123 پر مفت کال کی جا سکتی ہے (انگریزی میں)، اور آپ 85258 پر "
            "SHOUT لکھ کر ٹیکسٹ کر سکتے ہیں۔",
        "has completed a short introduction to suicide prevention: noticing the signs, asking "
        "directly and listening, and helping someone find support.":
            "نے خودکشی کی روک تھام کا مختصر تعارف مکمل کر لیا ہے: علامات پہچاننا، براہِ راست پوچھنا "
            "اور سننا، اور مدد تلاش کرنے میں کسی کی مدد کرنا۔",
        "Why talking about suicide helps": "خودکشی کے بارے میں بات کرنا کیوں مدد دیتا ہے",
        "Spotting the signs": "علامات پہچاننا",
        "Asking directly and listening": "براہِ راست پوچھنا اور سننا",
        "Helping someone find support": "مدد تلاش کرنے میں کسی کی مدد کرنا",
        "Check your learning": "اپنی معلومات جانچیں",
        "This module talks about suicide in general terms. If you need to talk to someone, "
        "Samaritans are there on 116 123, any time.":
            "یہ ماڈیول عمومی انداز میں خودکشی کے بارے میں بات کرتا ہے۔ اگر آپ کو کسی سے بات کرنی ہو تو "
            "Samaritans کسی بھی وقت 116 123 پر موجود ہیں (انگریزی میں)۔",
        "Many people worry that mentioning suicide could make things worse. It does not. Asking "
        "someone directly whether they are thinking about suicide does not put the idea in their "
        "head. It tells them that you have noticed, that you care, and that it is safe to talk.":
            "بہت سے لوگ فکر کرتے ہیں کہ خودکشی کا ذکر کرنے سے حالات بگڑ سکتے ہیں۔ ایسا نہیں ہوتا۔ کسی "
            "سے براہِ راست پوچھنا کہ کیا وہ خودکشی کے بارے میں سوچ رہے ہیں، ان کے ذہن میں یہ خیال نہیں "
            "ڈالتا۔ اس سے انہیں پتا چلتا ہے کہ آپ نے محسوس کیا ہے، آپ کو پروا ہے، اور بات کرنا محفوظ ہے۔",
        "Suicide is not inevitable": "خودکشی ناگزیر نہیں ہے",
        "Thoughts of suicide often come when someone feels overwhelmed and cannot see another way "
        "through. Those feelings can change. Many people who have felt suicidal say that someone "
        "noticing, asking and listening made a difference.":
            "خودکشی کے خیالات اکثر تب آتے ہیں جب کوئی خود کو بے بس محسوس کرے اور اسے کوئی اور راستہ "
            "نظر نہ آئے۔ یہ احساسات بدل سکتے ہیں۔ بہت سے لوگ جنہوں نے ایسا محسوس کیا، کہتے ہیں کہ کسی "
            "کے محسوس کرنے، پوچھنے اور سننے سے فرق پڑا۔",
        "You do not need to be an expert. This course is about what anyone can do: notice, ask, "
        "listen and help someone find support.":
            "آپ کو ماہر ہونے کی ضرورت نہیں۔ یہ کورس اس بارے میں ہے جو کوئی بھی کر سکتا ہے: محسوس کرنا، "
            "پوچھنا، سننا اور مدد تلاش کرنے میں کسی کی مدد کرنا۔",
        "You are not responsible for fixing things": "سب کچھ ٹھیک کرنا آپ کی ذمہ داری نہیں",
        "Your part is to be there, to listen and to help the person connect with support. You do "
        "not have to have the answers.":
            "آپ کا کام ساتھ ہونا، سننا اور اس شخص کو مدد تک پہنچنے میں مدد دینا ہے۔ آپ کے پاس سارے "
            "جواب ہونا ضروری نہیں۔",
        "Does asking someone directly about suicide put the idea in their head?":
            "کیا کسی سے براہِ راست خودکشی کے بارے میں پوچھنا ان کے ذہن میں یہ خیال ڈالتا ہے؟",
        "No. Asking shows you care and makes it easier to talk.":
            "نہیں۔ پوچھنا ظاہر کرتا ہے کہ آپ کو پروا ہے اور بات کرنا آسان بناتا ہے۔",
        "Right. Asking directly is one of the most helpful things you can do.":
            "درست۔ براہِ راست پوچھنا سب سے زیادہ مددگار کاموں میں سے ایک ہے۔",
        "Yes, so it is better to hint at it.": "ہاں، اس لیے بہتر ہے کہ اشارے سے بات کی جائے۔",
        "Asking directly does not put the idea in someone's head. Hinting can leave them unsure "
        "what you mean.":
            "براہِ راست پوچھنا کسی کے ذہن میں یہ خیال نہیں ڈالتا۔ اشاروں سے وہ الجھن میں رہ سکتے ہیں "
            "کہ آپ کا مطلب کیا ہے۔",
        "Clear, calm questions give the person permission to talk about how they feel.":
            "واضح اور پرسکون سوالات اس شخص کو اپنے احساسات کے بارے میں بات کرنے کی اجازت دیتے ہیں۔",
    },
}
