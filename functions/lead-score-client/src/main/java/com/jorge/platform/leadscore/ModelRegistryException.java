package com.jorge.platform.leadscore;

/**
 * The model registry holds something that cannot be served: a live version whose files are missing,
 * do not match their checksum, name a feature set this build does not link, or S3 refused the read.
 * The message names the S3 object. Not thrown for "no model is live" (that is an empty result).
 */
public final class ModelRegistryException extends RuntimeException {

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
