"""Sample confidence-check statements for the sample courses.

SAMPLE CONTENT for demonstrating the platform: written by the platform team, not by the programme or
its evaluators, who write the real statements. Each is about confidence or knowledge in helping
someone else, never about the learner's own mental health. The Polish and Urdu versions are sample
translations that a qualified translator must review before any real use.
"""

STATEMENTS = [
    "I would feel confident asking someone directly whether they are thinking about suicide.",
    "I would know what to say to someone who tells me they are struggling.",
    "I know where to find urgent help for someone in London, day or night.",
    "I feel able to listen to someone without judging them.",
    "I know how to help someone contact a support service.",
]

TRANSLATIONS = {
    "pl": [
        "Mam pewność, że potrafię zapytać kogoś wprost, czy myśli o samobójstwie.",
        "Wiem, co powiedzieć komuś, kto mówi mi, że przeżywa trudności.",
        "Wiem, gdzie w Londynie znaleźć pilną pomoc dla kogoś, o każdej porze dnia i nocy.",
        "Potrafię wysłuchać kogoś bez oceniania.",
        "Wiem, jak pomóc komuś skontaktować się z organizacją wsparcia.",
    ],
    "ur": [
        "میں اعتماد کے ساتھ کسی سے براہِ راست پوچھ سکتا ہوں کہ کیا وہ خودکشی کے بارے میں سوچ رہے ہیں۔",
        "میں جانتا ہوں کہ جو شخص مجھے بتائے کہ وہ مشکل میں ہے، اس سے کیا کہنا ہے۔",
        "میں جانتا ہوں کہ لندن میں کسی کے لیے دن ہو یا رات، فوری مدد کہاں سے ملے گی۔",
        "میں کسی کی بات بغیر فیصلہ کیے سن سکتا ہوں۔",
        "میں جانتا ہوں کہ کسی کو مدد کی تنظیم سے رابطہ کرنے میں کیسے مدد دوں۔",
    ],
}
