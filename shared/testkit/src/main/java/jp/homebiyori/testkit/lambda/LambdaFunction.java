package jp.homebiyori.testkit.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One function of {@code lambda-adapter/src/lambda/functions.csv}: the design document's memory, timeout
 * and reserved concurrency, the artifact it runs, its handler and its layers.
 */
public record LambdaFunction(String name, String artifact, String handler, int memoryMb, int timeoutSeconds,
                             int reservedConcurrency, Set<String> layers) {

    public boolean usesAiLayer() {
        return layers.contains("ai");
    }

    /** The handler's class, without the {@code ::method}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    public static List<LambdaFunction> read(Path csv) throws IOException {
        List<LambdaFunction> functions = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
                continue;
            }
            String[] f = line.split(",");
            functions.add(new LambdaFunction(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Set.of(f[6].split("\\+"))));
        }
        return functions;
    }

    /** The functions file of the repository ({@code homebiyori.root}). */
    public static List<LambdaFunction> all() throws IOException {
        return read(LambdaPackageRunner.root().resolve("lambda-adapter/src/lambda/functions.csv"));
    }

    public static LambdaFunction named(String name) throws IOException {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + name));
    }
}
