/**
 * Real services for tests, never mocks: {@link TestPostgres} (a schema per test class; migrated ones reused, emptied, by {@link MigratedSchemas}), {@link TestRedis} (a key
 * namespace per class), {@link TestRedisCluster} (six redis-server processes), {@link TestSqs} (ElasticMQ for the
 * real SQS client), and {@link MutableClock}.
 */
package com.jorge.platform.testkit;
