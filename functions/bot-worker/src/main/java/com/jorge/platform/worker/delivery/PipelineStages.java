package com.jorge.platform.worker.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GHL pipeline the bots move leads through, and the stage ids behind the names policies use
 * ("Qualifying", "Hot Lead", ...). Configured per location's pipeline as
 * {@code GHL_PIPELINE_STAGES="Qualifying=stageId,Hot Lead=stageId"}.
 */
public record PipelineStages(String pipelineId, Map<String, String> stageIdsByName) {

    public PipelineStages {
        stageIdsByName = Map.copyOf(stageIdsByName);
    }

    public static PipelineStages parse(String pipelineId, String spec) {
        Map<String, String> stages = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalStateException("GHL_PIPELINE_STAGES entry '" + pair + "' is not name=stageId");
                }
                stages.put(kv[0].trim(), kv[1].trim());
            }
        }
        return new PipelineStages(pipelineId, stages);
    }

    public Optional<String> stageId(String name) {
        return Optional.ofNullable(stageIdsByName.get(name));
    }
}
