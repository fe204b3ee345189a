"""No template shows words that are not marked for translation: text outside {% translate %} /
{% blocktranslate %}, or in the attributes people hear or read (aria-label, alt, title,
placeholder), fails here with the file and the words."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
HEARD_ATTRIBUTES = re.compile(r'\b(aria-label|alt|title|placeholder)="([^"]*)"')


def unmarked_text(source: str) -> list[str]:
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", source, flags=re.S)
    text = re.sub(r"{#.*?#}", "", text, flags=re.S)
    text = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", "", text, flags=re.S)
    text = re.sub(r"{%\s*block body_class\s*%}.*?{%\s*endblock\s*%}", "", text, flags=re.S)
    text = re.sub(r"<(style|script)\b.*?</\1>", "", text, flags=re.S)
    found = []
    for match in HEARD_ATTRIBUTES.finditer(text):
        value = re.sub(r"{%.*?%}|{{.*?}}", "", match.group(2))
        if re.search(r"[A-Za-z]{2,}", value):
            found.append(match.group(0))
    text = re.sub(r"{%.*?%}|{{.*?}}", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    found += [line.strip() for line in text.splitlines() if re.search(r"[A-Za-z]{2,}", line)]
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for p in TEMPLATES.rglob("*") if p.suffix in (".html", ".txt")),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_every_word_in_the_template_is_marked_for_translation(path):
    assert unmarked_text(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_unmarked_words():
    assert unmarked_text("<p>Hello</p>") == ["Hello"]
    assert unmarked_text('<img alt="A calm room" src="x.png">') == ['alt="A calm room"']
    marked = '{% load i18n %}<p>{% translate "Hello" %}</p><a aria-label="{% translate \'Menu\' %}">'
    assert unmarked_text(marked) == []
    assert unmarked_text("{% blocktranslate trimmed %}Hi {{ name }}{% endblocktranslate %}") == []
