"""honorifics: people's names and titles on first and later references.

Two house styles are supported, chosen by ``style`` in rules.yaml:

- ``ap`` (the default): full name, with a formal title where one applies, on
  first reference; the last name alone after that; no courtesy titles
  (Mr., Ms.) outside direct quotations.
- ``courtesy-titles`` (the New York Times, the Wall Street Journal): later
  references carry a courtesy title ("Mr. Okafor") or a title the house
  repeats ("Gen. Halvorsen").

People and their references are found by :mod:`honorifics_people`; the
title table and word lists come from :mod:`honorifics_titles`.  Text inside
direct quotations is never flagged: quotations are verbatim.
"""

from __future__ import annotations

import re
from collections import Counter

from newslint_plugins.honorifics_people import Cast, Mention, Person, find_mentions, resolve, title_phrase
from newslint_plugins.honorifics_rules import RULES
from newslint_plugins.honorifics_titles import SECTION, Lexicon, build_lexicon, config_errors

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.hookspecs import hookimpl
from newslint.model import Article
from newslint.rules import RuleSpec

PLUGIN_NAME = "honorifics"
STATE_KEY = "honorifics.lexicon"
COUPLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mx)\.?[ \u00a0]+and[ \u00a0]+$")


@hookimpl
def newslint_rules() -> list[RuleSpec]:
    """Declare the honorifics rules."""
    return RULES


@hookimpl
def newslint_config_sections() -> list[str]:
    """The plugin reads the ``honorifics`` section of rules.yaml."""
    return [SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the title table, the exceptions and the not-names list."""
    return config_errors(config.data.get(SECTION))


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Find the people in the article and check how each is named, in the configured house style."""
    if not any(context.enabled(spec.id) for spec in RULES):
        return []
    lexicon = context.state.get(STATE_KEY)
    if not isinstance(lexicon, Lexicon):
        lexicon = build_lexicon(context.config.section(SECTION))
        context.state[STATE_KEY] = lexicon
    reading = find_mentions(article, lexicon)
    if not reading.mentions:
        return []
    cast = resolve(article, reading, lexicon)
    return Checker(article, context, lexicon, cast).run()


class Checker:
    """Applies the rules of one house style to the people of one article."""

    def __init__(self, article: Article, context: CheckContext, lexicon: Lexicon, cast: Cast) -> None:
        self.article = article
        self.text = article.text
        self.context = context
        self.lexicon = lexicon
        self.cast = cast
        self.ap = context.config.style != "courtesy-titles"
        self.findings: list[Finding] = []
        self._own_references: dict[int, list[Mention]] = {}
        self._flagged_ends: set[int] = set()
        self._titles_used: dict[int, set[str]] = {}
        self._spans: list[tuple[int, int]] | None = None

    def run(self) -> list[Finding]:
        """Return the findings of every enabled rule."""
        for mention in self.cast.mentions:
            if mention.quoted or mention.exempt:
                continue
            if self.ap:
                self._ap_mention(mention)
            else:
                self._courtesy_style_mention(mention)
            if mention.lower_title is not None:
                self._lowercase_title(mention)
        self._first_references()
        self._inconsistent_references()
        return self.findings

    # Helpers ------------------------------------------------------------------------

    def _on(self, rule: str) -> bool:
        return self.context.enabled(rule)

    def _add(
        self,
        rule: str,
        message: str,
        start: int,
        end: int,
        suggestions: list[str] | None = None,
        fix: bool = False,
    ) -> None:
        suggestions = [self._cased(s, start) for s in suggestions or []]
        if rule != "honorifics.inconsistent-reference":
            self._flagged_ends.add(end)
        self.findings.append(
            Finding(
                rule=rule,
                message=message,
                start=start,
                end=end,
                suggestions=suggestions,
                fix=Fix(start, end, suggestions[0]) if fix and suggestions else None,
            )
        )

    def _cased(self, replacement: str, start: int) -> str:
        """Capitalise a replacement that opens a sentence ("van der Linde" → "Van der Linde")."""
        if not replacement or not replacement[0].islower():
            return replacement
        paragraph = self.article.paragraph_at(start)
        before = self.text[max(paragraph.start if paragraph else 0, start - 8) : start].rstrip(' “"‘')
        if not before or before[-1] in ".!?":
            return replacement[0].upper() + replacement[1:]
        return replacement

    def _references(self, person: Person) -> list[Mention]:
        """The person's references in the writer's own words (not headlines, not quotations)."""
        references = self._own_references.get(id(person))
        if references is None:
            references = [m for m in person.mentions if not m.quoted and not m.display]
            self._own_references[id(person)] = references
        return references

    def _first_reference(self, mention: Mention) -> bool:
        """True when ``mention`` is the writer's first reference to its person or orphan name."""
        if mention.person is not None:
            references = self._references(mention.person)
            return bool(references) and references[0] is mention
        if mention.namesakes:
            return False
        orphans = self.cast.orphans.get(mention.key, [])
        return next((m for m in orphans if not m.quoted), None) is mention

    # AP ------------------------------------------------------------------------------

    def _ap_mention(self, mention: Mention) -> None:
        title = mention.title
        if title is not None and title.is_courtesy:
            self._courtesy_title(mention)
        if mention.display:
            return
        if mention.full:
            self._abbreviation(mention)
            self._long_title(mention)
        elif title is not None and not title.is_courtesy and not self._first_reference(mention):
            self._repeated_title(mention)

    def _courtesy_title(self, mention: Mention) -> None:
        rule = "honorifics.courtesy-title"
        if not self._on(rule):
            return
        shown = self.text[mention.title_start : mention.end]
        if mention.full:
            name = mention.name(self.text)
            self._add(
                rule,
                f"AP uses no courtesy title outside quotations: “{name}”",
                mention.start,
                mention.end,
                [name],
                fix=True,
            )
            return
        surname = mention.surname(self.text)
        pair = COUPLE.search(self.text, max(0, mention.start - 12), mention.start)
        if pair is not None:
            given = [p.full_name(self.text).split()[0] for p in mention.namesakes[:2]]
            names = [f"{given[0]} and {given[1]} {surname}"] if len(given) == 2 else []
            message = "AP uses no courtesy titles outside quotations: name both people"
            self._add(rule, message, pair.start(), mention.end, names)
            return
        if len(mention.namesakes) > 1:
            names = [p.full_name(self.text) for p in mention.namesakes]
            self._add(
                rule,
                f"AP uses no courtesy title outside quotations; two people here are named {surname}, so give the full name",
                mention.start,
                mention.end,
                names,
            )
            return
        self._add(
            rule,
            f"AP uses no courtesy title outside quotations: “{surname}”, not “{shown}”",
            mention.start,
            mention.end,
            [surname],
            fix=True,
        )

    def _repeated_title(self, mention: Mention) -> None:
        rule = "honorifics.repeated-title"
        if not self._on(rule):
            return
        surname = mention.surname(self.text)
        described = mention.descriptor_start < mention.start
        start = mention.descriptor_start
        if len(mention.namesakes) > 1:
            names = [p.full_name(self.text) for p in mention.namesakes]
            message = f"title repeated on a later reference; two people here are named {surname}, so give the full name"
            self._add(rule, message, start, mention.end, names)
            return
        message = f"title repeated on a later reference: AP uses the last name alone, “{surname}”"
        self._add(rule, message, start, mention.end, [surname], fix=not described)

    def _abbreviation(self, mention: Mention) -> None:
        rule = "honorifics.title-abbreviation"
        title = mention.title
        if title is None or not title.spelled_out or not title.abbreviation or not self._on(rule):
            return
        start, end = mention.title_start, mention.title_end
        replacement = title.abbreviation
        if title.article and mention.article_start == mention.title_start:
            replacement = "the " + replacement
        written = self.text[start:end]
        message = f"AP abbreviates “{written}” before a full name: “{replacement}”"
        self._add(rule, message, start, end, [replacement], fix=True)

    def _long_title(self, mention: Mention) -> None:
        rule = "honorifics.long-title"
        if not self._on(rule):
            return
        names = self._name_spans()
        start, words = title_phrase(self.article, mention, self.lexicon, names)
        limit = int(self.context.options(rule).get("min_words", 4))
        if words >= limit:
            name = mention.name(self.text)
            message = (
                f"a title of {words} words before {name}: AP puts a long title after the name, "
                "set off by commas"
            )
            self._add(rule, message, start, mention.end)

    def _name_spans(self) -> list[tuple[int, int]]:
        spans = self._spans
        if spans is None:
            spans = [(m.name_start, m.end) for m in self.cast.mentions if m.full or m.titled or m.namesakes]
            spans.sort()
            self._spans = spans
        return spans

    # Both styles -----------------------------------------------------------------------

    def _lowercase_title(self, mention: Mention) -> None:
        if mention.lower_title is None:
            return
        start, end, title = mention.lower_title
        if self.ap and title.abbreviation:
            rule = "honorifics.title-abbreviation"
            replacement = ("the " if title.article else "") + title.abbreviation
            message = f"AP abbreviates and capitalises this title before a full name: “{replacement}”"
        else:
            rule = "honorifics.lowercase-title"
            replacement = title.name
            message = f"a formal title directly before a name is capitalised: “{replacement}”"
        if self._on(rule):
            self._add(rule, message, start, end, [replacement], fix=True)

    def _first_references(self) -> None:
        rule = "honorifics.first-reference"
        if not self._on(rule):
            return
        for person in self.cast.people:
            references = self._references(person)
            if person.exempt or not references:
                continue
            first = references[0]
            if first.full or first.start > person.intro.start:
                continue
            if not first.titled and first.key in self.lexicon.words["place_names"]:
                continue  # "Jackson" before "Lorraine Jackson" is as likely the city
            full = person.full_name(self.text)
            intro = person.intro
            if intro.title is not None and not intro.title.is_courtesy:
                full = f"{self.text[intro.article_start : intro.title_end]} {full}"
            shown = self.text[first.start : first.end]
            message = f"first reference to {shown} gives no full name; “{full}” comes only later"
            self._add(rule, message, first.start, first.end, [full])
        for mentions in self.cast.orphans.values():
            unquoted = [m for m in mentions if not m.quoted and not m.exempt]
            if unquoted:
                first = unquoted[0]
                shown = self.text[first.start : first.end]
                message = f"{shown} is never given a full name: name the person in full on first reference"
                self._add(rule, message, first.start, first.end)

    def _inconsistent_references(self) -> None:
        rule = "honorifics.inconsistent-reference"
        if not self._on(rule):
            return
        for person in self.cast.people:
            if person.exempt or len(self.cast.namesakes(person.key)) > 1:
                continue
            later = [
                m
                for m in self._references(person)
                if not m.full and m.start > person.intro.start and not m.exempt
            ]
            forms = [self._form(m) for m in later]
            if len(set(forms)) < 2:
                continue
            counts = Counter(forms)
            order = {form: index for index, form in reversed(list(enumerate(forms)))}
            majority = max(counts, key=lambda f: (counts[f], self._preferred(f), -order[f]))
            if not self._preferred(majority):
                continue
            surname = person.surname(self.text)
            wanted = f"{majority} {surname}".strip()
            for mention, form in zip(later, forms, strict=True):
                if form == majority or self._covered(mention):
                    continue
                shown = self.text[mention.start : mention.end]
                message = f"“{shown}” here, but “{wanted}” in {counts[majority]} other later references"
                self._add(rule, message, mention.start, mention.end, [wanted])

    def _form(self, mention: Mention) -> str:
        if mention.title is None:
            return ""
        return self.text[mention.article_start : mention.title_end]

    def _preferred(self, form: str) -> bool:
        return (form == "") == self.ap

    def _covered(self, mention: Mention) -> bool:
        """True when another rule already flags this reference (every such finding ends where it ends)."""
        return mention.end in self._flagged_ends

    # Courtesy-title house style ---------------------------------------------------------

    def _courtesy_style_mention(self, mention: Mention) -> None:
        if mention.display:
            return
        title = mention.title
        if mention.full and title is not None and title.is_courtesy:
            rule = "honorifics.courtesy-title-full-name"
            if self._on(rule):
                name = mention.name(self.text)
                message = f"no courtesy title before a full name: “{name}”; “{title.written}” belongs on later references"
                self._add(rule, message, mention.start, mention.end, [name], fix=True)
        elif not mention.full and title is None and mention.namesakes:
            self._missing_courtesy_title(mention)

    def _missing_courtesy_title(self, mention: Mention) -> None:
        rule = "honorifics.missing-courtesy-title"
        if not self._on(rule):
            return
        intro = min((p.intro.start for p in mention.namesakes), default=mention.start)
        if intro > mention.start and self._first_reference(mention):
            return  # the first-reference rule reports it
        surname = mention.surname(self.text)
        person = mention.person
        if person is None:
            names = [p.full_name(self.text) for p in mention.namesakes]
            message = f"two people here are named {surname}: use a title or the full name"
            self._add(rule, message, mention.start, mention.end, names)
            return
        if person.title is not None and person.title.later:
            wanted = f"{person.title.later_form} {surname}"
            self._add(
                rule,
                f"later reference without a title: “{wanted}”",
                mention.start,
                mention.end,
                [wanted],
                fix=True,
            )
            return
        used = self._courtesy_titles_used(person)
        if len(used) == 1:
            wanted = f"{next(iter(used))} {surname}"
            message = f"later reference without a courtesy title: “{wanted}”, as elsewhere in the article"
            self._add(rule, message, mention.start, mention.end, [wanted], fix=True)
            return
        offered = self.context.options(rule).get("courtesy_titles") or ["Mr.", "Ms."]
        suggestions = [f"{t} {surname}" for t in offered]
        message = f"later reference without a courtesy title: {' or '.join(suggestions)}"
        self._add(rule, message, mention.start, mention.end, suggestions)

    def _courtesy_titles_used(self, person: Person) -> set[str]:
        """The courtesy titles the article gives this person ("Ms."), outside quotations."""
        used = self._titles_used.get(id(person))
        if used is None:
            used = {
                m.title.written
                for m in self._references(person)
                if m.title is not None and m.title.is_courtesy
            }
            self._titles_used[id(person)] = used
        return used
