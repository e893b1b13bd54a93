package com.jorge.platform.inference.metrics;

import java.util.Locale;

/** How a request reached a model version; CloudWatch keeps the versions apart, the role says why it got traffic. */
public enum TrafficRole {
    /** Routed by the manifest to the live version. */
    LIVE,
    /** Routed by the manifest to the canary for its percentage. */
    CANARY,
    /** The client named the version in the path. */
    NAMED,
    /** A mirrored copy of a request; its answer is logged, never returned. */
    SHADOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
