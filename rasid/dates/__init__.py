"""Dates: the publication date and the date expressions of the text (ISO, with a granularity)."""
