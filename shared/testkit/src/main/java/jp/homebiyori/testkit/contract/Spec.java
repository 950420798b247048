package jp.homebiyori.testkit.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The three contracts of {@code openapi/}, found from the {@code homebiyori.root} system property the build sets. */
public enum Spec {
    USER("user-api.yaml"),
    ADMIN("admin-api.yaml"),
    INTERNAL("internal-api.yaml");

    private final String fileName;

    Spec(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The spec file; fails clearly when the tests do not run from the repository. */
    public Path file() {
        String root = System.getProperty("homebiyori.root");
        Path base = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        Path file = base.resolve("openapi").resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("spec not found: " + file.toAbsolutePath() + " (set -Dhomebiyori.root)");
        }
        return file;
    }

    /** The contract a request path belongs to: {@code /api/admin/…} admin, {@code /internal/…} internal, else user. */
    public static Spec ofPath(String path) {
        if (path.startsWith("/api/admin/") || path.equals("/api/admin")) {
            return ADMIN;
        }
        return path.startsWith("/internal/") ? INTERNAL : USER;
    }
}
