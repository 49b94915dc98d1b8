"""Organizations (ORG): well-known bodies, and head nouns with their complements.

A name is found three ways in one left-to-right pass over the tokens (``find``):
- a well-known body from ``org_known.tsv`` (الأمم المتحدة، أوبك، البيت الأبيض);
- a head noun (وزارة، الهيئة، مركز ...) followed by its complement, read by
  ``complement``: definite nouns and adjectives, لل- and ل- genitives and و-
  coordination go on; prepositions, verbs and other indefinite words after a
  definite one, punctuation, persons' honorifics and titles, "التابعة", a state
  after ب/في (where the body is) stop. Heads come in classes (org_heads.tsv): a
  common noun (جهاز، مكتب، شبكة) names a body only with a naming complement;
- an ORG span of the NER tagger that begins with a head the rules could not read.
A bare definite head ("الوزارة") is another mention of the latest body with that
head. An acronym in «» or () right after a name is its alias. Outlets that only
relay the story ("ذكرت وكالة الأنباء ...") are left out (``entities``). Each body
gets the state of a national adjective or state inside its name, else of a state
after it (بالعراق), else of the "من الجانب X" phrase of its sentence, else the
article's home state (most named, less its mentions as a place, bare references
like "المملكة" weighing more); international bodies get none.
"""
