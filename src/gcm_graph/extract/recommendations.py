"""Recommendations: sentences that urge or encourage named addressees ("敦促各国…", "鼓励各国、联合国系统和
利益攸关方…", "我敦促会员国…", "在国家一级，我呼吁会员国…", "本报告呼吁各国…"). Addressees are the
groups and entities named between the verb and the action; objectives come from the same evidence rules
as practices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import UnitText
from .model import Mention, ObjectiveAssignment, Recommendation
from .objectives import choose

#: the call opens the sentence, or follows its speaker (我, 本报告) after a setting ("在国家一级，我呼吁…")
OPENING = re.compile(
    r"(?:^|(?<=[。；;]))\s*(?:(?:[^。；;]{0,40}?，)?(?:我|本报告)(?:还|也)?|(?:此外，|另外，)?)"
    r"(敦促|鼓励|促请|吁请|呼吁)"
)
SENTENCE_END = re.compile(r"[。；;]")
ADDRESSEE_KINDS = ("group", "country", "organization", "local")
_ADDRESSEE_SPAN = 24
VERB_RULE = {"敦促": "urge", "鼓励": "encourage", "促请": "call-upon", "吁请": "call-upon", "呼吁": "call"}


def find_recommendations(unit: UnitText, mentions: Sequence[Mention]) -> list[Recommendation]:
    found = []
    for opening in OPENING.finditer(unit.text):
        start = opening.start(1)
        stop = SENTENCE_END.search(unit.text, start)
        end = stop.start() if stop else len(unit.text)
        head_end = min(end, opening.end() + _ADDRESSEE_SPAN)
        addressees = tuple(dict.fromkeys(
            mention.entity for mention in mentions
            if mention.kind in ADDRESSEE_KINDS and opening.end() <= mention.start < head_end
            and mention.rule != "mention-lexicon-nested"
        ))
        if not addressees:
            continue
        evidence = unit.text[start:end]
        choices = choose(evidence, evidence, unit.text, unit.headings)
        objectives = tuple(
            ObjectiveAssignment(unit.iri, start, end, choice.confidence, choice.rule,
                                objective=choice.objective)
            for choice in choices
        )
        rule = f"recommendation-{VERB_RULE[opening.group(1)]}"
        found.append(Recommendation(unit.iri, start, end, 0.85, rule, addressees=addressees,
                                    objectives=objectives, description=evidence.strip()))
    return found
