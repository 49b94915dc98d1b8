"""Precision, recall and F1 per field, micro-averaged over documents.

A system record is first reduced to the gold format (``gold_view``); then
each field is counted as true positives, predicted and gold items.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from rasid.evaluation.matching import (
    EVENT_COUNTRY_JACCARD, jaccard, name_key, one_to_one, org_name_score, person_name_score, title_score,
)

FIELDS = (
    "persons", "person_country", "person_title", "organizations", "countries",
    "events", "event_mode_status", "agreements", "sectors", "speakers",
)


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def gold_view(record: dict[str, Any]) -> dict[str, Any]:
    """The scored fields of a system record, in the gold-file format."""
    by_id = {e["id"]: e for e in record["entities"]}

    def entity_view(e: dict[str, Any]) -> dict[str, Any]:
        view = {"name": e["name"], "aliases": e.get("aliases", []), "country": e.get("country")}
        if e["type"] == "PERSON":
            view["titles"] = list(dict.fromkeys(r["title"] for r in e.get("roles", [])))
        return view

    return {
        "persons": [entity_view(e) for e in record["entities"] if e["type"] == "PERSON"],
        "organizations": [entity_view(e) for e in record["entities"] if e["type"] == "ORG"],
        "countries": sorted({e["country"] for e in record["entities"] if e["type"] == "COUNTRY" and e["country"]}),
        "events": [
            {
                "type": v["type"], "mode": v["mode"], "status": v["status"], "countries": v["countries"],
                "participants": [by_id[p["entity"]]["name"] for p in v["participants"] if p["entity"] in by_id],
                "agreement": v["agreement"], "sectors": v["sectors"],
            }
            for v in record["events"]
        ],
        "sectors": list(record["sectors"]),
        "speakers": list(dict.fromkeys(
            by_id[s["speaker"]]["name"] for s in record["statements"] if s["speaker"] in by_id
        )),
    }


def _names_score(kind: str):
    scorer = person_name_score if kind == "person" else org_name_score
    return lambda p, g: scorer(p["name"], p.get("aliases", []), g["name"], g.get("aliases", []))


def _score_persons(pred: list[dict], gold: list[dict]) -> dict[str, Counts]:
    pairs = one_to_one(pred, gold, _names_score("person"))
    country = Counts(
        tp=sum(1 for p, g, _ in pairs if p.get("country") and p.get("country") == g.get("country")),
        predicted=sum(1 for p in pred if p.get("country")),
        gold=sum(1 for g in gold if g.get("country")),
    )
    title_tp = sum(len(one_to_one(p.get("titles", []), g.get("titles", []), title_score)) for p, g, _ in pairs)
    titles = Counts(title_tp, sum(len(p.get("titles", [])) for p in pred), sum(len(g.get("titles", [])) for g in gold))
    return {"persons": Counts(len(pairs), len(pred), len(gold)), "person_country": country, "person_title": titles}


def _event_score(p: dict[str, Any], g: dict[str, Any]) -> float:
    if p["type"] != g["type"]:
        return 0.0
    overlap = jaccard(p.get("countries", []), g.get("countries", []))
    if overlap < EVENT_COUNTRY_JACCARD:
        return 0.0
    people = jaccard([" ".join(name_key(n)) for n in p.get("participants", [])],
                     [" ".join(name_key(n)) for n in g.get("participants", [])])
    same_mode_status = p.get("mode") == g.get("mode") and p.get("status") == g.get("status")
    return overlap + 0.5 * people + 0.25 * same_mode_status


def _score_events(pred: list[dict], gold: list[dict]) -> dict[str, Counts]:
    pairs = one_to_one(pred, gold, _event_score)
    mode_status = sum(1 for p, g, _ in pairs if p.get("mode") == g.get("mode") and p.get("status") == g.get("status"))
    agreements_pred = Counter((a["instrument"], a["status"]) for a in (e.get("agreement") for e in pred) if a)
    agreements_gold = Counter((a["instrument"], a["status"]) for a in (e.get("agreement") for e in gold) if a)
    return {
        "events": Counts(len(pairs), len(pred), len(gold)),
        "event_mode_status": Counts(mode_status, len(pred), len(gold)),
        "agreements": Counts(sum((agreements_pred & agreements_gold).values()),
                             sum(agreements_pred.values()), sum(agreements_gold.values())),
    }


def _set_counts(pred: Iterable[str], gold: Iterable[str]) -> Counts:
    p, g = set(pred), set(gold)
    return Counts(len(p & g), len(p), len(g))


def score_document(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, Counts]:
    """``predicted`` and ``gold`` both in the gold format (see ``gold_view``)."""
    counts = _score_persons(predicted["persons"], gold.get("persons", []))
    counts["organizations"] = Counts(
        len(one_to_one(predicted["organizations"], gold.get("organizations", []), _names_score("org"))),
        len(predicted["organizations"]), len(gold.get("organizations", [])),
    )
    counts["countries"] = _set_counts(predicted["countries"], gold.get("countries", []))
    counts.update(_score_events(predicted["events"], gold.get("events", [])))
    counts["sectors"] = _set_counts(predicted["sectors"], gold.get("sectors", []))
    speakers = [{"name": n} for n in predicted["speakers"]]
    gold_speakers = [{"name": n} for n in gold.get("speakers", [])]
    counts["speakers"] = Counts(len(one_to_one(speakers, gold_speakers, _names_score("person"))),
                                len(speakers), len(gold_speakers))
    return counts


def score_corpus(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Counts]:
    """Micro-averaged counts over (predicted view, gold) pairs."""
    totals = {field: Counts() for field in FIELDS}
    for predicted, gold in pairs:
        for field, counts in score_document(predicted, gold).items():
            totals[field] += counts
    return totals
