"""The honorifics plugin's rule declarations and their documentation."""

from __future__ import annotations

from newslint.rules import RuleOption, RuleSpec

AP_ONLY = "Runs under `style: ap` (the default)."
COURTESY_ONLY = "Runs under `style: courtesy-titles`."
BOTH = "Runs in both house styles."
QUOTES = "Text inside direct quotations is never flagged, and the headline and byline are not references."

RULES = [
    RuleSpec(
        id="honorifics.courtesy-title",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A courtesy title (Mr., Mrs., Ms., Miss, Mx.) outside a quotation, in AP style",
        what=(
            "Flags “Mr. Okafor”, “Ms. Helen Okafor” and the like outside direct quotations, and suggests "
            "the last name alone (or the full name, before a full name).  When two people in the article "
            "share the last name, the full names are suggested instead and no fix is offered.  "
            f"{AP_ONLY} {QUOTES}"
        ),
        why=(
            "AP style uses no courtesy titles: a person is “Helen Okafor” on first reference and "
            "“Okafor” after that, whoever they are.  Mixing in “Mr.” and “Ms.” also makes copy guess at "
            "gender."
        ),
        bad="Mayor Helen Okafor signed the budget. Mr. Delgado, the council president, objected.",
        good="Mayor Helen Okafor signed the budget. Delgado, the council president, objected.",
        source="AP Stylebook, “courtesy titles”.",
    ),
    RuleSpec(
        id="honorifics.repeated-title",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A formal title repeated on a later reference (“Gen. Okoro”), in AP style",
        what=(
            "Flags a title of office, rank or clergy before a last name alone after the person's first "
            "reference (“Gen. Halvorsen”, “Sen. Warner”, “the Rev. Mercer”) and suggests the last name.  "
            "A fix is offered only when nothing else (a nationality, an agency) stands before the title.  "
            "Titles that stay with the name (Pope, King, Queen) and the configured exceptions are not "
            f"flagged.  {AP_ONLY} {QUOTES}"
        ),
        why="AP gives the title once, with the full name, and uses the last name alone after that.",
        bad="Army Gen. Renata Halvorsen toured the base. Gen. Halvorsen promised repairs.",
        good="Army Gen. Renata Halvorsen toured the base. Halvorsen promised repairs.",
        source="AP Stylebook, “titles”: use only the last name on second reference.",
    ),
    RuleSpec(
        id="honorifics.first-reference",
        category="honorifics",
        severity="warning",
        summary="A person's first reference gives no full name (“Adm. Okonkwo said”, then “Adm. Chidi Okonkwo”)",
        what=(
            "Flags the first reference to a person when it is a last name alone or a title and last "
            "name, and the full name comes only later (or never, for a titled reference).  The "
            "suggestion is the full name as the article gives it.  Headlines, which use last names "
            f"alone, are not first references.  {BOTH} {QUOTES}"
        ),
        why="Readers meet a person by full name first; a bare last name leaves them guessing who is meant.",
        bad="Adm. Okonkwo will take command next month. Adm. Chidi Okonkwo led the logistics command.",
        good="Adm. Chidi Okonkwo will take command next month. Okonkwo led the logistics command.",
        source="AP Stylebook, “names”: use a person's first and last names on first reference.",
    ),
    RuleSpec(
        id="honorifics.title-abbreviation",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A title AP abbreviates before a full name is spelt out (“General Renata Halvorsen”)",
        what=(
            "Flags a spelt-out title before a full name where AP uses an abbreviation: General → Gen., "
            "Senator → Sen., Representative → Rep., Governor → Gov., Lieutenant Governor → Lt. Gov., "
            "Lieutenant → Lt., Colonel → Col., Major → Maj., Captain → Capt., Sergeant → Sgt., "
            "Admiral → Adm., Reverend → the Rev., and the other ranks of the title table.  President, "
            "Secretary and Attorney General are never abbreviated.  A lower-case abbreviable title "
            f"before a name (“general Tarik Ozer”) is flagged here too.  {AP_ONLY} {QUOTES}"
        ),
        why="AP abbreviates these titles before a full name; spelling them out is a common slip in copy.",
        bad="General Renata Halvorsen toured the flooded barracks.",
        good="Gen. Renata Halvorsen toured the flooded barracks.",
        source="AP Stylebook, “military titles”, “legislative titles”, “governor”, “Reverend”.",
    ),
    RuleSpec(
        id="honorifics.lowercase-title",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A formal title directly before a name is in lower case (“former secretary Paul Brennan”)",
        what=(
            "Flags a formal title from the title table, in lower case, directly before a full name, when "
            "it opens the phrase (after “former”, “by”, a capitalised word such as “Turkish”, or a "
            "sentence start).  Job descriptions (“company president”, “press secretary”, “coach”) are "
            f"not flagged.  {BOTH} {QUOTES}"
        ),
        why="A formal title used directly before a name is part of the name and is capitalised.",
        bad="Turkish president Emre Kaya hosted the talks.",
        good="Turkish President Emre Kaya hosted the talks.",
        source="AP Stylebook, “titles”: capitalize formal titles used directly before a name.",
    ),
    RuleSpec(
        id="honorifics.long-title",
        category="honorifics",
        severity="info",
        summary="A long title before a name (“Deputy Minister of Foreign Trade Olena Marchuk”)",
        what=(
            "Notes a title and description of four words or more before a full name (a title from the "
            "table, such as “Lt. Gen.”, counts as one word).  It is a note for the editor: the sentence "
            f"needs rewriting, so no fix is offered.  {AP_ONLY} {QUOTES}"
        ),
        why="A long title before a name delays the name and reads as a string of capitals.",
        bad="Deputy Minister of Foreign Trade Olena Marchuk met the U.S. negotiator.",
        good="Olena Marchuk, the deputy minister of foreign trade, met the U.S. negotiator.",
        options={"min_words": RuleOption(4, "how many words before the name make a title long")},
        source="AP Stylebook, “titles”: set long titles off after the name, with commas.",
    ),
    RuleSpec(
        id="honorifics.missing-courtesy-title",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A later reference by last name alone, in a courtesy-title house style",
        what=(
            "Flags “Okafor said” after the person's first reference.  The suggestion is the title the "
            "house repeats if the person was given one (“Gen. Halvorsen”, “Dr. Castellanos”), else the "
            "courtesy title the article already uses for that person; only then is a fix offered.  "
            "Otherwise both “Mr.” and “Ms.” are offered: the rule never guesses gender.  When two people "
            f"share the last name, their full names are suggested.  {COURTESY_ONLY} {QUOTES}"
        ),
        why="Courtesy-title houses use a title on every later reference; a bare last name breaks the style.",
        bad="Mayor Helen Okafor signed the budget. Okafor said she would veto changes.",
        good="Mayor Helen Okafor signed the budget. Ms. Okafor said she would veto changes.",
        options={
            "courtesy_titles": RuleOption(
                ["Mr.", "Ms."], "the courtesy titles offered when the article does not say which applies"
            )
        },
        source="The New York Times Manual of Style and Usage, “courtesy titles”.",
    ),
    RuleSpec(
        id="honorifics.courtesy-title-full-name",
        category="honorifics",
        severity="warning",
        fixable=True,
        summary="A courtesy title before a full name (“Ms. Janet Pruitt”), in a courtesy-title house style",
        what=(
            "Flags Mr., Mrs., Ms., Miss or Mx. before a first and last name, and suggests the name alone.  "
            f"The courtesy title belongs on later references (“Ms. Pruitt”).  {COURTESY_ONLY} {QUOTES}"
        ),
        why="Courtesy-title houses give the full name without a title on first reference.",
        bad="Ms. Janet Pruitt, who ran the library for 22 years, is retiring.",
        good="Janet Pruitt, who ran the library for 22 years, is retiring. Ms. Pruitt said ...",
        source="The New York Times Manual of Style and Usage, “courtesy titles”.",
    ),
    RuleSpec(
        id="honorifics.inconsistent-reference",
        category="honorifics",
        severity="warning",
        summary="The same person is referred to in different ways (“Ms. Whitfield”, then “Mrs. Whitfield”)",
        what=(
            "Compares the later references to each person and flags those in a minority form (a different "
            "courtesy title, a title dropped or added), suggesting the form the article uses most.  "
            "References another honorifics rule already flags are not repeated, a minority form that the "
            "house style requires is never flagged, and people who share a last name are skipped.  "
            f"{BOTH} {QUOTES}"
        ),
        why="Switching between “Ms.” and “Mrs.”, or between “Gen.” and “Mr.”, makes readers wonder "
        "whether a second person has appeared.",
        bad="Ms. Whitfield has taught since 2009. Mrs. Whitfield's principal praised her. Ms. Whitfield thanked him.",
        good="Ms. Whitfield has taught since 2009. Ms. Whitfield's principal praised her. Ms. Whitfield thanked him.",
    ),
]
"""Every rule of the honorifics plugin."""
