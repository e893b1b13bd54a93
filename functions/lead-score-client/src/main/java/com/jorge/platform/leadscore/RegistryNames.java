package com.jorge.platform.leadscore;

import java.util.regex.Pattern;

/**
 * Model names and versions become S3 keys and URL path segments. The same alphabet as the inference
 * tier's RegistryNames (gpu-inference), copied rather than linked: that module is far too heavy for a
 * Lambda, and a name the tier would refuse must not be read here either.
 */
final class RegistryNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RegistryNames() {
    }

    static boolean isSafe(String segment) {
        return segment != null && SAFE.matcher(segment).matches() && !segment.contains("..");
    }

    static String requireSafe(String what, String segment) {
        if (!isSafe(segment)) {
            throw new IllegalArgumentException(what + " '" + segment + "' must match " + SAFE.pattern());
        }
        return segment;
    }
}
