"""The statistical named-entity tagger: a linear-chain CRF (python-crfsuite), optionally with a neural tagger.

- ``corpus``: readers for the NER corpora (ANERcorp, AQMAR) and the ANERcorp test split.
- ``features``: per-word-type features, cached, and window features per sequence.
- ``gazetteer``: name lists (derived from ANERGazet) as features.
- ``model``: training and tagging with crfsuite; the bundled model; ``load_decoder``.
- ``decoder``: the fast CRF decoder (indexed attribute weights, batch Viterbi).
- ``neural``: the neural tagger's numpy inference (dilated convolutions over per-type inputs).
- ``ensemble``: CRF + neural scores decoded together (``load_decoder`` when a neural file lies beside the CRF).
- ``neural_training``: word vectors and the neural tagger's training (torch, gensim: the ``train`` extra).
- ``scoring``: exact-span entity-level precision, recall and F1 (conlleval style).
- ``training``: the reproducible recipe behind ``rasid train`` and ``rasid ner-eval``.
"""
