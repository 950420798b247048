package jp.homebiyori.localdev;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder with {@code package.json} and {@code openapi/}). */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("homebiyori.root", System.getenv("HOMEBIYORI_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("openapi")) && Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found: set -Dhomebiyori.root or HOMEBIYORI_ROOT");
    }
}
