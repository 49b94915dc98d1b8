"""Batch extraction at scale on Apache Spark: ``rasid batch INPUT... OUTPUT``.

The engine maps the same pure ``rasid.pipeline.process(article, settings)``
that ``rasid extract`` calls over the articles of a corpus, and writes the
records as Parquet partitioned by publication month and source, with a
dead-letter output for the inputs that could not be processed.

Modules: ``schema`` (the record's Parquet/Spark schema, derived from
rasid/schema/record.schema.json), ``sources`` (file bytes to articles),
``job`` (the Spark job), ``parquet`` (reading the records back, pyarrow only).
"""
