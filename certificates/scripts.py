"""Which script a name is written in, the language to tag it with, and what the fonts can print.

A learner's name has a language of its own, which is not always the language of the certificate:
"王小明" on an English certificate is tagged Chinese so that screen readers and fonts treat it as
such. We cannot know a name's language for sure, so the tag is the certificate's language when
the name is written in that language's script, and otherwise the most likely language for the
script (CLDR's "likely subtags": Hebrew script -> he, Hangul -> ko, and so on).

Characters that no installed font can draw are left out of the printed name (never a box); the
name's text layer still carries every character (see `pdf_structure`).
"""

from __future__ import annotations

import bisect
import logging
import shutil
import subprocess
import unicodedata
from functools import lru_cache

logger = logging.getLogger(__name__)

# First word of the Unicode character name -> (ISO 15924 script, likely language for it).
_SCRIPTS = {
    "LATIN": ("Latn", "en"),
    "GREEK": ("Grek", "el"),
    "CYRILLIC": ("Cyrl", "ru"),
    "ARMENIAN": ("Armn", "hy"),
    "GEORGIAN": ("Geor", "ka"),
    "HEBREW": ("Hebr", "he"),
    "ARABIC": ("Arab", "ar"),
    "SYRIAC": ("Syrc", "syr"),
    "THAANA": ("Thaa", "dv"),
    "DEVANAGARI": ("Deva", "hi"),
    "BENGALI": ("Beng", "bn"),
    "GURMUKHI": ("Guru", "pa"),
    "GUJARATI": ("Gujr", "gu"),
    "ORIYA": ("Orya", "or"),
    "TAMIL": ("Taml", "ta"),
    "TELUGU": ("Telu", "te"),
    "KANNADA": ("Knda", "kn"),
    "MALAYALAM": ("Mlym", "ml"),
    "SINHALA": ("Sinh", "si"),
    "THAI": ("Thai", "th"),
    "LAO": ("Laoo", "lo"),
    "TIBETAN": ("Tibt", "bo"),
    "MYANMAR": ("Mymr", "my"),
    "KHMER": ("Khmr", "km"),
    "ETHIOPIC": ("Ethi", "am"),
    "HANGUL": ("Hang", "ko"),
    "HIRAGANA": ("Jpan", "ja"),
    "KATAKANA": ("Jpan", "ja"),
    "CJK": ("Hani", "zh"),
}
# The script each language the platform can be offered in is written in.
_LANGUAGE_SCRIPTS = {
    "en": "Latn", "pl": "Latn", "ro": "Latn", "es": "Latn", "pt": "Latn", "tr": "Latn",
    "bn": "Beng", "ar": "Arab", "ur": "Arab", "fa": "Arab", "he": "Hebr",
}  # fmt: skip

# The fonts certificates print with, in fallback order (fontconfig family names). Every script of
# every language in lms/languages.py is covered; the stylesheet lists the same families.
FONT_FAMILIES = (
    "Noto Sans",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Nastaliq Urdu",
    "Noto Sans Bengali",
    "Noto Sans Devanagari",
    "Noto Sans Gujarati",
    "Noto Sans Gurmukhi",
    "Noto Sans Tamil",
    "Noto Sans Ethiopic",
    "Noto Sans Thai",
    "Noto Sans CJK SC",
    "Noto Color Emoji",  # only for emoji runs (`emoji_runs`); see the stylesheet
    "DejaVu Sans",  # Debian's sans-serif: symbols the Noto families lack
)


def script_of(char: str) -> str | None:
    """The ISO 15924 code of a letter's script, or None for marks, digits, spaces and symbols."""
    if not unicodedata.category(char).startswith("L"):
        return None
    word = unicodedata.name(char, "").split(" ", 1)[0]
    entry = _SCRIPTS.get(word)
    return entry[0] if entry else "Zyyy"


def name_language(name: str, *, certificate_language: str) -> str:
    """The BCP 47 tag to give a printed name (see the module docstring)."""
    scripts = [s for s in map(script_of, name) if s]
    if not scripts:
        return certificate_language
    if "Jpan" in scripts:  # kana anywhere: Japanese, even when it also has kanji
        script = "Jpan"
    elif "Hang" in scripts:
        script = "Hang"
    else:
        script = scripts[0]
    if _LANGUAGE_SCRIPTS.get(certificate_language.split("-")[0]) == script:
        return certificate_language
    for _word, (code, language) in _SCRIPTS.items():
        if code == script:
            return language
    return "und"


@lru_cache(maxsize=1)
def _printable_ranges() -> tuple[tuple[int, int], ...] | None:
    """Code point ranges covered by the certificate fonts (from fontconfig), or None if unknown."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        logger.warning("fc-match not found: certificates cannot leave out characters no font has")
        return None
    ranges = []
    for family in FONT_FAMILIES:
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [fc_match, "--format=%{family[0]}\t%{charset}", family],
            capture_output=True, text=True, check=False, timeout=10,
        )  # fmt: skip
        found, _, charset = result.stdout.partition("\t")
        if found != family:
            logger.warning("Certificate font %r is not installed (fontconfig gave %r)", family, found)
            continue
        for part in charset.split():
            start, _, end = part.partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged) or None


def _covered(code_point: int, ranges) -> bool:
    index = bisect.bisect_right(ranges, (code_point, 0x10FFFF)) - 1
    return index >= 0 and ranges[index][0] <= code_point <= ranges[index][1]


def printable(text: str) -> str:
    """`text` without the characters no certificate font can draw (they would print as boxes).
    Spaces, joiners and variation selectors stay: they change how their neighbours are drawn."""
    ranges = _printable_ranges()
    if ranges is None:
        return text
    kept = [
        char
        for char in text
        if char.isspace() or unicodedata.category(char) in ("Cf", "Cc") or _covered(ord(char), ranges)
        or 0xFE00 <= ord(char) <= 0xFE0F
    ]  # fmt: skip
    return "".join(kept).strip() if len(kept) != len(text) else text


def missing_font_families() -> list[str]:
    """The certificate font families fontconfig does not find (empty when all are installed)."""
    missing = []
    fc_match = shutil.which("fc-match")
    for family in FONT_FAMILIES:
        if fc_match is None:
            return list(FONT_FAMILIES)
        found = subprocess.run(  # noqa: S603
            [fc_match, "--format=%{family[0]}", family], capture_output=True, text=True, check=False
        ).stdout
        if found != family:
            missing.append(family)
    return missing


# Emoji and pictographs, dingbats and miscellaneous symbols, arrows and symbols (Unicode blocks).
_EMOJI_BLOCKS = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF))


def _is_emoji(char: str) -> bool:
    code_point = ord(char)
    return any(start <= code_point <= end for start, end in _EMOJI_BLOCKS)


def _joins_emoji(char: str) -> bool:
    """Zero-width joiner, variation selectors, keycap and tag characters inside an emoji sequence."""
    code_point = ord(char)
    return code_point in (0x200D, 0x20E3) or 0xFE00 <= code_point <= 0xFE0F or (
        0xE0020 <= code_point <= 0xE007F
    )


def emoji_runs(text: str) -> list[tuple[str, bool]]:
    """`text` split into runs of emoji and of other text: [(run, is_emoji)]. Emoji are set in the
    colour emoji font alone, so digits and spaces never fall to it (they would print as emoji)."""
    runs: list[list] = []
    for char in text:
        emoji = _is_emoji(char) or (_joins_emoji(char) and bool(runs) and runs[-1][1])
        if runs and runs[-1][1] == emoji:
            runs[-1][0] += char
        else:
            runs.append([char, emoji])
    return [(run, emoji) for run, emoji in runs]
