"""Persons: names, honorifics, titles and roles, and in-article coreference.

``lexicon`` loads the language data; ``context`` indexes one document (tokens,
entity spans, NER spans); ``titles`` and ``names`` find the extent of a title
phrase and of a name; ``parse`` turns a sentence into honorific, title and name
segments; ``assemble`` groups them into persons; ``countries`` decides the state
of each role and person; ``coref`` resolves short forms and title references.
"""
