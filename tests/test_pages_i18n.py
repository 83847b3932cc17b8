"""Interface strings (web/i18n.py): every key the templates ask for exists in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gcm_graph.web import i18n

TEMPLATES = Path(i18n.__file__).parent / "templates"
_CALL = re.compile(r"""\bt\(\s*['"]([\w-]+)['"]\s*\)""")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def keys_used() -> set[str]:
    texts = (path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html"))
    return {key for text in texts for key in _CALL.findall(text)}


def test_every_key_used_by_a_template_is_defined() -> None:
    used = keys_used()
    assert len(used) > 40
    assert used - set(i18n.STRINGS) == set()


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_each_string_exists_in_english_and_chinese(key: str) -> None:
    english, chinese = i18n.STRINGS[key]
    assert english.strip() and chinese.strip()
    assert not _CJK.search(english) or key == "search_placeholder"  # the example names 泰国 on purpose
    assert _CJK.search(chinese) or english == chinese  # "CSV", "JSON" stay as they are


def test_unknown_keys_fail_loudly() -> None:
    with pytest.raises(KeyError):
        i18n.translate("no-such-key", "en")
