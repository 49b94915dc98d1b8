"""The ner component: the CRF tagger over the story tokens.

Stores ``doc.extra["ner"]``: a list of ``{"label", "first", "last", "start",
"end"}`` (token indices, ``last`` exclusive; character offsets). Tokens that
are not story text (``token.meta`` set) are tagged O and cut sequences, as do
sentence ends. A name the tagger found is then tagged again where it recurs
untagged in the article (``rasid.ner.document``). A span starts after a conjunction or preposition the tokenizer
split off its first token (ومحمد -> محمد).
"""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc
from rasid.ner.document import propagate
from rasid.ner.model import load_decoder
from rasid.ner.scoring import chunks
from rasid.text.tokenize import Token


def story_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs [first, last) of story tokens inside one sentence."""
    runs: list[tuple[int, int]] = []
    for sentence in doc.sentences:
        first = None
        for i in range(sentence.first_token, sentence.last_token):
            if doc.tokens[i].meta is None:
                if first is None:
                    first = i
            elif first is not None:
                runs.append((first, i))
                first = None
        if first is not None:
            runs.append((first, sentence.last_token))
    return runs


def span_start(token: Token) -> int:
    return token.stem_start if token.proclitic else token.start


@component("ner")
def ner(doc: Doc, settings) -> Doc:
    decoder = load_decoder(settings.ner_model, neural=settings.ner_neural)
    spans = []
    tokens = doc.tokens
    runs = story_runs(doc)
    sequences = [[t.norm for t in tokens[first:last]] for first, last in runs]
    tagged = propagate(sequences, decoder.tag_many(sequences))
    for (first, _last), tags in zip(runs, tagged):
        for chunk in chunks(tags):
            a, b = first + chunk.first, first + chunk.last
            spans.append({"label": chunk.label, "first": a, "last": b,
                          "start": span_start(tokens[a]), "end": tokens[b - 1].end})
    doc.extra["ner"] = spans
    return doc
