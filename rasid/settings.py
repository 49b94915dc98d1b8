"""One settings object, validated once and passed down.

Values come from keyword arguments, then ``RASID_*`` environment variables,
then the defaults below.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from rasid.components import default_components, registered


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RASID_", frozen=True, extra="forbid")

    components: tuple[str, ...] = Field(
        default_factory=default_components, description="names of the pipeline components, in order"
    )
    max_article_chars: int = Field(
        default=1_000_000, gt=0, description="longer articles are refused with an error"
    )
    min_arabic_share: float = Field(
        default=0.2, ge=0.0, le=1.0,
        description="an article whose letters are less Arabic than this is refused as non-Arabic",
    )
    ner_model: str | None = Field(
        default=None, description="path of a trained NER model; None uses the bundled one"
    )
    ner_neural: bool = Field(
        default=True,
        description="decode with the neural tagger beside the NER model when there is one (the bundled model "
                    "has one); False: its CRF alone, about a fifth faster and less accurate (model card)",
    )
    db: str = Field(
        default="rasid.db", description="the knowledge base: a SQLite file path or a postgresql:// URL"
    )
    api_token: str | None = Field(
        default=None, description="token that API writes (ingest, merge) must send; None refuses all writes"
    )
    ingest_workers: int = Field(default=2, ge=0, description="extraction processes of `rasid ingest` (0: inline)")
    near_duplicate_threshold: float = Field(
        default=0.7, gt=0.0, le=1.0,
        description="estimated Jaccard similarity of word shingles at which two articles are one story",
    )

    spark_master: str = Field(
        default="local[*]", description="`rasid batch`: the Spark master (local[*], local[2], spark://host:7077, yarn)"
    )
    spark_partitions: int | None = Field(
        default=None, ge=1, description="`rasid batch`: extraction tasks of equal size the articles are spread over "
                                  "(None: tasks that shrink as the work runs out, about 7 per core)"
    )
    spark_compact_output: bool = Field(
        default=False,
        description="`rasid batch`: one Parquet file per (month, source) partition and run, through a shuffle "
                    "of the records before the write (slower); by default each extraction task writes its own "
                    "file into each partition it has records for",
    )
    spark_driver_memory: str = Field(default="2g", description="`rasid batch`: memory of the Spark driver")
    spark_executor_memory: str = Field(default="2g", description="`rasid batch`: memory of each Spark executor")
    spark_java_options: str = Field(
        default="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
        description="`rasid batch`: JVM options of the Spark driver and executors (the JVM only moves data "
                    "between files, Python workers and Parquet: quick compilation and one GC thread leave "
                    "the cores to the extraction; '' keeps the JVM's defaults)",
    )
    spark_log_level: Literal["ALL", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"] = Field(
        default="WARN", description="`rasid batch`: log level of the Spark engine"
    )

    @field_validator("components")
    @classmethod
    def _known_components(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [n for n in names if n not in registered()]
        if unknown:
            raise ValueError(f"unknown component(s) {unknown}; known: {sorted(registered())}")
        return names
