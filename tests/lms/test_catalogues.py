"""The interface catalogues: every marked string is in them, every offered language's catalogue is
complete, and each compiles, with its committed .mo up to date (a fresh clone shows translations
without gettext installed). Needs GNU gettext (Debian `gettext`, installed by .ci/run)."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from lms.i18n.catalogues import nplurals, read_po

ROOT = Path(settings.BASE_DIR)
SOURCES = ["lms", "cms", "courses", "certificates", "schools", "templates"]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

needs_gettext = pytest.mark.skipif(
    not shutil.which("msgfmt") or not shutil.which("xgettext"),
    reason="GNU gettext not installed (Debian `gettext`)",
)


def catalogue(code):
    return ROOT / "locale" / code / "LC_MESSAGES" / "django.po"


def describe(keys, limit=15):
    shown = [f"[{ctx}] {msgid!r}" if ctx else repr(msgid) for ctx, msgid in sorted(keys, key=str)[:limit]]
    more = f" and {len(keys) - limit} more" if len(keys) > limit else ""
    return "; ".join(shown) + more


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids `makemessages` finds in the sources now, extracted from a copy of them so the
    committed catalogues are never touched."""
    tmp = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        shutil.copytree(
            ROOT / name, tmp / name, ignore=shutil.ignore_patterns("__pycache__", "migrations", "locale")
        )
    (tmp / "locale").mkdir()
    previous_paths, previous_cwd = settings.LOCALE_PATHS, Path.cwd()
    settings.LOCALE_PATHS = [str(tmp / "locale")]
    try:
        import os

        os.chdir(tmp)
        call_command("makemessages", locale=["pl"], keep_pot=True, no_location=True, verbosity=0)
    finally:
        os.chdir(previous_cwd)
        settings.LOCALE_PATHS = previous_paths
    _header, entries = read_po(tmp / "locale" / "django.pot")
    return {entry.key for entry in entries}


def test_every_offered_language_has_a_catalogue():
    assert LANGUAGES, "settings.LANGUAGES offers no language besides English"
    missing = [code for code in LANGUAGES if not catalogue(code).exists()]
    assert not missing, f"no locale/<lang>/LC_MESSAGES/django.po for: {', '.join(missing)}"


@needs_gettext
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_marked_string_is_in_the_catalogue_and_nothing_stale(extracted, code):
    _header, entries = read_po(catalogue(code))
    keys = {entry.key for entry in entries}
    missing, stale = extracted - keys, keys - extracted
    assert not missing, (
        f"{code}: strings marked for translation but not in the catalogue (run `make messages`, "
        f"then translate them): {describe(missing)}"
    )
    assert not stale, (
        f"{code}: catalogue entries no longer in the sources (run `make messages`): {describe(stale)}"
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_is_complete(code):
    header, entries = read_po(catalogue(code))
    forms = nplurals(header)
    assert forms, f"{code}: no Plural-Forms header"
    assert header.get("Language") == code
    untranslated = [e.key for e in entries if not e.translated]
    fuzzy = [e.key for e in entries if "fuzzy" in e.flags]
    wrong_plurals = [e.key for e in entries if e.msgid_plural is not None and len(e.msgstr_plural) != forms]
    assert not untranslated, f"{code}: untranslated: {describe(untranslated)}"
    assert not fuzzy, f"{code}: fuzzy (needs checking): {describe(fuzzy)}"
    assert not wrong_plurals, f"{code}: not {forms} plural forms: {describe(wrong_plurals)}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_says_how_it_was_produced(code):
    header, _entries = read_po(catalogue(code))
    assert "X-Translation-Status" in header, f"{code}: say whether a qualified translator reviewed it"


@needs_gettext
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_compiles_and_the_committed_mo_is_up_to_date(tmp_path, code):
    compiled = tmp_path / "django.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(catalogue(code))],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"{code}: msgfmt --check failed:\n{result.stderr}"
    committed = catalogue(code).with_suffix(".mo")
    assert committed.exists(), f"{code}: no compiled catalogue committed (run `make messages`)"
    with compiled.open("rb") as fresh, committed.open("rb") as stored:
        fresh_catalog = gettext.GNUTranslations(fresh)._catalog
        stored_catalog = gettext.GNUTranslations(stored)._catalog
    assert stored_catalog == fresh_catalog, f"{code}: django.mo is older than django.po (run `make messages`)"


def test_a_broken_catalogue_is_caught(tmp_path):
    """The checks above can fail: an untranslated entry, a fuzzy one and a missing plural form."""
    broken = tmp_path / "django.po"
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Plural-Forms: nplurals=3; plural=(n != 1);\\n"\n\n'
        'msgid "Sign in"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Courses"\nmsgstr "Kursy"\n\n'
        'msgid "%(n)s result"\nmsgid_plural "%(n)s results"\n'
        'msgstr[0] "%(n)s wynik"\nmsgstr[1] "%(n)s wyniki"\n',
        encoding="utf-8",
    )
    header, entries = read_po(broken)
    by_id = {e.msgid: e for e in entries}
    assert nplurals(header) == 3
    assert not by_id["Sign in"].translated
    assert "fuzzy" in by_id["Courses"].flags
    assert len(by_id["%(n)s result"].msgstr_plural) == 2
