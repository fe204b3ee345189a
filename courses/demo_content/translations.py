"""Sample translations of the suicide-prevention sample course into Polish and Urdu.

SAMPLE TRANSLATIONS: written to demonstrate translated courses on the platform. They have NOT
been reviewed by a qualified translator or clinician and must be reviewed before any real use.
Every translated page says so at the top of its content note.

Keyed by the English string (as wagtail-localize extracts it); strings not listed here stay
English until a translator adds them (a question with any untranslated string is shown wholly in
English). Helplines are not translated: the services named are the same UK services, which answer
in English (no service or number is invented for another language).
Page slugs are deliberately not translated, so each page keeps its URL under /pl/ and /ur/.
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
        # Home page and catalogue introductions
        "Short, free online courses for everyone who lives or works in London, and Youth Mental Health First "
        "Aid e-learning for staff in schools, colleges and universities.":
            "Krótkie, bezpłatne kursy online dla wszystkich, którzy mieszkają lub pracują w Londynie, oraz "
            "e-learning z pierwszej pomocy w zdrowiu psychicznym młodzieży dla pracowników szkół, college'ów "
            "i uczelni.",
        "Free, self-paced courses. Each one tells you before you start what it covers, and you can take a "
        "break at any time.":
            "Bezpłatne kursy we własnym tempie. Każdy z nich przed rozpoczęciem mówi, czego dotyczy, a "
            "przerwę możesz zrobić w każdej chwili.",
        # The course certificate
        "The course covered noticing the signs, asking directly and listening, and helping someone find "
        "support.":
            "Kurs obejmował dostrzeganie sygnałów, pytanie wprost i słuchanie oraz pomoc w znalezieniu "
            "wsparcia.",
        # Module 2: Spotting the signs
        "This module describes signs that someone may be struggling. Take a break whenever you need to.":
            "Ten moduł opisuje sygnały, że ktoś może przeżywać trudności. Zrób przerwę, kiedy tylko jej "
            "potrzebujesz.",
        "There is no single sign that someone is thinking about suicide, and some people show few signs at "
        "all. Often it is a change in the person that you notice first.":
            "Nie ma jednego sygnału, że ktoś myśli o samobójstwie, a niektórzy ludzie nie okazują prawie "
            "żadnych sygnałów. Często najpierw zauważasz zmianę w tej osobie.",
        "Things people might say": "Co ludzie mogą mówić",
        "Feeling hopeless, trapped or that nothing will get better":
            "Że czują się bez nadziei, w pułapce albo że nic się nie poprawi",
        "Feeling like a burden to others": "Że czują się ciężarem dla innych",
        "Saying they cannot go on, or talking about wanting to disappear":
            "Że nie mogą dalej tak żyć albo że chcieliby zniknąć",
        "Changes you might notice": "Zmiany, które możesz zauważyć",
        "Withdrawing from friends, family or things they used to enjoy":
            "Wycofywanie się z kontaktów z przyjaciółmi, rodziną lub z tego, co kiedyś sprawiało im radość",
        "Changes in sleep, appetite or how they look after themselves":
            "Zmiany w śnie, apetycie lub w tym, jak o siebie dbają",
        "Seeming unusually calm after a very difficult time": "Niezwykły spokój po bardzo trudnym okresie",
        "Putting affairs in order or giving things away":
            "Porządkowanie swoich spraw lub rozdawanie swoich rzeczy",
        "Difficult times": "Trudne okresy",
        "Some experiences can make people more vulnerable: a bereavement, the end of a relationship, losing "
        "a job or home, money worries, exams, bullying, or a serious illness. Going through one of these "
        "does not mean someone is suicidal, but it is a good reason to check in.":
            "Niektóre doświadczenia mogą sprawić, że ludzie są bardziej narażeni: żałoba, koniec związku, "
            "utrata pracy lub domu, kłopoty finansowe, egzaminy, nękanie albo poważna choroba. Przechodzenie "
            "przez coś takiego nie oznacza, że ktoś myśli o samobójstwie, ale to dobry powód, by zapytać, "
            "jak się czuje.",
        "Trust your instinct": "Zaufaj swojemu przeczuciu",
        "If something feels wrong, it is better to ask and be mistaken than not to ask.":
            "Jeśli coś wydaje ci się nie tak, lepiej zapytać i się pomylić, niż nie zapytać.",
        "Think of someone you see most days. What everyday changes might tell you they are having a hard "
        "time?":
            "Pomyśl o kimś, kogo widujesz prawie codziennie. Jakie codzienne zmiany mogłyby ci powiedzieć, "
            "że przeżywa trudny czas?",
        "You do not need to write anything down.": "Nie musisz niczego zapisywać.",
        "Which of these could be a sign that someone is struggling?":
            "Który z tych sygnałów może oznaczać, że ktoś przeżywa trudności?",
        "Saying they feel like a burden": "Mówienie, że czuje się ciężarem",
        "Yes. This is a sign worth asking about.": "Tak. O taki sygnał warto zapytać.",
        "Withdrawing from people they are close to": "Wycofywanie się z kontaktów z bliskimi osobami",
        "Yes. A change like this is worth noticing.": "Tak. Taką zmianę warto zauważyć.",
        "Being busy with a new hobby they enjoy": "Zajmowanie się nowym hobby, które sprawia radość",
        "On its own this is not a warning sign.": "Samo w sobie nie jest to sygnał ostrzegawczy.",
        "Signs are often changes in what someone says or does. If you notice them, ask.":
            "Sygnały to często zmiany w tym, co ktoś mówi lub robi. Jeśli je zauważysz, zapytaj.",
        # Module 3: Asking directly and listening
        "This module talks about asking someone whether they are thinking about suicide. You can take a "
        "break and come back to it.":
            "Ten moduł mówi o tym, jak zapytać kogoś, czy myśli o samobójstwie. Możesz zrobić przerwę i "
            "wrócić do niego później.",
        "Choose a time and place": "Wybierz czas i miejsce",
        "Find somewhere you will not be interrupted and where the person feels comfortable. Walking side by "
        "side or sitting together can make talking easier.":
            "Znajdź miejsce, w którym nikt wam nie przeszkodzi i w którym ta osoba czuje się swobodnie. "
            "Spacer ramię w ramię albo wspólne siedzenie może ułatwić rozmowę.",
        "Ask directly": "Zapytaj wprost",
        'Use clear words, in your own way. For example: <em>"Sometimes when people feel like you do, they '
        'think about suicide. Are you thinking about suicide?"</em>':
            "Używaj jasnych słów, po swojemu. Na przykład: <em>„Czasem, kiedy ludzie czują się tak jak ty, "
            "myślą o samobójstwie. Czy myślisz o samobójstwie?”</em>",
        "A direct question is better than a vague one such as \"You're not going to do anything silly, are "
        'you?", which makes it harder to say yes.':
            "Bezpośrednie pytanie jest lepsze niż niejasne, takie jak „Chyba nie zrobisz nic głupiego, "
            "prawda?”, które utrudnia odpowiedź „tak”.",
        "Listen": "Słuchaj",
        "Give them time; silence is fine": "Daj tej osobie czas; cisza jest w porządku",
        'Ask open questions such as "How are you feeling about things?"':
            "Zadawaj pytania otwarte, na przykład „Jak się z tym wszystkim czujesz?”",
        "Repeat back what you have heard, so they know you understand":
            "Powtórz własnymi słowami to, co słyszysz, żeby ta osoba wiedziała, że rozumiesz",
        "Do not judge, argue or rush to solve the problem":
            "Nie oceniaj, nie spieraj się i nie śpiesz się z rozwiązywaniem problemu",
        "Thank them for telling you": "Podziękuj tej osobie, że ci o tym powiedziała",
        "If a life is at risk right now": "Jeśli czyjeś życie jest teraz zagrożone",
        "If someone has seriously harmed themselves, or you think their life is in immediate danger, call "
        "999. Stay with them if it is safe to do so.":
            "Jeśli ktoś poważnie zrobił sobie krzywdę albo uważasz, że jego życie jest w bezpośrednim "
            "niebezpieczeństwie, zadzwoń pod 999. Zostań z tą osobą, jeśli jest to bezpieczne.",
        'How would you put the question "Are you thinking about suicide?" in your own words?':
            "Jak możesz zadać pytanie „Czy myślisz o samobójstwie?” własnymi słowami?",
        "Saying it out loud to yourself can make it easier to ask for real.":
            "Powiedzenie tego na głos samemu sobie może ułatwić zadanie tego pytania naprawdę.",
        "Which is the most helpful way to ask?": "Który sposób zapytania jest najbardziej pomocny?",
        '"Are you thinking about suicide?"': "„Czy myślisz o samobójstwie?”",
        "Right. Clear and direct words make it easier for someone to answer honestly.":
            "Zgadza się. Jasne i bezpośrednie słowa ułatwiają szczerą odpowiedź.",
        "\"You're not going to do anything silly, are you?\"": "„Chyba nie zrobisz nic głupiego, prawda?”",
        "This suggests the answer you want to hear, so it is harder to say yes.":
            "To podsuwa odpowiedź, którą chcesz usłyszeć, więc trudniej odpowiedzieć „tak”.",
        "Asking in plain words shows you are ready to hear the answer.":
            "Pytanie prostymi słowami pokazuje, że jesteś gotowy lub gotowa usłyszeć odpowiedź.",
        # Module 4: Helping someone find support
        "When someone has told you how they feel, help them think about who could support them. Ask what has "
        "helped before, and who they trust.":
            "Kiedy ktoś powie ci, jak się czuje, pomóż mu zastanowić się, kto mógłby go wesprzeć. Zapytaj, "
            "co pomagało wcześniej i komu ufa.",
        "Where support is": "Gdzie szukać wsparcia",
        "Their GP, who can talk through options for support":
            "Lekarz rodzinny (GP), który może omówić możliwości wsparcia",
        "NHS 111, option 2, for urgent mental health help, any time":
            "NHS 111, opcja 2, w sprawie pilnej pomocy w zdrowiu psychicznym, o każdej porze (rozmowy po "
            "angielsku)",
        "Samaritans and Shout, to talk or text at any time":
            "Samaritans i Shout, by porozmawiać lub napisać SMS o każdej porze (po angielsku)",
        "999, or A&amp;E, if a life is at risk right now":
            "999 lub szpitalny oddział ratunkowy (A&amp;E), jeśli czyjeś życie jest teraz zagrożone",
        "Free support, day and night": "Bezpłatne wsparcie w dzień i w nocy",
        "Make it easier to take the next step": "Ułatw zrobienie kolejnego kroku",
        "Offer to help them make a call, or sit with them while they do. Agree what happens next, and check "
        "in with them again later.":
            "Zaproponuj pomoc przy telefonie albo posiedź obok, gdy ta osoba dzwoni. Ustalcie, co dalej, i "
            "później znów zapytaj, jak się czuje.",
        "Look after yourself too": "Zadbaj też o siebie",
        "Supporting someone can be hard. Talk to someone you trust afterwards, and remember that Samaritans "
        "are there for you as well.":
            "Wspieranie kogoś bywa trudne. Porozmawiaj potem z kimś, komu ufasz, i pamiętaj, że Samaritans "
            "są także dla ciebie (po angielsku).",
        "Someone tells you they are thinking about suicide and you believe their life is in immediate "
        "danger. What should you do?":
            "Ktoś mówi ci, że myśli o samobójstwie, a ty uważasz, że jego życie jest w bezpośrednim "
            "niebezpieczeństwie. Co należy zrobić?",
        "Call 999 and stay with them if it is safe":
            "Zadzwonić pod 999 i zostać z tą osobą, jeśli jest to bezpieczne",
        "Right. In an emergency, call 999.": "Zgadza się. W nagłej sytuacji dzwoń pod 999.",
        "Promise to keep it secret and check in tomorrow":
            "Obiecać, że zachowasz to w tajemnicy, i odezwać się jutro",
        "When a life is at risk, get emergency help straight away.":
            "Gdy czyjeś życie jest zagrożone, od razu wezwij pomoc ratunkową.",
        "For urgent help that is not an emergency, NHS 111 option 2 is there day and night.":
            "W pilnych sprawach, które nie są nagłym zagrożeniem życia, NHS 111, opcja 2, działa w dzień i w "
            "nocy (po angielsku).",
        # Module 5: Check your learning (the assessment)
        "Five questions about what you have learned, drawn from a larger set, so each attempt may ask "
        "different ones. You need 4 out of 5 to pass, and you can try again as many times as you like.":
            "Pięć pytań z materiału kursu, wybranych z większego zestawu, więc przy każdym podejściu pytania "
            "mogą być inne. Aby zaliczyć, potrzebujesz 4 z 5 poprawnych odpowiedzi i możesz próbować tyle "
            "razy, ile chcesz.",
        "Is it safe to ask someone directly if they are thinking about suicide?":
            "Czy można bezpiecznie zapytać kogoś wprost, czy myśli o samobójstwie?",
        "Yes: it shows you care and makes it easier to talk":
            "Tak: pokazuje to, że ci zależy, i ułatwia rozmowę",
        "Right.": "Zgadza się.",
        "No: it might put the idea in their head": "Nie: może to podsunąć tej osobie ten pomysł",
        "Asking directly does not put the idea in someone's head.":
            "Pytanie wprost nie podsuwa nikomu tego pomysłu.",
        "Asking directly and calmly is one of the most helpful things you can do.":
            "Spokojne zapytanie wprost to jedna z najbardziej pomocnych rzeczy, jakie możesz zrobić.",
        "Which of these could be signs that someone is struggling?":
            "Które z tych zachowań mogą być sygnałami, że ktoś przeżywa trudności?",
        "Talking about feeling trapped or hopeless":
            "Mówienie o poczuciu, że jest się w pułapce lub bez nadziei",
        "Yes.": "Tak.",
        "Withdrawing from friends and family": "Wycofywanie się z kontaktów z przyjaciółmi i rodziną",
        "Starting a new job they are excited about": "Rozpoczęcie nowej pracy, która cieszy",
        "On its own, this is not a warning sign.": "Samo w sobie nie jest to sygnał ostrzegawczy.",
        "Often it is a change in what someone says or does that you notice first.":
            "Często najpierw zauważasz zmianę w tym, co ktoś mówi lub robi.",
        "What helps most when someone starts to talk to you?":
            "Co pomaga najbardziej, gdy ktoś zaczyna z tobą rozmawiać?",
        "Listening without judging, and giving them time": "Słuchanie bez oceniania i danie tej osobie czasu",
        "Telling them others have it worse": "Mówienie, że inni mają gorzej",
        "This can make someone feel unheard.": "Przez to ktoś może poczuć, że nikt go nie słucha.",
        "Changing the subject to cheer them up": "Zmienianie tematu, żeby poprawić tej osobie humor",
        "This can stop them from saying more.":
            "Może to powstrzymać tę osobę przed powiedzeniem czegoś więcej.",
        "Listening, without rushing to fix things, helps someone feel heard.":
            "Słuchanie, bez pośpiechu w naprawianiu sytuacji, pomaga komuś poczuć się wysłuchanym.",
        "Where can someone get urgent mental health help by phone, day or night?":
            "Gdzie można uzyskać pilną pomoc w zdrowiu psychicznym przez telefon, w dzień i w nocy?",
        "NHS 111, option 2": "NHS 111, opcja 2",
        "Only their GP, during opening hours": "Tylko u lekarza rodzinnego (GP), w godzinach otwarcia",
        "GPs help, but NHS 111 option 2 is there at any time.":
            "Lekarze rodzinni pomagają, ale NHS 111, opcja 2, działa o każdej porze (po angielsku).",
        "Samaritans (116 123) and Shout (text 85258) are also there at any time.":
            "Samaritans (116 123) i Shout (SMS na numer 85258) również są dostępni o każdej porze (po "
            "angielsku).",
        "What should you do if you believe someone's life is in immediate danger?":
            "Co zrobić, jeśli uważasz, że czyjeś życie jest w bezpośrednim niebezpieczeństwie?",
        "Call 999": "Zadzwonić pod 999",
        "Wait until you have more information": "Poczekać, aż będziesz wiedzieć więcej",
        "In an emergency, do not wait: call 999.": "W nagłej sytuacji nie czekaj: dzwoń pod 999.",
        "Stay with the person if it is safe to do so.": "Zostań z tą osobą, jeśli jest to bezpieczne.",
        "Someone tells you they have been thinking about ending their life. What is a helpful first thing to "
        "say?":
            "Ktoś mówi ci, że myśli o odebraniu sobie życia. Co warto powiedzieć na początek?",
        "Thank you for telling me. I am here and I want to listen":
            "Dziękuję, że mi o tym mówisz. Jestem przy tobie i chcę cię wysłuchać",
        "You have so much to live for": "Masz przecież tyle, dla czego warto żyć",
        "Let's talk about something else": "Porozmawiajmy o czymś innym",
        "Thanking someone for telling you, and showing you want to listen, helps them keep talking.":
            "Podziękowanie za to, że ktoś ci się zwierzył, i pokazanie, że chcesz słuchać, pomaga mu mówić "
            "dalej.",
        "How can you help someone who is struggling to find support?":
            "Jak możesz pomóc osobie przeżywającej trudności znaleźć wsparcie?",
        "Offer to help them contact a helpline or their GP":
            "Zaproponować pomoc w skontaktowaniu się z telefonem zaufania lub lekarzem rodzinnym",
        "This helps, and so do the others.": "To pomaga, podobnie jak pozostałe odpowiedzi.",
        "Ask what support they already have around them":
            "Zapytać, jakie wsparcie ta osoba już ma wokół siebie",
        "Agree together on a next step you can check in about":
            "Wspólnie ustalić kolejny krok, o który potem zapytasz",
        "All of these": "Wszystkie powyższe",
        "Right: each of these can help.": "Zgadza się: każda z tych rzeczy może pomóc.",
        "Making a plan together, and checking in afterwards, helps someone feel less alone.":
            "Wspólne ułożenie planu i późniejsze zapytanie, jak się czuje, pomaga komuś poczuć się mniej "
            "samotnie.",
        "After a difficult conversation, what is a good way to look after yourself?":
            "Jak dobrze zadbać o siebie po trudnej rozmowie?",
        "Talk to someone you trust, or call Samaritans on 116 123":
            "Porozmawiać z kimś, komu ufasz, albo zadzwonić do Samaritans pod numer 116 123 (po angielsku)",
        "Keep it to yourself and carry on": "Zachować to dla siebie i żyć dalej jak gdyby nigdy nic",
        "You deserve support too.": "Ty także zasługujesz na wsparcie.",
        "Supporting someone can be hard. It is fine to ask for support yourself.":
            "Wspieranie kogoś bywa trudne. Możesz śmiało poprosić o wsparcie dla siebie.",
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
        # Home page and catalogue introductions
        "Short, free online courses for everyone who lives or works in London, and Youth Mental Health First "
        "Aid e-learning for staff in schools, colleges and universities.":
            "لندن میں رہنے یا کام کرنے والے ہر شخص کے لیے مختصر، مفت آن لائن کورسز، اور اسکولوں، کالجوں اور "
            "یونیورسٹیوں کے عملے کے لیے نوجوانوں کی ذہنی صحت کی ابتدائی طبی امداد کی ای-لرننگ۔",
        "Free, self-paced courses. Each one tells you before you start what it covers, and you can take a "
        "break at any time.":
            "مفت کورسز جو آپ اپنی رفتار سے کر سکتے ہیں۔ ہر کورس شروع کرنے سے پہلے بتاتا ہے کہ اس میں کیا "
            "شامل ہے، اور آپ کسی بھی وقت وقفہ لے سکتے ہیں۔",
        # The course certificate
        "The course covered noticing the signs, asking directly and listening, and helping someone find "
        "support.":
            "اس کورس میں علامات پہچاننا، براہِ راست پوچھنا اور سننا، اور مدد تلاش کرنے میں کسی کی مدد کرنا "
            "شامل تھا۔",
        # Module 2: Spotting the signs
        "This module describes signs that someone may be struggling. Take a break whenever you need to.":
            "یہ ماڈیول ان علامات کو بیان کرتا ہے کہ کوئی مشکل میں ہو سکتا ہے۔ جب بھی ضرورت ہو، وقفہ لے لیں۔",
        "There is no single sign that someone is thinking about suicide, and some people show few signs at "
        "all. Often it is a change in the person that you notice first.":
            "کوئی ایک علامت ایسی نہیں جس سے پتا چلے کہ کوئی خودکشی کے بارے میں سوچ رہا ہے، اور کچھ لوگوں میں "
            "بہت کم علامات نظر آتی ہیں۔ اکثر آپ سب سے پہلے اس شخص میں کوئی تبدیلی محسوس کرتے ہیں۔",
        "Things people might say": "لوگ کیا کہہ سکتے ہیں",
        "Feeling hopeless, trapped or that nothing will get better":
            "ناامیدی، پھنس جانے کا احساس، یا یہ کہ کچھ بھی بہتر نہیں ہوگا",
        "Feeling like a burden to others": "دوسروں پر بوجھ ہونے کا احساس",
        "Saying they cannot go on, or talking about wanting to disappear":
            "یہ کہنا کہ وہ مزید نہیں چل سکتے، یا غائب ہو جانے کی خواہش کی باتیں کرنا",
        "Changes you might notice": "تبدیلیاں جو آپ محسوس کر سکتے ہیں",
        "Withdrawing from friends, family or things they used to enjoy":
            "دوستوں، گھر والوں یا ان چیزوں سے دور ہو جانا جن سے وہ پہلے لطف اٹھاتے تھے",
        "Changes in sleep, appetite or how they look after themselves":
            "نیند، بھوک یا اپنا خیال رکھنے کے انداز میں تبدیلیاں",
        "Seeming unusually calm after a very difficult time":
            "بہت مشکل وقت کے بعد غیر معمولی طور پر پرسکون نظر آنا",
        "Putting affairs in order or giving things away":
            "اپنے معاملات سمیٹنا یا اپنی چیزیں دوسروں کو دے دینا",
        "Difficult times": "مشکل وقت",
        "Some experiences can make people more vulnerable: a bereavement, the end of a relationship, losing "
        "a job or home, money worries, exams, bullying, or a serious illness. Going through one of these "
        "does not mean someone is suicidal, but it is a good reason to check in.":
            "کچھ تجربات لوگوں کو زیادہ کمزور بنا سکتے ہیں: کسی عزیز کی وفات، کسی رشتے کا ختم ہونا، نوکری یا "
            "گھر چھن جانا، پیسوں کی فکر، امتحانات، دھونس یا کوئی سنگین بیماری۔ ان میں سے کسی سے گزرنے کا "
            "مطلب یہ نہیں کہ کوئی خودکشی کے بارے میں سوچ رہا ہے، لیکن یہ ان کا حال پوچھنے کی اچھی وجہ ہے۔",
        "Trust your instinct": "اپنے احساس پر بھروسہ کریں",
        "If something feels wrong, it is better to ask and be mistaken than not to ask.":
            "اگر کچھ ٹھیک نہ لگے تو پوچھ کر غلط ثابت ہونا نہ پوچھنے سے بہتر ہے۔",
        "Think of someone you see most days. What everyday changes might tell you they are having a hard "
        "time?":
            "کسی ایسے شخص کے بارے میں سوچیں جسے آپ تقریباً روز دیکھتے ہیں۔ کون سی روزمرہ تبدیلیاں آپ کو بتا "
            "سکتی ہیں کہ وہ مشکل وقت سے گزر رہے ہیں؟",
        "You do not need to write anything down.": "آپ کو کچھ لکھنے کی ضرورت نہیں۔",
        "Which of these could be a sign that someone is struggling?":
            "ان میں سے کون سی بات اس کی علامت ہو سکتی ہے کہ کوئی مشکل میں ہے؟",
        "Saying they feel like a burden": "یہ کہنا کہ وہ خود کو بوجھ محسوس کرتے ہیں",
        "Yes. This is a sign worth asking about.": "ہاں۔ یہ ایسی علامت ہے جس کے بارے میں پوچھنا چاہیے۔",
        "Withdrawing from people they are close to": "اپنے قریبی لوگوں سے دور ہو جانا",
        "Yes. A change like this is worth noticing.": "ہاں۔ ایسی تبدیلی پر دھیان دینا چاہیے۔",
        "Being busy with a new hobby they enjoy": "کسی نئے مشغلے میں مصروف ہونا جس سے وہ لطف اٹھاتے ہیں",
        "On its own this is not a warning sign.": "صرف یہ بات اپنے آپ میں کوئی انتباہی علامت نہیں۔",
        "Signs are often changes in what someone says or does. If you notice them, ask.":
            "علامات اکثر اس میں تبدیلیاں ہوتی ہیں جو کوئی کہتا یا کرتا ہے۔ اگر آپ انہیں محسوس کریں تو "
            "پوچھیں۔",
        # Module 3: Asking directly and listening
        "This module talks about asking someone whether they are thinking about suicide. You can take a "
        "break and come back to it.":
            "یہ ماڈیول اس بارے میں بات کرتا ہے کہ کسی سے کیسے پوچھیں کہ کیا وہ خودکشی کے بارے میں سوچ رہے "
            "ہیں۔ آپ وقفہ لے کر بعد میں واپس آ سکتے ہیں۔",
        "Choose a time and place": "وقت اور جگہ کا انتخاب کریں",
        "Find somewhere you will not be interrupted and where the person feels comfortable. Walking side by "
        "side or sitting together can make talking easier.":
            "کوئی ایسی جگہ تلاش کریں جہاں کوئی مداخلت نہ ہو اور جہاں وہ شخص آرام محسوس کرے۔ ساتھ ساتھ چلنا "
            "یا اکٹھے بیٹھنا بات کرنا آسان بنا سکتا ہے۔",
        "Ask directly": "براہِ راست پوچھیں",
        'Use clear words, in your own way. For example: <em>"Sometimes when people feel like you do, they '
        'think about suicide. Are you thinking about suicide?"</em>':
            'واضح الفاظ استعمال کریں، اپنے انداز میں۔ مثال کے طور پر: <em>"کبھی کبھی جب لوگ ایسا محسوس کرتے '
            "ہیں جیسا آپ کر رہے ہیں، تو وہ خودکشی کے بارے میں سوچتے ہیں۔ کیا آپ خودکشی کے بارے میں سوچ رہے "
            'ہیں؟"</em>',
        "A direct question is better than a vague one such as \"You're not going to do anything silly, are "
        'you?", which makes it harder to say yes.':
            'براہِ راست سوال کسی مبہم سوال سے بہتر ہے، جیسے "آپ کوئی بے وقوفی تو نہیں کرنے جا رہے، ہے نا؟"، '
            'جس سے "ہاں" کہنا مشکل ہو جاتا ہے۔',
        "Listen": "سنیں",
        "Give them time; silence is fine": "انہیں وقت دیں؛ خاموشی میں کوئی حرج نہیں",
        'Ask open questions such as "How are you feeling about things?"':
            'کھلے سوالات پوچھیں، جیسے "آپ حالات کے بارے میں کیسا محسوس کر رہے ہیں؟"',
        "Repeat back what you have heard, so they know you understand":
            "جو آپ نے سنا اسے دہرائیں، تاکہ انہیں معلوم ہو کہ آپ سمجھ رہے ہیں",
        "Do not judge, argue or rush to solve the problem":
            "فیصلہ نہ کریں، بحث نہ کریں اور مسئلہ حل کرنے میں جلدی نہ کریں",
        "Thank them for telling you": "بتانے پر ان کا شکریہ ادا کریں",
        "If a life is at risk right now": "اگر اس وقت کسی کی جان خطرے میں ہو",
        "If someone has seriously harmed themselves, or you think their life is in immediate danger, call "
        "999. Stay with them if it is safe to do so.":
            "اگر کسی نے خود کو شدید نقصان پہنچایا ہو، یا آپ کو لگے کہ اس کی جان فوری خطرے میں ہے، تو 999 پر "
            "کال کریں۔ اگر ایسا کرنا محفوظ ہو تو ان کے ساتھ رہیں۔",
        'How would you put the question "Are you thinking about suicide?" in your own words?':
            'آپ یہ سوال "کیا آپ خودکشی کے بارے میں سوچ رہے ہیں؟" اپنے الفاظ میں کیسے پوچھیں گے؟',
        "Saying it out loud to yourself can make it easier to ask for real.":
            "اسے اپنے آپ سے اونچی آواز میں کہنا اصل میں پوچھنا آسان بنا سکتا ہے۔",
        "Which is the most helpful way to ask?": "پوچھنے کا سب سے مددگار طریقہ کون سا ہے؟",
        '"Are you thinking about suicide?"': '"کیا آپ خودکشی کے بارے میں سوچ رہے ہیں؟"',
        "Right. Clear and direct words make it easier for someone to answer honestly.":
            "درست۔ واضح اور براہِ راست الفاظ کسی کے لیے ایمانداری سے جواب دینا آسان بناتے ہیں۔",
        "\"You're not going to do anything silly, are you?\"":
            '"آپ کوئی بے وقوفی تو نہیں کرنے جا رہے، ہے نا؟"',
        "This suggests the answer you want to hear, so it is harder to say yes.":
            'اس سے وہ جواب جھلکتا ہے جو آپ سننا چاہتے ہیں، اس لیے "ہاں" کہنا مشکل ہو جاتا ہے۔',
        "Asking in plain words shows you are ready to hear the answer.":
            "سادہ الفاظ میں پوچھنا ظاہر کرتا ہے کہ آپ جواب سننے کے لیے تیار ہیں۔",
        # Module 4: Helping someone find support
        "When someone has told you how they feel, help them think about who could support them. Ask what has "
        "helped before, and who they trust.":
            "جب کوئی آپ کو بتا دے کہ وہ کیسا محسوس کرتا ہے، تو یہ سوچنے میں اس کی مدد کریں کہ کون اس کا "
            "سہارا بن سکتا ہے۔ پوچھیں کہ پہلے کس چیز سے مدد ملی تھی، اور وہ کس پر بھروسہ کرتے ہیں۔",
        "Where support is": "مدد کہاں ملتی ہے",
        "Their GP, who can talk through options for support":
            "ان کا GP (فیملی ڈاکٹر)، جو مدد کے مختلف راستوں پر بات کر سکتا ہے",
        "NHS 111, option 2, for urgent mental health help, any time":
            "NHS 111، آپشن 2، ذہنی صحت کی فوری مدد کے لیے، کسی بھی وقت (انگریزی میں)",
        "Samaritans and Shout, to talk or text at any time":
            "Samaritans اور Shout، کسی بھی وقت بات کرنے یا ٹیکسٹ کرنے کے لیے (انگریزی میں)",
        "999, or A&amp;E, if a life is at risk right now":
            "999، یا A&amp;E (ہسپتال کا ایمرجنسی شعبہ)، اگر اس وقت کسی کی جان خطرے میں ہو",
        "Free support, day and night": "مفت مدد، دن رات",
        "Make it easier to take the next step": "اگلا قدم اٹھانا آسان بنائیں",
        "Offer to help them make a call, or sit with them while they do. Agree what happens next, and check "
        "in with them again later.":
            "کال کرنے میں ان کی مدد کی پیشکش کریں، یا جب وہ کال کریں تو ان کے ساتھ بیٹھیں۔ طے کریں کہ آگے "
            "کیا ہوگا، اور بعد میں دوبارہ ان کا حال پوچھیں۔",
        "Look after yourself too": "اپنا بھی خیال رکھیں",
        "Supporting someone can be hard. Talk to someone you trust afterwards, and remember that Samaritans "
        "are there for you as well.":
            "کسی کا سہارا بننا مشکل ہو سکتا ہے۔ بعد میں کسی ایسے شخص سے بات کریں جس پر آپ بھروسہ کرتے ہیں، "
            "اور یاد رکھیں کہ Samaritans آپ کے لیے بھی موجود ہیں (انگریزی میں)۔",
        "Someone tells you they are thinking about suicide and you believe their life is in immediate "
        "danger. What should you do?":
            "کوئی آپ کو بتاتا ہے کہ وہ خودکشی کے بارے میں سوچ رہا ہے اور آپ کو یقین ہے کہ اس کی جان فوری "
            "خطرے میں ہے۔ آپ کو کیا کرنا چاہیے؟",
        "Call 999 and stay with them if it is safe": "999 پر کال کریں اور اگر محفوظ ہو تو ان کے ساتھ رہیں",
        "Right. In an emergency, call 999.": "درست۔ ہنگامی صورتِ حال میں 999 پر کال کریں۔",
        "Promise to keep it secret and check in tomorrow": "اسے راز رکھنے کا وعدہ کریں اور کل حال پوچھ لیں",
        "When a life is at risk, get emergency help straight away.":
            "جب کسی کی جان خطرے میں ہو تو فوراً ہنگامی مدد حاصل کریں۔",
        "For urgent help that is not an emergency, NHS 111 option 2 is there day and night.":
            "ایسی فوری مدد کے لیے جو ہنگامی صورتِ حال نہ ہو، NHS 111 آپشن 2 دن رات موجود ہے (انگریزی میں)۔",
        # Module 5: Check your learning (the assessment)
        "Five questions about what you have learned, drawn from a larger set, so each attempt may ask "
        "different ones. You need 4 out of 5 to pass, and you can try again as many times as you like.":
            "آپ نے جو سیکھا اس کے بارے میں پانچ سوالات، جو ایک بڑے مجموعے سے لیے گئے ہیں، اس لیے ہر کوشش میں "
            "مختلف سوالات آ سکتے ہیں۔ کامیابی کے لیے 5 میں سے 4 درست جواب ضروری ہیں، اور آپ جتنی بار چاہیں "
            "دوبارہ کوشش کر سکتے ہیں۔",
        "Is it safe to ask someone directly if they are thinking about suicide?":
            "کیا کسی سے براہِ راست پوچھنا محفوظ ہے کہ کیا وہ خودکشی کے بارے میں سوچ رہے ہیں؟",
        "Yes: it shows you care and makes it easier to talk":
            "ہاں: اس سے ظاہر ہوتا ہے کہ آپ کو پروا ہے اور بات کرنا آسان ہو جاتا ہے",
        "Right.": "درست۔",
        "No: it might put the idea in their head": "نہیں: اس سے ان کے ذہن میں یہ خیال آ سکتا ہے",
        "Asking directly does not put the idea in someone's head.":
            "براہِ راست پوچھنا کسی کے ذہن میں یہ خیال نہیں ڈالتا۔",
        "Asking directly and calmly is one of the most helpful things you can do.":
            "براہِ راست اور سکون سے پوچھنا سب سے زیادہ مددگار کاموں میں سے ایک ہے۔",
        "Which of these could be signs that someone is struggling?":
            "ان میں سے کون سی باتیں اس کی علامات ہو سکتی ہیں کہ کوئی مشکل میں ہے؟",
        "Talking about feeling trapped or hopeless": "پھنس جانے یا ناامیدی کے احساس کی باتیں کرنا",
        "Yes.": "ہاں۔",
        "Withdrawing from friends and family": "دوستوں اور گھر والوں سے دور ہو جانا",
        "Starting a new job they are excited about": "ایسی نئی نوکری شروع کرنا جس کے بارے میں وہ پرجوش ہیں",
        "On its own, this is not a warning sign.": "صرف یہ بات اپنے آپ میں کوئی انتباہی علامت نہیں۔",
        "Often it is a change in what someone says or does that you notice first.":
            "اکثر آپ سب سے پہلے اس میں تبدیلی محسوس کرتے ہیں جو کوئی کہتا یا کرتا ہے۔",
        "What helps most when someone starts to talk to you?":
            "جب کوئی آپ سے بات کرنا شروع کرے تو سب سے زیادہ کیا مدد دیتا ہے؟",
        "Listening without judging, and giving them time": "فیصلہ کیے بغیر سننا، اور انہیں وقت دینا",
        "Telling them others have it worse": "انہیں یہ بتانا کہ دوسروں کے حالات اس سے بھی برے ہیں",
        "This can make someone feel unheard.": "اس سے کسی کو لگ سکتا ہے کہ اس کی بات سنی نہیں جا رہی۔",
        "Changing the subject to cheer them up": "ان کا دل بہلانے کے لیے موضوع بدل دینا",
        "This can stop them from saying more.": "اس سے وہ مزید کچھ کہنے سے رک سکتے ہیں۔",
        "Listening, without rushing to fix things, helps someone feel heard.":
            "معاملات ٹھیک کرنے کی جلدی کیے بغیر سننا کسی کو یہ احساس دلاتا ہے کہ اس کی بات سنی گئی۔",
        "Where can someone get urgent mental health help by phone, day or night?":
            "کوئی دن یا رات، فون پر ذہنی صحت کی فوری مدد کہاں سے حاصل کر سکتا ہے؟",
        "NHS 111, option 2": "NHS 111، آپشن 2",
        "Only their GP, during opening hours": "صرف ان کا GP، کھلنے کے اوقات میں",
        "GPs help, but NHS 111 option 2 is there at any time.":
            "GP مدد کرتے ہیں، لیکن NHS 111 آپشن 2 کسی بھی وقت موجود ہے (انگریزی میں)۔",
        "Samaritans (116 123) and Shout (text 85258) are also there at any time.":
            "Samaritans (116 123) اور Shout (85258 پر ٹیکسٹ) بھی کسی بھی وقت موجود ہیں (انگریزی میں)۔",
        "What should you do if you believe someone's life is in immediate danger?":
            "اگر آپ کو یقین ہو کہ کسی کی جان فوری خطرے میں ہے تو آپ کو کیا کرنا چاہیے؟",
        "Call 999": "999 پر کال کریں",
        "Wait until you have more information": "مزید معلومات ملنے تک انتظار کریں",
        "In an emergency, do not wait: call 999.": "ہنگامی صورتِ حال میں انتظار نہ کریں: 999 پر کال کریں۔",
        "Stay with the person if it is safe to do so.": "اگر ایسا کرنا محفوظ ہو تو اس شخص کے ساتھ رہیں۔",
        "Someone tells you they have been thinking about ending their life. What is a helpful first thing to "
        "say?":
            "کوئی آپ کو بتاتا ہے کہ وہ اپنی زندگی ختم کرنے کے بارے میں سوچتا رہا ہے۔ سب سے پہلے کیا کہنا "
            "مددگار ہوگا؟",
        "Thank you for telling me. I am here and I want to listen":
            "مجھے بتانے کا شکریہ۔ میں یہاں ہوں اور آپ کی بات سننا چاہتا ہوں",
        "You have so much to live for": "آپ کے پاس جینے کے لیے بہت کچھ ہے",
        "Let's talk about something else": "چلیں کسی اور چیز کے بارے میں بات کرتے ہیں",
        "Thanking someone for telling you, and showing you want to listen, helps them keep talking.":
            "بتانے پر کسی کا شکریہ ادا کرنا، اور یہ ظاہر کرنا کہ آپ سننا چاہتے ہیں، اسے بات جاری رکھنے میں "
            "مدد دیتا ہے۔",
        "How can you help someone who is struggling to find support?":
            "آپ کسی مشکل میں مبتلا شخص کو مدد تلاش کرنے میں کیسے مدد دے سکتے ہیں؟",
        "Offer to help them contact a helpline or their GP":
            "کسی ہیلپ لائن یا ان کے GP سے رابطہ کرنے میں مدد کی پیشکش کریں",
        "This helps, and so do the others.": "اس سے مدد ملتی ہے، اور باقی باتوں سے بھی۔",
        "Ask what support they already have around them":
            "پوچھیں کہ ان کے آس پاس پہلے سے کون سی مدد موجود ہے",
        "Agree together on a next step you can check in about":
            "مل کر اگلا قدم طے کریں جس کے بارے میں آپ بعد میں حال پوچھ سکیں",
        "All of these": "یہ سب",
        "Right: each of these can help.": "درست: ان میں سے ہر ایک مدد دے سکتا ہے۔",
        "Making a plan together, and checking in afterwards, helps someone feel less alone.":
            "مل کر منصوبہ بنانا، اور بعد میں حال پوچھنا، کسی کو کم تنہا محسوس کرنے میں مدد دیتا ہے۔",
        "After a difficult conversation, what is a good way to look after yourself?":
            "کسی مشکل گفتگو کے بعد اپنا خیال رکھنے کا اچھا طریقہ کیا ہے؟",
        "Talk to someone you trust, or call Samaritans on 116 123":
            "کسی ایسے شخص سے بات کریں جس پر آپ بھروسہ کرتے ہیں، یا Samaritans کو 116 123 پر کال کریں "
            "(انگریزی میں)",
        "Keep it to yourself and carry on": "اسے اپنے تک رکھیں اور معمول کے مطابق چلتے رہیں",
        "You deserve support too.": "آپ بھی مدد کے حق دار ہیں۔",
        "Supporting someone can be hard. It is fine to ask for support yourself.":
            "کسی کا سہارا بننا مشکل ہو سکتا ہے۔ خود مدد مانگنے میں کوئی حرج نہیں۔",
    },
}
