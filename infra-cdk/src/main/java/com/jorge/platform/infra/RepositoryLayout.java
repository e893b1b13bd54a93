package com.jorge.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build's artifacts lie, relative to the repository root. The CDK app deploys what the Maven
 * build produced, never a copy: a missing artifact stops the synth and says which command builds it.
 */
public record RepositoryLayout(Path root) {

    public RepositoryLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The repository root: $JORGE_REPO_ROOT, or the nearest folder above the working directory holding infra-cdk/ and functions/. */
    public static RepositoryLayout discover() {
        String override = System.getenv("JORGE_REPO_ROOT");
        if (override != null && !override.isBlank()) {
            return new RepositoryLayout(Path.of(override));
        }
        return findAbove(Path.of(System.getProperty("user.dir")))
                .orElseThrow(() -> new IllegalStateException("Cannot find the repository root above " + System.getProperty("user.dir")
                        + " (a folder holding infra-cdk/ and functions/); set JORGE_REPO_ROOT"));
    }

    static Optional<RepositoryLayout> findAbove(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra-cdk")) && Files.isDirectory(dir.resolve("functions"))) {
                return Optional.of(new RepositoryLayout(dir));
            }
        }
        return Optional.empty();
    }

    /** The shaded jar a function module's build writes to target/, checked to exist. */
    public Path functionJar(String module, String jarName) {
        Path jar = root.resolve("functions").resolve(module).resolve("target").resolve(jarName);
        if (!Files.isRegularFile(jar)) {
            throw new MissingArtifactException("The Lambda artifact " + root.relativize(jar) + " does not exist. Build it first: "
                    + "./mvnw -B install -DskipTests -pl functions/" + module + " -am  (the CDK app deploys the jar the build produces, never a copy)");
        }
        return jar;
    }

    public boolean hasFunctionJar(String module, String jarName) {
        return Files.isRegularFile(root.resolve("functions").resolve(module).resolve("target").resolve(jarName));
    }

    /** The inference service's Docker build context, checked to hold its Dockerfile. */
    public Path inferenceImageContext() {
        Path dir = root.resolve("gpu-inference");
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
            throw new MissingArtifactException("gpu-inference/Dockerfile does not exist: the inference image is built from it at deploy time.");
        }
        return dir;
    }

    public Path stateMachineDefinition(String fileName) {
        Path file = root.resolve("step-functions").resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new MissingArtifactException("The state machine definition step-functions/" + fileName + " does not exist.");
        }
        return file;
    }

    public static final class MissingArtifactException extends IllegalStateException {
        public MissingArtifactException(String message) {
            super(message);
        }
    }
}
