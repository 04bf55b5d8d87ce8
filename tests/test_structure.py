"""The article's structure: sentences, quotations, paragraph kinds, protected spans."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from newslint.model import Sentence, Span
from newslint.readers import build_article
from newslint.structure import find_quotations


def article(text: str):
    return build_article("a.txt", text)


def sentences(text: str) -> list[str]:
    a = article(text)
    return [a.text[s.start : s.end] for s in a.sentences()]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army said so on Friday.",
        "Gen. Mark Rowe spoke first.",
        "The talks began Feb. 18 in Vienna.",
        "The story was written by Lolita C. Baldor for the wire.",
        "Mr. Okafor and Dr. Lee met at 9 a.m. Monday in St. Paul.",
        "He said, “Stop. Think. Then act,” and left.",
    ],
)
def test_no_sentence_break_after_abbreviations_initials_or_inside_quotes(text):
    assert sentences("Headline here\n\n" + text)[-1] == text


def test_sentences_break_at_sentence_ends():
    assert sentences("Headline here\n\nThe call ended. Officials left! Did it work? Yes.") == [
        "Headline here",
        "The call ended.",
        "Officials left!",
        "Did it work?",
        "Yes.",
    ]


def test_sentence_ends_after_closing_quote():
    got = sentences("Headline here\n\n“It is over,” she said. “We lost.” Then silence.")
    assert got[1:] == ["“It is over,” she said.", "“We lost.”", "Then silence."]


def test_curly_and_straight_quotations():
    a = article('Head\n\nShe said “yes” and he said "no" twice.')
    assert [a.text[q.start : q.end] for q in a.quotations] == ["“yes”", '"no"']
    assert a.in_quotation(a.text.index("yes"))
    assert not a.in_quotation(a.text.index("twice"))


def test_running_quote_continues_into_next_paragraph():
    a = article("Head\n\n“The first part runs on.\n\n“And it ends here,” she said.\n\nAfter.")
    first, second = a.quotations
    assert not first.closed and not first.continues_previous
    assert second.closed and second.continues_previous
    assert a.text[second.start : second.end] == "“And it ends here,”"


def test_a_new_quote_after_a_closed_one_does_not_continue():
    a = article("Head\n\n“Done,” she said.\n\n“New,” he said.")
    assert [q.continues_previous for q in a.quotations] == [False, False]


def test_headline_without_byline():
    a = article("Council votes to close library\n\nThe council voted on Monday.")
    assert [p.kind for p in a.paragraphs] == ["headline", "body"]


def test_first_paragraph_that_is_a_sentence_is_body():
    a = article("The council voted on Monday.\n\nIt was close.")
    assert [p.kind for p in a.paragraphs] == ["body", "body"]


@pytest.mark.parametrize(
    "dateline",
    ["WASHINGTON — ", "NEW YORK (AP) — ", "KYIV, Ukraine — ", "ST. LOUIS -- "],
)
def test_datelines(dateline):
    a = article("Head\n\n- By A. Writer\n\n" + dateline + "The story begins.")
    body = a.paragraphs[2]
    assert body.dateline is not None
    assert a.text[body.dateline.start : body.dateline.end] == dateline


@pytest.mark.parametrize(
    "protected",
    [
        "https://example.com/a-b?c=d",
        "www.example.org",
        "desk@example.com",
        "@newsdesk",
        "#election2026",
        "example.co.uk",
    ],
)
def test_protected_spans(protected):
    a = article(f"Head\n\nWrite to {protected} today.")
    start = a.text.index(protected)
    assert a.is_protected(start, start + len(protected))
    assert not a.is_protected(a.text.index("today"))


def test_a_paragraph_ends_a_sentence_whatever_follows_it():
    assert sentences("Head\n\nIt ended.\n\nand then more.") == ["Head", "It ended.", "and then more."]


def test_runs_of_end_marks_end_one_sentence():
    got = sentences("Head\n\nReally?! Yes… It was. Wait!. Okay then?\n\n“Go.” Now.")
    assert got == ["Head", "Really?!", "Yes…", "It was.", "Wait!.", "Okay then?", "“Go.”", "Now."]


def test_no_sentence_ends_inside_a_quotation_that_runs_on():
    got = sentences("Head\n\nShe said “Stop. Go.” He left.\n\n“Run on. Still.\n\n“More. Done,” he said. End.")
    assert got == [
        "Head",
        "She said “Stop. Go.”",
        "He left.",
        "“Run on. Still.",
        "“More. Done,” he said.",
        "End.",
    ]


def test_decimals_and_dotted_words_end_no_sentence():
    got = sentences("Head\n\nThe U.S. team won 3.5 to 2. Gen. Lee left at 9 p.m. Friday.")
    assert got == ["Head", "The U.S. team won 3.5 to 2.", "Gen. Lee left at 9 p.m. Friday."]


def test_find_quotations_reads_only_the_paragraphs_it_is_given():
    a = article("Head\n\n“One,” she said.\n\nHe said “two” and “three.”")
    last = a.paragraphs[2]
    found = find_quotations(a.text, [last])
    assert [a.text[q.start : q.end] for q in found] == ["“two”", "“three.”"]
    assert all(q.paragraph == 2 for q in found)


def test_sentence_keeps_its_dataclass_behaviour():
    sentence = Sentence(3, 9, paragraph=1)
    assert sentence == Sentence(start=3, end=9, paragraph=1) and hash(sentence) == hash(Sentence(3, 9, 1))
    assert sentence != Span(3, 9) and Sentence(3, 9) == Sentence(3, 9, 0)
    assert dataclasses.replace(sentence, end=12) == Sentence(3, 12, 1)
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    assert dataclasses.astuple(sentence) == (3, 9, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.start = 4  # type: ignore[misc]
