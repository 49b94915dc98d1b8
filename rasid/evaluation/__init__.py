"""Scoring Rasid's records against gold files (the format of EXTRACTION.md, "Gold files")."""
from rasid.evaluation.scoring import FIELDS, Counts, score_document, score_corpus

__all__ = ["FIELDS", "Counts", "score_document", "score_corpus"]
