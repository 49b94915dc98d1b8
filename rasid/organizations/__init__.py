"""Organizations (ORG): well-known bodies, and head nouns with their complements.

A name is found two ways in one left-to-right pass over the tokens:
- a well-known body from ``org_known.tsv`` (الأمم المتحدة، أوبك، البيت الأبيض);
- a head noun (وزارة، الهيئة، مركز ...) followed by its complement, read by
  ``rasid.organizations.complement``: definite nouns and adjectives, لل- and ل- genitives and
  و- coordination go on; prepositions, verbs and other indefinite words after a
  definite one, punctuation, persons' honorifics, "التابعة", a country after
  ب/في (that is where the body is) stop.
A bare definite head ("الوزارة") is another mention of the latest body with that
head. An acronym in «» or () right after a name is its alias. Outlets that only
relay the story ("ذكرت وكالة ...") are left out. Each body gets the country of a
national adjective or country inside its name, else of a country phrase right
after it, else of the "من الجانب X" phrase of its sentence, else of the article's
most mentioned state; international bodies get none.
"""
