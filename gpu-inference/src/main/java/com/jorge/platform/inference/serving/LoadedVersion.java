package com.jorge.platform.inference.serving;

import com.jorge.platform.inference.batching.DynamicBatcher;
import com.jorge.platform.inference.model.ServableModel;
import com.jorge.platform.inference.registry.ModelMetadata;

/**
 * One model version ready to serve: the model, its batcher, and where it came from.
 *
 * @param metadata null for a model that does not come from the registry (the embedding model)
 */
public record LoadedVersion(ServableModel model, DynamicBatcher batcher, String sha256, ModelMetadata metadata) {

    public String version() {
        return model.version();
    }

    /** Lets queued requests finish, then frees the session. */
    public void retire() {
        batcher.close();
        model.close();
    }
}
