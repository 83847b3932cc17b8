"""Statistics: Chinese number notation normalised, units made explicit, ranges and country counts skipped."""

from __future__ import annotations

from decimal import Decimal

from evaluation import extracted
from gcm_graph.extract.statistics import find_statistics


def stats(text: str) -> list[tuple[Decimal, str, int | None]]:
    return [(s.value, s.unit, s.year) for s in find_statistics("u", text)]


def test_money_with_spaced_thousands_and_yi() -> None:
    assert stats("2020 年，官方记录的对中低收入国家的汇款共计 5 490 亿美元。") == [
        (Decimal("549000000000"), "USD", 2020)]


def test_persons_percent_and_comparison_year() -> None:
    assert stats("2020 年，葡萄牙向超过 350 000 名移民授予临时居留身份，仅比 2019 年下降 1.7%。") == [
        (Decimal("350000"), "person", 2020), (Decimal("1.7"), "percent", 2020)]


def test_bare_magnitude_of_people() -> None:
    assert stats("在出生国或国籍国以外生活的人数大幅增长，2020 年达到 2.81 亿。") == [
        (Decimal("281000000"), "person", 2020)]


def test_ranges_years_and_country_counts_are_not_statistics() -> None:
    assert stats("2020年，可能有8300万至1.32亿人陷入长期饥饿；超过 125 个国家；第 109 届；2019 年。") == []


def test_monetary_statistics_carry_a_currency_on_the_seeds() -> None:
    facts, _ = extracted()["A/76/642"]
    money = [s for s in facts.statistics if s.unit == "USD"]
    assert money and all(s.currency == "USD" for s in money)
    assert Decimal("30000000") in {s.value for s in money}


def test_one_in_so_many_is_one_ratio_not_two_counts() -> None:
    # issue 4: "每 66 名…中就有 1 名" was read as 66 persons and 1 person
    assert stats("即全球每 66 名 18 岁以下儿童中就有 1 名。") == [(Decimal("0.015152"), "ratio", None)]
    assert stats("2021 年，每 5 名移民工人中有 2 名是妇女。") == [(Decimal("0.4"), "ratio", 2021)]
    assert stats("调查显示，每 10 人中就有 3 人曾向家乡汇款。") == [(Decimal("0.3"), "ratio", None)]
    assert stats("每 4 位返回者中便有 1 位失业，共 3 000 名。") == [
        (Decimal("0.25"), "ratio", None), (Decimal("3000"), "person", None)]


def test_a_bare_magnitude_counts_the_people_named_after_it() -> None:
    # issue 4: "2 490 万从事强迫劳动的人" named its people only after the number
    assert stats("全世界 2 490 万从事强迫劳动的人中 23% 是国际移民。") == [
        (Decimal("24900000"), "person", None), (Decimal("23"), "percent", None)]
    assert stats("2019 年，约 120 万流离失所的儿童需要援助。") == [(Decimal("1200000"), "person", 2019)]
    assert stats("估计有 1.5 亿在国外工作的劳工。") == [(Decimal("150000000"), "person", None)]
    assert stats("该基金共筹得 300 万，用于保护移民的人权。") == []  # rights, not people
    assert stats("为在海外的 900 多万印度尼西亚移民工人提供服务。") == [(Decimal("9000000"), "person", None)]
    assert stats("约旦收容了 65 万叙利亚难民。") == [(Decimal("650000"), "person", None)]
    assert stats("该国拨款 5 亿用于移民服务。") == []  # money for migrants, not migrants
