package com.jorge.platform.infra.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that differs between dev, staging and prod. It comes from CDK context
 * ({@code jorge:environments} in cdk.json, chosen with {@code -c env=prod}), never from code, and is
 * checked here so that a bad value fails the synth with the field's name instead of a broken deploy.
 */
public record EnvironmentSettings(
        String name,
        String region,
        Network network,
        Data data,
        Inference inference,
        Functions functions,
        Schedules schedules,
        Audit audit,
        Alarms alarms,
        Workflows workflows,
        Experiments experiments,
        int logRetentionDays,
        String apiDomainName,
        String legacyRsaWebhookKeyParameter,
        String ghlAuthorization) {

    public static final Set<String> NAMES = Set.of("dev", "staging", "prod");
    /** How the worker authorizes to GHL: one private-integration token, or each installed location's OAuth token. */
    public static final Set<String> GHL_AUTHORIZATIONS = Set.of("private-integration", "marketplace");

    public EnvironmentSettings {
        Check.that(NAMES.contains(name), "name", "must be one of " + NAMES + ", was '" + name + "'");
        Check.that(region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d"), "region", "must be an AWS region such as us-east-1, was '" + region + "'");
        Check.present(network, "network");
        Check.present(data, "data");
        Check.present(inference, "inference");
        Check.present(functions, "functions");
        Check.present(schedules, "schedules");
        Check.present(audit, "audit");
        Check.present(alarms, "alarms");
        Check.present(workflows, "workflows");
        Check.present(experiments, "experiments");
        LogRetention.days(logRetentionDays, "logRetentionDays");
        apiDomainName = apiDomainName == null ? "" : apiDomainName.trim();
        Check.that(apiDomainName.isEmpty() || apiDomainName.matches("([a-z0-9-]+\\.)+[a-z]{2,}"), "apiDomainName",
                "must be empty or a lower-case DNS name, was '" + apiDomainName + "'");
        // GHL signs with Ed25519 only since 1 July 2026 (the intake ships its key); RSA is an opt-in legacy
        legacyRsaWebhookKeyParameter = legacyRsaWebhookKeyParameter == null ? "" : legacyRsaWebhookKeyParameter.trim();
        Check.that(legacyRsaWebhookKeyParameter.isEmpty() || legacyRsaWebhookKeyParameter.matches("(/[A-Za-z0-9_.-]+)+"),
                "legacyRsaWebhookKeyParameter", "must be empty or an SSM parameter name such as /jorge/prod/ghl/webhook-rsa-public-key, was '"
                        + legacyRsaWebhookKeyParameter + "'");
        Check.that(GHL_AUTHORIZATIONS.contains(ghlAuthorization), "ghlAuthorization",
                "must be one of " + GHL_AUTHORIZATIONS + ", was '" + ghlAuthorization + "'");
    }

    /** Whether the worker calls GHL with each installed location's OAuth token (the Marketplace app) rather than GHL_API_TOKEN. */
    public boolean marketplaceApp() {
        return ghlAuthorization.equals("marketplace");
    }

    /** Whether the intake also accepts GHL's retired RSA X-WH-Signature, with the key in this SSM parameter. */
    public boolean acceptsLegacyRsaWebhooks() {
        return !legacyRsaWebhookKeyParameter.isEmpty();
    }

    public boolean hasApiDomain() {
        return !apiDomainName.isEmpty();
    }

    /** Stack names carry the environment so that a wrong profile never updates the wrong stacks silently. */
    public String stackName(String part) {
        return "Jorge-" + name + "-" + part;
    }

    public record Network(List<String> availabilityZones, int maxAzs, int natGateways, String cidr) {
        public Network {
            availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
            Check.that(availabilityZones.isEmpty() || availabilityZones.size() >= 2, "network.availabilityZones", "must name at least two zones (or none to let CDK pick)");
            Check.range(maxAzs, 2, 6, "network.maxAzs");
            Check.range(natGateways, 1, 6, "network.natGateways");
            Check.that(cidr != null && cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/(1[6-9]|2[0-4])"), "network.cidr", "must be an IPv4 CIDR between /16 and /24, was '" + cidr + "'");
        }
    }

    public record Data(
            double auroraMinAcu, double auroraMaxAcu, int auroraReaders, int backupRetentionDays,
            String redisNodeType, int redisShards, int redisReplicasPerShard, int redisPort,
            int noncurrentModelVersionDays) {
        public Data {
            Check.that(auroraMinAcu >= 0.5 && auroraMinAcu <= 256, "data.auroraMinAcu", "must be between 0.5 and 256");
            Check.that(auroraMaxAcu >= auroraMinAcu && auroraMaxAcu <= 256, "data.auroraMaxAcu", "must be between auroraMinAcu and 256");
            Check.range(auroraReaders, 1, 15, "data.auroraReaders");
            Check.range(backupRetentionDays, 7, 35, "data.backupRetentionDays");
            Check.that(redisNodeType != null && redisNodeType.startsWith("cache."), "data.redisNodeType", "must be an ElastiCache node type such as cache.r7g.large");
            Check.range(redisShards, 1, 500, "data.redisShards");
            Check.range(redisReplicasPerShard, 1, 5, "data.redisReplicasPerShard");
            Check.range(redisPort, 1024, 65535, "data.redisPort");
            Check.range(noncurrentModelVersionDays, 1, 3650, "data.noncurrentModelVersionDays");
        }
    }

    public record Inference(
            String instanceType, int minTasks, int maxTasks, int cpuTargetPercent, int queueDepthTarget,
            int gpusPerTask, int taskMemoryMiB, int taskCpuUnits, int healthCheckGraceSeconds) {
        public Inference {
            Check.that(instanceType != null && instanceType.matches("g[4-6][a-z]*\\.[0-9]*x?large"), "inference.instanceType",
                    "must be a GPU instance type (g4dn/g5/g6 family), was '" + instanceType + "'");
            Check.range(minTasks, 1, 100, "inference.minTasks");
            Check.range(maxTasks, minTasks, 200, "inference.maxTasks");
            Check.range(cpuTargetPercent, 10, 95, "inference.cpuTargetPercent");
            Check.range(queueDepthTarget, 1, 10_000, "inference.queueDepthTarget");
            Check.range(gpusPerTask, 1, 8, "inference.gpusPerTask");
            Check.range(taskMemoryMiB, 512, 786_432, "inference.taskMemoryMiB");
            Check.range(taskCpuUnits, 256, 196_608, "inference.taskCpuUnits");
            Check.range(healthCheckGraceSeconds, 0, 3600, "inference.healthCheckGraceSeconds");
        }
    }

    public record Functions(
            int intakeMemoryMiB, int workerMemoryMiB, int workerTimeoutSeconds, int workerReservedConcurrency,
            int botHumanPauseMinutes, int apiRateLimit, int apiBurstLimit, String bedrockModelId) {
        public Functions {
            Check.range(intakeMemoryMiB, 128, 10_240, "functions.intakeMemoryMiB");
            Check.range(workerMemoryMiB, 128, 10_240, "functions.workerMemoryMiB");
            Check.range(workerTimeoutSeconds, 5, 900, "functions.workerTimeoutSeconds");
            Check.range(workerReservedConcurrency, 2, 1000, "functions.workerReservedConcurrency"); // the SQS event source needs >= 2
            Check.range(botHumanPauseMinutes, 1, 10_080, "functions.botHumanPauseMinutes");
            Check.range(apiRateLimit, 1, 10_000, "functions.apiRateLimit");
            Check.range(apiBurstLimit, apiRateLimit, 5_000 + apiRateLimit, "functions.apiBurstLimit");
            bedrockModelId = bedrockModelId == null ? "" : bedrockModelId.trim();
            Check.that(bedrockModelId.isEmpty() || bedrockModelId.matches("[a-z0-9.:-]+"), "functions.bedrockModelId", "must be empty or a Bedrock model id");
        }

        public boolean usesBedrock() {
            return !bedrockModelId.isEmpty();
        }
    }

    public record Schedules(String cacheWarmer, String alertEvaluator, String biAggregator) {
        public Schedules {
            ScheduleExpression.check(cacheWarmer, "schedules.cacheWarmer");
            ScheduleExpression.check(alertEvaluator, "schedules.alertEvaluator");
            ScheduleExpression.check(biAggregator, "schedules.biAggregator");
        }
    }

    /**
     * The A/B experiments (platform-core's EXPERIMENTS: the bots vary by them, the BI report judges them) with what
     * the two kinds that need more than a name get: each {@code follow_up_cadence} variant's waits
     * (JORGE_BOTS_FOLLOW_UP_CADENCES, {@code fast=PT2H,P1D;slow=P1D,P4D}) and each {@code model_version} variant's
     * registry version (LEAD_SCORE_VARIANT_VERSIONS, {@code challenger=12}). The functions check every rule at start
     * (a bad experiment fails the canary, which rolls back); here only what synth can see.
     */
    public record Experiments(com.fasterxml.jackson.databind.JsonNode definitions, String followUpCadences,
                              String leadScoreVariantVersions) {
        public static final Set<String> KINDS = Set.of("bot_script", "template", "model_version", "follow_up_cadence");

        public Experiments {
            Check.that(definitions != null && definitions.isArray(), "experiments.definitions", "must be a JSON array (empty: none)");
            for (int i = 0; i < definitions.size(); i++) {
                var e = definitions.get(i);
                String at = "experiments.definitions[" + i + "]";
                Check.that(e.isObject() && e.path("name").isTextual() && !e.path("name").asText().isBlank(), at, "needs a name");
                Check.that(KINDS.contains(e.path("kind").asText()), at + ".kind", "must be one of " + KINDS);
                Check.that(e.path("variants").isArray() && e.path("variants").size() >= 2, at + ".variants", "needs at least two variants");
            }
            followUpCadences = followUpCadences == null ? "" : followUpCadences.trim();
            leadScoreVariantVersions = leadScoreVariantVersions == null ? "" : leadScoreVariantVersions.trim();
        }

        /** The functions' settings: none when nothing is configured, so an environment without experiments is unchanged. */
        public Map<String, String> environment() {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            if (!definitions.isEmpty()) env.put("EXPERIMENTS", definitions.toString());
            if (!followUpCadences.isEmpty()) env.put("JORGE_BOTS_FOLLOW_UP_CADENCES", followUpCadences);
            if (!leadScoreVariantVersions.isEmpty()) env.put("LEAD_SCORE_VARIANT_VERSIONS", leadScoreVariantVersions);
            return env;
        }
    }

    /**
     * The audit archive: its S3 Object Lock retention in COMPLIANCE mode (no one, root included, can
     * shorten it: 2557 days, 7 years, in prod; a day in dev so a dev bucket can be emptied) and the daily export.
     */
    public record Audit(int retentionDays, String exportSchedule) {
        public Audit {
            Check.range(retentionDays, 1, 36_500, "audit.retentionDays");
            ScheduleExpression.check(exportSchedule, "audit.exportSchedule");
        }
    }

    public record Alarms(
            int canaryErrorThreshold, int webhookP99Ms, int workerP99Ms, int dlqDepthThreshold,
            int queueAgeSeconds, int auroraCpuPercent, int redisCpuPercent, int redisMemoryPercent,
            int inference5xxPerMinute, int inferenceP99Ms, int api5xxPerMinute) {
        public Alarms {
            Check.range(canaryErrorThreshold, 1, 10_000, "alarms.canaryErrorThreshold");
            Check.range(webhookP99Ms, 10, 30_000, "alarms.webhookP99Ms");
            Check.range(workerP99Ms, 10, 900_000, "alarms.workerP99Ms");
            Check.range(dlqDepthThreshold, 1, 100_000, "alarms.dlqDepthThreshold");
            Check.range(queueAgeSeconds, 10, 1_209_600, "alarms.queueAgeSeconds");
            Check.range(auroraCpuPercent, 1, 100, "alarms.auroraCpuPercent");
            Check.range(redisCpuPercent, 1, 100, "alarms.redisCpuPercent");
            Check.range(redisMemoryPercent, 1, 100, "alarms.redisMemoryPercent");
            Check.range(inference5xxPerMinute, 1, 100_000, "alarms.inference5xxPerMinute");
            Check.range(inferenceP99Ms, 1, 60_000, "alarms.inferenceP99Ms");
            Check.range(api5xxPerMinute, 1, 100_000, "alarms.api5xxPerMinute");
        }
    }

    public record Workflows(
            List<Integer> nurtureWaitSeconds, int handoffAcceptTimeoutSeconds, int teamLeadAcceptTimeoutSeconds,
            int modelCanaryPercent, int modelBakeSeconds, double maxErrorRateDelta, double maxLatencyRatio,
            int minCanaryRequests, List<String> handoffAgentIds, String handoffTeamLeadId,
            int approvalEscalateAfterSeconds, int approvalDeadlineSeconds) {
        public Workflows {
            // GHL user ids: with agents listed, the bot worker starts hot-lead-handoff; without, a hand-off
            // becomes a GHL task for the team lead (or for nobody in particular when none is set either)
            Check.that(handoffAgentIds != null && handoffAgentIds.size() <= 10, "workflows.handoffAgentIds", "must list 0 to 10 GHL user ids");
            handoffAgentIds = List.copyOf(handoffAgentIds);
            for (int i = 0; i < handoffAgentIds.size(); i++) {
                Check.that(handoffAgentIds.get(i).matches("[A-Za-z0-9_-]{1,64}"), "workflows.handoffAgentIds[" + i + "]",
                        "must be a GHL user id (letters, digits, '-' and '_')");
            }
            Check.that(handoffTeamLeadId != null && (handoffTeamLeadId.isEmpty() || handoffTeamLeadId.matches("[A-Za-z0-9_-]{1,64}")),
                    "workflows.handoffTeamLeadId", "must be a GHL user id, or empty");
            Check.that(handoffAgentIds.isEmpty() || !handoffTeamLeadId.isEmpty(), "workflows.handoffTeamLeadId",
                    "is required when handoffAgentIds lists agents: the hand-off escalates to the team lead");
            Check.that(nurtureWaitSeconds != null && !nurtureWaitSeconds.isEmpty() && nurtureWaitSeconds.size() <= 20,
                    "workflows.nurtureWaitSeconds", "must list 1 to 20 waits");
            nurtureWaitSeconds = List.copyOf(nurtureWaitSeconds);
            for (int i = 0; i < nurtureWaitSeconds.size(); i++) {
                Check.range(nurtureWaitSeconds.get(i), 60, 31_536_000, "workflows.nurtureWaitSeconds[" + i + "]");
            }
            Check.range(handoffAcceptTimeoutSeconds, 30, 86_400, "workflows.handoffAcceptTimeoutSeconds");
            Check.range(teamLeadAcceptTimeoutSeconds, 30, 86_400, "workflows.teamLeadAcceptTimeoutSeconds");
            Check.range(modelCanaryPercent, 1, 50, "workflows.modelCanaryPercent");
            Check.range(modelBakeSeconds, 300, 86_400, "workflows.modelBakeSeconds");
            Check.that(modelBakeSeconds % 60 == 0, "workflows.modelBakeSeconds", "must be a whole number of minutes (CloudWatch periods are multiples of 60 s)");
            Check.that(maxErrorRateDelta >= 0 && maxErrorRateDelta < 1, "workflows.maxErrorRateDelta", "must be in [0, 1)");
            Check.that(maxLatencyRatio >= 1 && maxLatencyRatio <= 10, "workflows.maxLatencyRatio", "must be in [1, 10]");
            Check.range(minCanaryRequests, 1, 10_000_000, "workflows.minCanaryRequests");
            // an approval waits for the location's people, then for the team lead, until the deadline sends the lead the fallback
            Check.range(approvalEscalateAfterSeconds, 60, 86_400, "workflows.approvalEscalateAfterSeconds");
            Check.range(approvalDeadlineSeconds, 120, 172_800, "workflows.approvalDeadlineSeconds");
            Check.that(approvalDeadlineSeconds - approvalEscalateAfterSeconds >= 60, "workflows.approvalDeadlineSeconds",
                    "must leave the team lead at least 60 s after approvalEscalateAfterSeconds");
        }
    }
}
