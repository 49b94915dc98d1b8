"""The entity registry: one entity per person, organization or country across articles,
with aliases, a person's history of titles, and corrections (merge, split) that survive
a reprocess."""
