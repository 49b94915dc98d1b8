"""The statistical named-entity tagger: a linear-chain CRF (python-crfsuite).

- ``corpus``: readers for the NER corpora (ANERcorp, AQMAR) and the ANERcorp test split.
- ``features``: per-word-type features, cached, and window features per sequence.
- ``gazetteer``: name lists (derived from ANERGazet) as features.
- ``model``: training and tagging with crfsuite; the bundled model.
- ``scoring``: exact-span entity-level precision, recall and F1 (conlleval style).
- ``training``: the reproducible recipe behind ``rasid train`` and ``rasid ner-eval``.
"""
