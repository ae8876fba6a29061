"""Readable English labels for the record's codes (spec/record.md, spec/taxonomy.md), for people:
tables, titles and pages show these; exports keep the codes."""

from __future__ import annotations

INSTRUMENTS = {
    "memorandum_of_understanding": "memorandum of understanding", "joint_declaration": "joint declaration",
    "agreement": "agreement", "treaty": "treaty", "letter_of_intent": "letter of intent",
    "protocol": "protocol", "other": "other instrument",
}

# For narrow tables (a terminal of 80 columns): words that are never cut in the middle.
INSTRUMENTS_SHORT = {
    "memorandum_of_understanding": "MoU", "joint_declaration": "joint decl.", "agreement": "agreement",
    "treaty": "treaty", "letter_of_intent": "LoI", "protocol": "protocol", "other": "other",
}

DOMAINS = {
    "artificial_intelligence": "artificial intelligence", "diplomacy": "diplomacy", "digital_ict": "digital & ICT",
    "cybersecurity": "cybersecurity", "space": "space", "energy": "energy",
    "defence_security": "defence & security", "trade_investment": "trade & investment", "finance": "finance",
    "transport": "transport", "health": "health", "education": "education",
    "science_research": "science & research", "agriculture_water": "agriculture & water",
    "environment_climate": "environment & climate", "culture_tourism": "culture & tourism", "other": "other",
}


def instrument(code: str | None) -> str:
    return INSTRUMENTS.get(code or "", code or "—")


def instrument_short(code: str | None) -> str:
    return INSTRUMENTS_SHORT.get(code or "", code or "—")


def domain(code: str) -> str:
    return DOMAINS.get(code, code.replace("_", " "))
