"""The languages the platform can be offered in, and which of them it is offered in.

Which languages a deployment offers is configuration (the `LANGUAGES` environment variable, a
comma-separated list of codes; English first). Adding one means adding it to the environment,
a row in `KNOWN_LANGUAGES` if it is new here, and a `.po` catalogue under `locale/`: nothing else.

Names are autonyms (each language named in itself), as a language switcher shows them.
"""

# code -> (name in the language itself, text direction)
KNOWN_LANGUAGES = {
    "en-gb": ("English", "ltr"),
    "pl": ("Polski", "ltr"),
    "ro": ("Română", "ltr"),
    "es": ("Español", "ltr"),
    "pt": ("Português", "ltr"),
    "tr": ("Türkçe", "ltr"),
    "bn": ("বাংলা", "ltr"),
    "ar": ("العربية", "rtl"),
    "ur": ("اردو", "rtl"),
    "fa": ("فارسی", "rtl"),
    "he": ("עברית", "rtl"),
}

DEFAULT_LANGUAGES = "en-gb,pl,ro,es,bn,ar,ur"
RTL_LANGUAGES = {code for code, (_name, direction) in KNOWN_LANGUAGES.items() if direction == "rtl"}


def languages_from_codes(codes):
    """[(code, autonym)] for Django's LANGUAGES, in the order given; unknown codes are an error."""
    unknown = [code for code in codes if code not in KNOWN_LANGUAGES]
    if unknown:
        raise ValueError(f"unknown language code(s): {', '.join(unknown)}")
    if not codes or codes[0] != "en-gb":
        raise ValueError("the first language must be en-gb (the language courses are written in)")
    return [(code, KNOWN_LANGUAGES[code][0]) for code in codes]
