"""Articles spread over extraction tasks: Spark's hash of the bucket keys, greedy balance by text length."""
from __future__ import annotations

from pyspark.sql import functions as F

from rasid.batch.balance import BucketAssigner, bucket_keys, spark_hash_int


def test_hash_is_sparks_hash_of_an_int(spark):
    values = [0, 1, 2, 7, 42, 1000, 123456789, -1, -987654]
    rows = (spark.createDataFrame([(v,) for v in values], "v int")
            .select("v", F.hash("v").alias("h")).collect())
    assert {row["v"]: row["h"] for row in rows} == {v: spark_hash_int(v) for v in values}


def test_bucket_keys_land_on_their_own_partitions(spark):
    for buckets in (2, 5, 16):
        keys = bucket_keys(buckets)
        assert len(set(keys)) == buckets
        frame = spark.createDataFrame([(bucket, key) for bucket, key in enumerate(keys)], "bucket int, key int")
        placed = frame.repartition(buckets, "key").select("bucket", F.spark_partition_id().alias("p")).collect()
        assert all(row["bucket"] == row["p"] for row in placed), buckets


def test_each_article_goes_to_the_bucket_with_the_least_text():
    assigner = BucketAssigner(3)
    assert [assigner.assign(w) for w in (10, 5, 1, 3, 20, 2)] == [0, 1, 2, 2, 2, 1]


def test_ties_start_from_the_tasks_own_bucket():
    assigner = BucketAssigner(4, start=2)
    assert [assigner.assign(1) for _ in range(5)] == [2, 3, 0, 1, 2]


def test_loads_stay_within_one_article_of_each_other():
    assigner = BucketAssigner(4, start=1)
    loads = [0] * 4
    for weight in [(n * 7919) % 3000 + 200 for n in range(1000)]:
        loads[assigner.assign(weight)] += weight
    assert max(loads) - min(loads) <= 3200
