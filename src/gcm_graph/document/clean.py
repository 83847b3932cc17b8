"""Line-level debris: what PDF/Word-to-Markdown conversion left in the text, and footnote citations.

Removed: bold ``**``, HTML tags such as ``<b>``, Word's ``错误!超链接引用无效。``. Unwrapped, with the target
kept as a :class:`.model.Link`: ``[E/2021/58](#)``, ``<a href="u">t</a>``, ``<https://…>``; bare URLs
stay in the text and are recorded as links too. Citation markers (``。¹ 各国``, ``^a``, ``<sup>1</sup>``)
are removed and recorded as footnote references at the position where they stood.
"""

from __future__ import annotations

import re

from .markers import footnote_label
from .text import TextBuilder, is_wide

_DEBRIS = re.compile(
    r"(?P<error>(?:\*\*)?错误[!！][ \t]*超链接引用无效[。.]?(?:\*\*)?)"
    r"|(?P<marker>(?P<ref>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^[a-z]{1,2}(?![A-Za-z])|<sup>[ \t]*[0-9A-Za-z]{1,3}[ \t]*</sup>)"
    r"(?P<space>[ \t]?))"
    r"|(?P<drop>\*\*|</?(?:b|strong|i|em|u|sup|sub|span|br|p)\b[^<>]{0,200}>)"
    r"|(?P<anchor><a\s[^<>]{0,200}?href\s*=\s*\"(?P<a_url>[^\"]*)\"[^<>]{0,200}>(?P<a_text>[^<]{0,2000})</a\s*>)"
    r"|(?P<markdown>\[(?P<md_text>[^\[\]\n]{1,2000})\]\((?P<md_url>[^)\s]{0,2000})\))"
    r"|(?P<angle><(?P<angle_url>(?:https?|ftp)://[^<>\s]{1,2000})>)"
    r"|(?P<url>(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]{0,2000}[A-Za-z0-9/_\-=#%~&])"
)

# Where debris can start. Scanning for these first is ten times faster than running the whole
# alternation at every character (its branches start with groups, so the engine cannot skip ahead).
_TRIGGER = re.compile(r"[*<\[⁰¹²³⁴⁵⁶⁷⁸⁹^错]|https?://|www\.")


def link_target(url: str) -> str:
    """A URL as printed, made absolute when it was printed without a scheme.

    >>> link_target("www.unhcr.org/58526bb24")
    'http://www.unhcr.org/58526bb24'
    """
    return f"http://{url}" if url.startswith("www.") else url


def clean_into(builder: TextBuilder, source: str, start: int, end: int) -> None:
    """Append the clean text of ``source[start:end]`` (one line, or part of one) to ``builder``.

    >>> from .text import TextBuilder
    >>> builder = TextBuilder()
    >>> line = "见 [E/2021/58](#)。¹ **各国**<b>可</b>"
    >>> clean_into(builder, line, 0, len(line))
    >>> built = builder.build()
    >>> built.text, [(r.label, r.offset) for r in built.footnote_refs], [l.target for l in built.links]
    ('见 E/2021/58。各国可', [('1', 12)], ['E/2021/58'])
    """
    position = start
    for trigger in _TRIGGER.finditer(source, start, end):
        if trigger.start() < position or (match := _DEBRIS.match(source, trigger.start(), end)) is None:
            continue
        kind = match.lastgroup
        if kind == "url" and match.start() > 0 and source[match.start() - 1].isascii() \
                and source[match.start() - 1].isalnum():
            continue
        builder.take(source, position, match.start())
        position = match.end()
        if kind == "anchor":
            _take_link(builder, source, match, "a_text", match.group("a_url"))
        elif kind == "markdown":
            _take_link(builder, source, match, "md_text", match.group("md_url"))
        elif kind == "angle":
            _take_link(builder, source, match, "angle_url", match.group("angle_url"))
        elif kind == "url":
            _take_link(builder, source, match, "url", match.group("url"))
        elif kind == "marker":
            builder.ref(footnote_label(match.group("ref")))
            space = match.start("space")
            if match.group("space") and not is_wide(builder.last_char or "。") and space + 1 < end \
                    and not is_wide(source[space + 1]):
                position = space
    builder.take(source, position, end)


def _take_link(builder: TextBuilder, source: str, match: re.Match[str], group: str, url: str) -> None:
    text = match.group(group)
    if not text:
        return
    builder.take(source, match.start(group), match.end(group))
    builder.link(link_target(url) if url and url != "#" else text, text)
