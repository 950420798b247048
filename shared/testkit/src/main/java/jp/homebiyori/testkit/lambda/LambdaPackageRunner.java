package jp.homebiyori.testkit.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs a function of the Lambda packages (lambda-adapter/target/lambda/) as AWS would: its layers
 * unpacked under /opt (java/lib), its package as the task (lib/), the runtime's command line (only the
 * Lambda core types on its class path) passed through the common layer's exec wrapper, the function then
 * loaded by a class loader of its own as AWS's runtime interface client does, in one
 * fresh JVM with the heap its memory size allows, one handler instance taking the events one after
 * another (the {@code Invoke.java} harness, run by the JDK's source launcher so that no test class is
 * anywhere). Configuration comes as environment variables, as the template gives it in AWS.
 */
public final class LambdaPackageRunner {

    private LambdaPackageRunner() {
    }

    /** The repository root the build passes as {@code homebiyori.root}. */
    public static Path root() {
        String root = System.getProperty("homebiyori.root");
        return root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    }

    /** The packages of the last {@code package} of lambda-adapter. */
    public static Path packagesDir() {
        return Path.of(System.getProperty("lambda.dir", root().resolve("lambda-adapter/target/lambda").toString()));
    }

    public static Path layer(String name) {
        return packagesDir().resolve("layers").resolve(name + ".zip");
    }

    public static Path functionPackage(LambdaFunction f) {
        return packagesDir().resolve("functions").resolve(f.name() + ".zip");
    }

    public static List<Path> layersOf(LambdaFunction f) {
        List<Path> layers = new ArrayList<>(List.of(layer("homebiyori-common-layer")));
        if (f.usesAiLayer()) {
            layers.add(layer("homebiyori-ai-layer"));
        }
        return layers;
    }

    /** What the handler wrote for each event (event files named {@code *.sqs-empty} send an empty SQS batch). */
    public static List<String> invoke(LambdaFunction f, Map<String, String> config, List<String> events) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("lambda-" + f.name());
        Path opt = work.resolve("opt");
        Path task = work.resolve("task");
        List<String> layerJars = new ArrayList<>();
        for (Path zip : layersOf(f)) {
            layerJars.addAll(unzip(zip, opt));
        }
        unzip(functionPackage(f), task);
        // the runtime's own class path: the Lambda core types (the runtime interface client ships them)
        String core = layerJars.stream().filter(j -> Path.of(j).getFileName().toString().startsWith("aws-lambda-java-core-"))
                .findFirst().orElseThrow(() -> new AssertionError("no aws-lambda-java-core in the layers of " + f.name()));
        Path harness = work.resolve("Invoke.java");
        try (InputStream in = LambdaPackageRunner.class.getResourceAsStream("/lambda/Invoke.java")) {
            Files.copy(in, harness);
        }
        // as AWS starts it: the runtime's command line, handed to the exec wrapper the common layer carries
        // (AWS_LAMBDA_EXEC_WRAPPER=/opt/homebiyori-classpath in the template)
        Path wrapper = opt.resolve("homebiyori-classpath");
        if (!Files.isRegularFile(wrapper)) {
            throw new AssertionError("the common layer carries no exec wrapper homebiyori-classpath");
        }
        List<String> command = new ArrayList<>(List.of("bash", wrapper.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (f.memoryMb() * 85 / 100) + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", core));
        command.add(harness.toString());
        command.add(task.toString());
        command.add(opt.resolve("java").toString());
        command.add(f.handlerClass());
        int i = 0;
        for (String event : events) {
            Path file = work.resolve("event-" + (i++) + (event == null ? ".sqs-empty" : ".json"));
            Files.writeString(file, event == null ? "" : event);
            command.add(file.toString());
        }
        Path log = work.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("LAMBDA_TASK_ROOT", task.toString());
        builder.environment().put("HOMEBIYORI_LAYER_ROOT", opt.toString());
        builder.environment().remove("CLASSPATH");
        // as the template configures a function: environment variables, named by MicroProfile Config's rule
        // (homebiyori.ttl-updater.worker.enabled -> HOMEBIYORI_TTL_UPDATER_WORKER_ENABLED)
        config.forEach((k, v) -> builder.environment().put(environmentName(k), v));
        Process process = builder.start();
        String stdout;
        try (InputStream in = process.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(f.name() + " did not finish in 120 s");
        }
        List<String> outputs = stdout.lines().filter(l -> l.startsWith("RESPONSE "))
                .map(l -> new String(Base64.getDecoder().decode(l.substring(9)), StandardCharsets.UTF_8)).toList();
        if (process.exitValue() != 0 || outputs.size() != events.size()) {
            throw new AssertionError(f.name() + " exited " + process.exitValue() + " after " + outputs.size() + " of "
                    + events.size() + " events; stderr:\n" + tail(Files.readString(log)));
        }
        return outputs;
    }

    /** The environment variable MicroProfile Config reads for {@code property}: non-alphanumerics to '_', upper case. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                jars.add(target.toString());
            }
        }
        return jars;
    }

    /** The jar files of a layer or package, and the libraries inside the merged ones. */
    public static List<String> jars(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                names.add(name.substring(name.lastIndexOf('/') + 1));
                if (name.endsWith(".jar")) {
                    names.addAll(mergedInto(file, entry));
                }
            }
        }
        return names;
    }

    /** The libraries a merged jar of the packager holds ({@code META-INF/homebiyori/libraries.txt}), else none. */
    private static List<String> mergedInto(ZipFile file, ZipEntry jar) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(file.getInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("META-INF/homebiyori/libraries.txt")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
                }
            }
        }
        return List.of();
    }
}
