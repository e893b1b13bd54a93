package com.jorge.platform.cache;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Batches of script calls pipelined per master, on a connection of their own (auto-flush off), so the
 * function's other commands on {@link RedisConnector}'s connection never wait behind a pipeline. The
 * connection is opened from the connector's client on first use and again after a failure or a reconnect
 * (shutting a client down closes its connections).
 */
public final class RedisPipeline {

    /** One call of a script: its keys (all in one hash slot) and its arguments. */
    public record ScriptCall(String[] keys, String[] args) {
        public ScriptCall {
            if (keys.length == 0) throw new IllegalArgumentException("a script call needs a key (it picks the node)");
        }
    }

    private final RedisConnector redis;
    private StatefulConnection<String, String> pipeline;

    public RedisPipeline(RedisConnector redis) {
        this.redis = redis;
    }

    /**
     * Runs {@code script} once per call, pipelined: the calls are grouped by the master that owns their
     * slot, each group is written to its node's connection without a flush, then every node's pipeline is
     * flushed at once, so a batch costs about one round trip per node instead of one per call. EVALSHA
     * first; calls a node answers NOSCRIPT (a new or failed-over node) go again as EVAL in a second pipeline.
     * A call a node refuses otherwise (MOVED while the topology changes) is run alone through the cluster
     * client, which follows the redirect. Answers come in the calls' order.
     */
    public synchronized List<Object> eval(String script, String sha, ScriptOutputType type, List<ScriptCall> calls) {
        if (calls.isEmpty()) return List.of();
        redis.commands(); // connected, or CacheUnavailableException
        try {
            Object[] answers = new Object[calls.size()];
            List<Integer> noScript = new ArrayList<>(), refused = new ArrayList<>();
            List<RedisFuture<Object>> sent = send(calls, i -> true, (c, call) -> c.evalsha(sha, type, call.keys(), call.args()));
            collect(sent, answers, noScript, refused);
            if (!noScript.isEmpty()) {
                Set<Integer> missing = new HashSet<>(noScript);
                List<RedisFuture<Object>> again = send(calls, missing::contains, (c, call) -> c.eval(script, type, call.keys(), call.args()));
                collect(again, answers, new ArrayList<>(), refused); // EVAL loads the script: no NOSCRIPT twice
            }
            for (int i : refused) {
                ScriptCall call = calls.get(i);
                answers[i] = redis.commands().eval(script, type, call.keys(), call.args());
            }
            if (!refused.isEmpty()) redis.refreshTopologySoon();
            return Arrays.asList(answers);
        } catch (RuntimeException e) {
            close(); // a failed pipeline may still hold unanswered commands: the next one starts clean
            redis.refreshTopologySoon();
            if (e instanceof CacheUnavailableException unavailable) throw unavailable;
            throw new CacheUnavailableException("Redis pipelined script failed", e);
        }
    }

    private interface Issue {
        RedisFuture<Object> on(RedisClusterAsyncCommands<String, String> node, ScriptCall call);
    }

    /** Writes the chosen calls grouped by node, then flushes every node's pipeline; null futures for calls not chosen. */
    private List<RedisFuture<Object>> send(List<ScriptCall> calls, IntPredicate chosen, Issue issue) {
        List<RedisFuture<Object>> futures = new ArrayList<>(Collections.nCopies(calls.size(), null));
        StatefulConnection<String, String> p = connection();
        if (p instanceof StatefulRedisClusterConnection<String, String> c) {
            Map<String, List<Integer>> byNode = new LinkedHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                if (!chosen.test(i)) continue;
                RedisClusterNode owner = c.getPartitions().getPartitionBySlot(SlotHash.getSlot(calls.get(i).keys()[0]));
                if (owner == null) throw new CacheUnavailableException("no Redis master owns the slot of a warm key", null);
                byNode.computeIfAbsent(owner.getNodeId(), n -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> node : byNode.entrySet()) {
                var async = c.getConnection(node.getKey()).async(); // the node's connection: auto-flush off like its cluster connection
                for (int i : node.getValue()) futures.set(i, issue.on(async, calls.get(i)));
            }
            c.flushCommands();
        } else {
            var async = ((StatefulRedisConnection<String, String>) p).async();
            for (int i = 0; i < calls.size(); i++) if (chosen.test(i)) futures.set(i, issue.on(async, calls.get(i)));
            p.flushCommands();
        }
        return futures;
    }

    private void collect(List<RedisFuture<Object>> futures, Object[] answers, List<Integer> noScript, List<Integer> refused) {
        long waitMillis = redis.commandTimeout().toMillis() * 2;
        for (int i = 0; i < futures.size(); i++) {
            RedisFuture<Object> f = futures.get(i);
            if (f == null) continue;
            try {
                answers[i] = f.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RedisNoScriptException) noScript.add(i);
                else if (redis.isCluster() && e.getCause() instanceof RedisCommandExecutionException) refused.add(i);
                else throw new CacheUnavailableException("Redis pipelined script failed", e.getCause());
            } catch (TimeoutException e) {
                throw new CacheUnavailableException("Redis pipelined script timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CacheUnavailableException("interrupted waiting for Redis", e);
            }
        }
    }

    private StatefulConnection<String, String> connection() {
        if (pipeline != null && pipeline.isOpen()) return pipeline;
        pipeline = redis.openConnection();
        pipeline.setAutoFlushCommands(false);
        return pipeline;
    }

    /** Closes the pipeline's connection; the next batch opens a new one. */
    public synchronized void close() {
        try {
            if (pipeline != null) pipeline.close();
        } catch (RuntimeException ignored) {
            // already broken
        }
        pipeline = null;
    }
}
