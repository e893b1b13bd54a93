package com.jorge.platform.inference.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The registry in a folder ({@code models/artifacts} in this repository), for laptops and tests. */
public final class LocalFolderModelRepository implements ModelRepository {

    private final Path root;

    public LocalFolderModelRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> routing(String model) throws IOException {
        Path file = resolve(model).resolve(ROUTING_FILE);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public List<String> versions(String model) throws IOException {
        Path dir = resolve(model);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(MODEL_FILE)))
                    .map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    public byte[] read(String model, String version, String file) throws IOException {
        Path path = resolve(model).resolve(RegistryNames.requireSafe("version", version)).resolve(file).normalize();
        if (!path.startsWith(root)) {
            throw new NoSuchFileException(path.toString());
        }
        return Files.readAllBytes(path);
    }

    private Path resolve(String model) {
        return root.resolve(RegistryNames.requireSafe("model", model));
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
