"""Chinese numerals (chapter numbers, session numbers) to integers, and integers to Roman numerals.

UN Chinese documents number chapters 一, 二 … and sessions 第七十六届; IRIs use the Roman numerals of the
English originals ("II.A"), so both conversions are needed and neither may fail on odd input.
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_to_int(text: str) -> int | None:
    """The value of a Chinese numeral below 10 000, or None when ``text`` is not one.

    >>> [chinese_to_int(t) for t in ("七十六", "十二", "二十", "一百零五", "3", "十十")]
    [76, 12, 20, 105, 3, None]
    """
    if text.isascii() and text.isdigit():
        return int(text)
    if not text:
        return None
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in "零〇" and total:
            continue
        if char in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def to_roman(number: int) -> str:
    """Roman numeral of a positive integer (decimal digits for anything else, so a path is never empty).

    >>> [to_roman(n) for n in (1, 4, 14, 2021, 0)]
    ['I', 'IV', 'XIV', 'MMXXI', '0']
    """
    if number <= 0:
        return str(number)
    parts = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)
