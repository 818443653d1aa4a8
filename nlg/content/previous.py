"""The previous month's figures as the previous draft printed them (issue 18 item 6).

A month-over-month phrase quotes the previous report in its own words: "down from nearly
8,500 in October", never the raw 8,493 that report never printed. The previous draft's plan
holds the quantity (shown figure and hedge) and the variant of every fact it narrated; a fact
it did not narrate gets the quantity the previous report's own style would have given it.
Decided here once, so every language quotes the same figure with the same hedge.
"""
from __future__ import annotations

from nlg.config.report import ReportConfig
from nlg.content.facts import ContentPlan, Facts, Printed
from nlg.content.plan import decide_quantity
from nlg.phrasebank.bank import Phrasebank


def printed(plan: ContentPlan, facts: Facts, config: ReportConfig,
            bank: Phrasebank) -> dict[str, Printed]:
    """Return, per fact key, the previous report's figure as that report printed (or would print) it."""
    out = {f.key: Printed(decide_quantity(f, config, bank)) for f in facts.facts}
    for sector in plan.sectors:
        for bullet in sector.bullets:
            for msg in bullet.messages:
                out[msg.fact] = Printed(msg.quantity, msg.variant)
    return out
