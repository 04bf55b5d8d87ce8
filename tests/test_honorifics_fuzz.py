"""The honorifics plugin never fails and always reports spans inside the text, whatever the copy."""

from __future__ import annotations

from conftest import make_runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "Mr.",
    "Ms.",
    "Mrs.",
    "Gen.",
    "General",
    "Sen.",
    "the",
    "Rev.",
    "Reverend",
    "Lt.",
    "Gov.",
    "President",
    "Pope",
    "King",
    "Helen",
    "Okafor",
    "van",
    "der",
    "Linde",
    "de",
    "la",
    "Cruz",
    "Jr.",
    "III",
    "C.",
    "U.S.",
    "said",
    "former",
    "secretary",
    "general",
    "Fort",
    "Bragg",
    "Lloyd’s",
    "of",
    "London",
    "in",
    "Austin",
    "Texas",
    "Park",
    "Ji-won",
    "O’Brien",
    "Ocasio-Cortez",
    "Friday",
    "Minister",
    "Defense",
    "and",
    "&",
    "“",
    "”",
    '"',
    ",",
    ".",
    "’s",
    "'s",
    "—",
    "-",
    "\n",
    "\n\n",
    "Mx.",
    "Dr",
    "Chief",
    "Army",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.sampled_from(["ap", "courtesy-titles"]))
def test_any_copy_gives_valid_findings(words: list[str], style: str) -> None:
    text = "Headline\n\nBy Ann Lee\n\n" + " ".join(words) + "\n"
    result = make_runner({"style": style}).check_text(text, "fuzz.txt")
    assert result.failures == []
    for finding in (f for f in result.findings if f.rule.startswith("honorifics.")):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        if finding.fix is not None:
            assert finding.fix.replacement == finding.suggestions[0]
