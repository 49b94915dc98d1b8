"""The text component: tokens with clitic segmentation, sentences, metadata marks."""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc, Sentence
from rasid.lang.vocabulary import is_known_word
from rasid.text.metadata import mark_metadata
from rasid.text.sentences import split_sentences
from rasid.text.tokenize import tokenize


@component("text")
def text_layer(doc: Doc, settings) -> Doc:
    doc.tokens = tokenize(doc.text, is_known_word)
    doc.sentences = [
        Sentence(index, doc.tokens[first].start, doc.tokens[last - 1].end, first, last)
        for index, (first, last) in enumerate(split_sentences(doc.tokens))
    ]
    doc.metadata = mark_metadata(doc.tokens)
    return doc
