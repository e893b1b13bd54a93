package com.jorge.platform.testkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Programs some tests need from the operating system (headless Chromium, chromedriver, promtool).
 * {@code .ci/run} installs them; on a machine without one, the test that needs it is skipped with a
 * message naming the Debian package to install, and every other test still runs.
 */
public final class OsTools {

    /** A program on this machine and the Debian package that provides it. */
    public record Tool(String command, String debianPackage) {}

    public static final Tool CHROMIUM = new Tool("chromium", "chromium");
    public static final Tool CHROMEDRIVER = new Tool("chromedriver", "chromium-driver");
    public static final Tool PROMTOOL = new Tool("promtool", "prometheus");

    private OsTools() {}

    /** The program's path; skips the calling test when the program is missing. */
    public static Path require(Tool tool) {
        Path found = find(tool.command());
        Assumptions.assumeTrue(found != null, () -> "skipped: `" + tool.command()
                + "` is not installed (Debian package `" + tool.debianPackage() + "`: apt-get install "
                + tool.debianPackage() + ")");
        return found;
    }

    /** The program on PATH, or under /usr/bin, /usr/local/bin; null when absent. */
    static Path find(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new java.util.ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin"));
        for (String dir : dirs) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
