package com.jorge.platform.inference.registry;

import java.util.regex.Pattern;

/** Model names and versions become path segments and S3 keys: only a safe alphabet is allowed. */
public final class RegistryNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RegistryNames() {
    }

    public static boolean isSafe(String segment) {
        return segment != null && SAFE.matcher(segment).matches() && !segment.contains("..");
    }

    public static String requireSafe(String what, String segment) {
        if (!isSafe(segment)) {
            throw new IllegalArgumentException(what + " '" + segment + "' must match " + SAFE.pattern());
        }
        return segment;
    }
}
