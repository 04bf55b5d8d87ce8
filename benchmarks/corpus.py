"""A deterministic corpus of news articles written for newslint's benchmarks.

Every sentence here was written for this project.  Articles are assembled
from templates with names, places and numbers drawn from a seeded random
generator, so the same seed always gives the same corpus.  A share of the
paragraphs carry the problems newslint looks for (glued words, double
spaces, courtesy titles, anonymous sources, misspellings), as real copy does.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = [
    "Helen",
    "Marcus",
    "Priya",
    "Tomas",
    "Ingrid",
    "Dana",
    "Kwame",
    "Lucia",
    "Rafael",
    "Mei",
    "Oskar",
    "Amara",
    "Declan",
    "Yusuf",
    "Noor",
    "Elena",
    "Jonah",
    "Sofia",
    "Tariq",
    "Hannah",
]
LAST = [
    "Okafor",
    "Delgado",
    "Ramaswamy",
    "Eriksen",
    "Solberg",
    "Whitfield",
    "Mensah",
    "Ferreira",
    "Castellanos",
    "Zhang",
    "Lindqvist",
    "Achebe",
    "Brennan",
    "Haddad",
    "Rahimi",
    "Petrova",
    "Kowalczyk",
    "Nakamura",
    "Oyelaran",
    "Vasquez",
]
TITLES = ["Mayor", "Gov.", "Sen.", "Police Chief", "Superintendent", "Council President", "Rep.", "Judge"]
PLACES = [
    "Riverton",
    "Lakeshore",
    "Cedar Falls",
    "Port Haven",
    "Millbrook",
    "East Bramley",
    "Fairmont",
    "Stonebridge",
]
STATES = ["Ohio", "Mich.", "Iowa", "Maine", "Ore.", "Ga.", "Wis.", "N.M."]
TOPICS = [
    "budget",
    "school board",
    "water utility",
    "transit agency",
    "hospital",
    "housing authority",
    "port",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

HEADLINES = [
    "{place} {topic} faces hard choices after vote",
    "Officials weigh new plan for {place} {topic}",
    "{last} pushes for changes at {topic}",
    "Delays mount for {place} {topic} overhaul",
]

CLEAN = [
    "{title} {first} {last} said the {topic} would need at least {n} million dollars over the next {m} years to keep pace with repairs that were put off during the last downturn.",
    "The {topic} has operated with a shrinking staff since {year}, according to records released by the county auditor on {day}.",
    "{last} told reporters after the meeting that the numbers were not final and that residents would get a chance to comment before any vote.",
    "“We are not going to balance this on the backs of the people who use it every day,” {last} said during a public hearing that ran past midnight.",
    "Residents who spoke at the hearing were split, with several urging the board to delay the decision until an independent review is finished.",
    "A report prepared for the board estimated that {n} percent of the system’s pipes are more than 50 years old and that failures have doubled since {year}.",
    "The state’s Department of Transportation said in a statement that it would review the request and respond within {m} weeks.",
    "Enrollment has fallen by about {n} percent over five years, the district’s annual report shows, while costs for transportation and special education have climbed.",
    "Board members are expected to take up the proposal at their next meeting, scheduled for {day} evening at the {place} public library.",
    "Union leaders said they had not been consulted on the plan and asked for a seat at the table before any cuts are announced.",
    "The previous budget, approved last spring, drew on reserves to close a gap of roughly {n} million dollars, a step auditors warned could not be repeated.",
    "{first} {last}, who owns a bakery near the waterfront, said deliveries had been late for weeks because of the detour.",
    "In a letter to the council, the chamber of commerce said the delays were costing downtown businesses customers at the busiest time of year.",
    "Engineers hired by the city found cracks in two support beams during an inspection in {year}, but the repairs were postponed to save money.",
]

DAMAGED = [
    "The plan would raise fees for the first time since {year}, a change {last} called overdue but that critics said would hit the{topic_glued} hardest.",
    "Officials said the work could take  until next spring, and that the cost estimate was likely to rise.",
    "Mr. {last} said the {topic} had been running on borrowed time and that the socalled emergency fund was nearly gone.",
    "A senior official said the {topic} hadto choose between higher fees and deeper cuts, and that neither option was popular.",
    "The proposal is widely considered the last chance to avoid a state takeover of the {topic}.",
    "Critics say the board has ignored warnings for years , and that the public was kept in the dark.",
    "The vote was 5-4.The dissenting members said the plan relied on optimistic projections.",
    "The {topic} recieved {n} complaints last year, most of them about billing errors and long wait times.",
    "Officials familiar with the talks said the the two sides remained far apart on wages.",
]

BYLINES = ["- By {first} {last}", "By {first} {last}", "By {first} K. {last}"]


def article(rng: random.Random, target_bytes: int = 4000) -> str:
    """Return one article of about ``target_bytes`` bytes."""
    values = {
        "first": rng.choice(FIRST),
        "last": rng.choice(LAST),
        "title": rng.choice(TITLES),
        "place": rng.choice(PLACES),
        "topic": rng.choice(TOPICS),
        "day": rng.choice(DAYS),
        "n": rng.randint(2, 60),
        "m": rng.randint(2, 12),
        "year": rng.randint(2008, 2024),
    }
    values["topic_glued"] = values["topic"].split()[0]
    parts = [
        f"{values['place']} Gazette",
        rng.choice(HEADLINES).format(**values),
        rng.choice(BYLINES).format(first=rng.choice(FIRST), last=rng.choice(LAST)),
    ]
    opening = (
        f"{values['place'].upper()}, {rng.choice(STATES)} — {values['title']} {values['first']} {values['last']} "
        f"said on {values['day']} that the {values['topic']} would face a difficult year."
    )
    parts.append(opening)
    size = sum(len(p) + 2 for p in parts)
    while size < target_bytes:
        pool = DAMAGED if rng.random() < 0.15 else CLEAN
        values.update(n=rng.randint(2, 60), m=rng.randint(2, 12), day=rng.choice(DAYS))
        paragraph = rng.choice(pool).format(**values)
        if rng.random() < 0.4:
            paragraph += " " + rng.choice(CLEAN).format(**values)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    parts += ["Newspapers in English", "Newspapers from United States"]
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, count: int = 2000, seed: int = 2026, target_bytes: int = 4000) -> int:
    """Write ``count`` articles into ``folder`` (100 per sub-folder); return the total bytes."""
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        sub = folder / f"batch{index // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = article(rng, target_bytes)
        (sub / f"article{index:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total
