package jp.homebiyori.lambda.packaging;

import jp.homebiyori.testkit.lambda.LambdaFunction;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * A build step, not a test (it lives in the test sources so that it never ships): splits the Lambda
 * classpath of every function of {@code src/lambda/functions.csv} into the two layers of the design
 * document and one package per function, run by the exec plugin in the {@code package} phase.
 *
 * <p>A function's classpath is its service jar and that service's run-time dependencies (the list each
 * service module writes into its jar, {@code META-INF/homebiyori/runtime-dependencies.txt}) as far as the
 * adapter ships them — so the pod-only web server stays out — plus the adapter and its own dependencies.
 * Then every jar goes to exactly one place:
 * <ul>
 *   <li>the AI layer ({@code homebiyori-ai-layer}) if it belongs to the AI module's closure and only
 *       functions using the AI layer need it;</li>
 *   <li>the common layer ({@code homebiyori-common-layer}) if two or more functions need it;</li>
 *   <li>else the package of the one function that needs it (in practice: the service's own jar).</li>
 * </ul>
 * Layers hold {@code java/lib/*.jar} (Lambda puts them on the classpath from {@code /opt/java/lib}),
 * packages {@code lib/*.jar}. The common layer also carries the exec wrapper {@code homebiyori-classpath}
 * (mode 755, at {@code /opt/homebiyori-classpath}; see the script for why the functions need it). Zip entries are sorted and time-stamped alike, so a rebuild of the same
 * jars gives the same bytes. {@code packages.md} beside them records the sizes.
 */
public final class LambdaPackager {

    static final String COMMON_LAYER = "homebiyori-common-layer";
    static final String AI_LAYER = "homebiyori-ai-layer";
    static final String AI_ARTIFACT = "jp.homebiyori:homebiyori-ai";
    static final String DEPENDENCY_LIST = "META-INF/homebiyori/runtime-dependencies.txt";
    /** Libraries shipped as their own jar, not merged: the runtime's types (tests find them by name, as the runtime's harness). */
    static final Set<String> KEPT_APART = Set.of("com.amazonaws:aws-lambda-java-core");
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** Where each jar went. */
    public record Layout(Map<String, Path> common, Map<String, Path> ai, Map<String, Map<String, Path>> packages,
                         Map<String, Set<String>> classpaths) {
    }

    private LambdaPackager() {
    }

    /** The exec wrapper every function runs under ({@code AWS_LAMBDA_EXEC_WRAPPER}), at the root of the common layer. */
    public static final String EXEC_WRAPPER = "homebiyori-classpath";

    /** Args: functions.csv, the adapter's dependency list, the adapter's jar, its lib/ directory, the output directory. */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        Path adapterList = Path.of(args[1]);
        Path adapterJar = Path.of(args[2]);
        Path lib = Path.of(args[3]);
        Path out = Path.of(args[4]);
        List<LambdaFunction> functions = LambdaFunction.read(csv);
        Layout layout = layout(functions, readDependencyList(Files.readString(adapterList)), adapterJar, lib);
        write(functions, layout, out, csv.toAbsolutePath().getParent());
    }

    /** The {@code groupId:artifactId[:classifier]} keys of a {@code dependency:list} output, mapped to their file names. */
    static Map<String, String> readDependencyList(String text) {
        Map<String, String> files = new TreeMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("The following") || line.equals("none")) {
                continue;
            }
            String[] c = line.split("\\s+")[0].split(":");
            if (c.length < 5) {
                continue;
            }
            boolean classified = c.length >= 6;
            String group = c[0];
            String artifact = c[1];
            String type = c[2];
            String classifier = classified ? c[3] : null;
            String version = classified ? c[4] : c[3];
            String key = group + ":" + artifact + (classifier == null ? "" : ":" + classifier);
            files.put(key, artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type);
        }
        return files;
    }

    static Layout layout(List<LambdaFunction> functions, Map<String, String> adapterDeps, Path adapterJar, Path lib) throws IOException {
        Map<String, Path> available = new TreeMap<>();
        adapterDeps.forEach((key, file) -> {
            Path jar = lib.resolve(file);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the adapter's dependency " + key + " is not in " + lib + " as " + file);
            }
            available.put(key, jar);
        });
        String adapterKey = "jp.homebiyori:homebiyori-lambda-adapter";
        available.put(adapterKey, adapterJar);

        Map<String, Set<String>> serviceDeps = new LinkedHashMap<>();
        Set<String> reachedFromServices = new TreeSet<>();
        for (LambdaFunction f : functions) {
            String key = "jp.homebiyori:" + f.artifact();
            Set<String> deps = new TreeSet<>(dependencyListOf(jarOf(available, key)).keySet());
            deps.add(key);
            deps.retainAll(available.keySet());   // what the adapter excludes (the pod's web server) stays out
            serviceDeps.put(f.name(), deps);
            reachedFromServices.addAll(deps);
        }
        // the adapter and what only it brings (the container handler, Jersey's HK2, the Lambda types): every function needs them
        Set<String> adapterOwn = new TreeSet<>(available.keySet());
        adapterOwn.removeAll(reachedFromServices);
        Set<String> aiClosure = new TreeSet<>(dependencyListOf(jarOf(available, AI_ARTIFACT)).keySet());
        aiClosure.add(AI_ARTIFACT);

        Map<String, Set<String>> classpaths = new LinkedHashMap<>();
        Map<String, List<LambdaFunction>> users = new TreeMap<>();
        for (LambdaFunction f : functions) {
            Set<String> cp = new TreeSet<>(serviceDeps.get(f.name()));
            cp.addAll(adapterOwn);
            classpaths.put(f.name(), cp);
            cp.forEach(key -> users.computeIfAbsent(key, k -> new ArrayList<>()).add(f));
        }
        Map<String, Path> common = new TreeMap<>();
        Map<String, Path> ai = new TreeMap<>();
        Map<String, Map<String, Path>> packages = new LinkedHashMap<>();
        functions.forEach(f -> packages.put(f.name(), new TreeMap<>()));
        users.forEach((key, who) -> {
            Path jar = available.get(key);
            if (aiClosure.contains(key) && who.stream().allMatch(LambdaFunction::usesAiLayer)) {
                ai.put(key, jar);
            } else if (who.size() >= 2) {
                common.put(key, jar);
            } else {
                packages.get(who.get(0).name()).put(key, jar);
            }
        });
        return new Layout(common, ai, packages, classpaths);
    }

    private static Path jarOf(Map<String, Path> available, String key) {
        Path jar = available.get(key);
        if (jar == null) {
            throw new IllegalStateException(key + " is not a dependency of the Lambda adapter");
        }
        return jar;
    }

    /** The run-time dependency list a module of ours keeps in its jar. */
    static Map<String, String> dependencyListOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(DEPENDENCY_LIST);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + DEPENDENCY_LIST + " (built without its module's dependency:list?)");
            }
            try (InputStream in = file.getInputStream(entry)) {
                return readDependencyList(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    static void write(List<LambdaFunction> functions, Layout layout, Path out, Path csvDir) throws IOException {
        Path layers = Files.createDirectories(out.resolve("layers"));
        Path packages = Files.createDirectories(out.resolve("functions"));
        Path wrapper = csvDir.resolve(EXEC_WRAPPER);
        Path merged = Files.createDirectories(out.resolve("merged"));
        long commonSize = zip(layers.resolve(COMMON_LAYER + ".zip"), "java/lib/",
                shipped(layout.common(), merged.resolve(COMMON_LAYER + "-libraries.jar")), Map.of(EXEC_WRAPPER, wrapper));
        long aiSize = zip(layers.resolve(AI_LAYER + ".zip"), "java/lib/",
                shipped(layout.ai(), merged.resolve(AI_LAYER + "-libraries.jar")), Map.of());
        StringBuilder report = new StringBuilder()
                .append("| function | memory | own package | + layers | = deployed | without layers (its jars) | jars in its package (besides the bean index) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (LambdaFunction f : functions) {
            Path index = merged.resolve(f.name() + "-beans.idx");
            Files.writeString(index, String.join("\n", beanIndex(f, layout)) + "\n");
            List<Path> ownJars = shipped(layout.packages().get(f.name()), merged.resolve(f.name() + "-libraries.jar"));
            long own = zip(packages.resolve(f.name() + ".zip"), "lib/", ownJars, Map.of(),
                    Map.of(jp.homebiyori.lambda.BeanIndex.RESOURCE, index));
            long layerBytes = commonSize + (f.usesAiLayer() ? aiSize : 0);
            long alone = 0;
            for (String key : layout.classpaths().get(f.name())) {
                Path jar = layout.common().getOrDefault(key, layout.ai().getOrDefault(key, layout.packages().get(f.name()).get(key)));
                alone += Files.size(jar);
            }
            report.append("| ").append(f.name()).append(" | ").append(f.memoryMb()).append(" MB | ").append(kb(own))
                    .append(" | ").append(kb(layerBytes)).append(" | ").append(kb(own + layerBytes)).append(" | ").append(kb(alone))
                    .append(" | ").append(ownJars.stream().map(p -> p.getFileName().toString()).sorted()
                            .collect(Collectors.joining(", "))).append(" |\n");
        }
        report.append("\nLayers: ").append(COMMON_LAYER).append(" ").append(kb(commonSize)).append(" (")
                .append(layout.common().size()).append(" jars: ours apart, the libraries merged into ").append(COMMON_LAYER)
                .append("-libraries.jar), ").append(AI_LAYER).append(" ").append(kb(aiSize))
                .append(" (").append(layout.ai().size()).append(" jars: ")
                .append(layout.ai().values().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))
                .append(").\n");
        Files.writeString(out.resolve("packages.md"), report.toString());
        System.out.print("[lambda] packages in " + out + "\n" + report);
    }

    /**
     * What a layer or package ships of its jars: ours as they are (each a bean archive with its own
     * configuration file), the Lambda core types as they are (the runtime has its own copy first on the class
     * path), every other library merged into {@code merged} when there are two or more ({@link LibraryJar}).
     */
    static List<Path> shipped(Map<String, Path> jars, Path merged) throws IOException {
        List<Path> kept = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        jars.forEach((key, jar) -> (key.startsWith("jp.homebiyori:") || KEPT_APART.contains(key) ? kept : libraries).add(jar));
        if (libraries.size() < 2) {
            kept.addAll(libraries);
            return kept;
        }
        LibraryJar.merge(libraries, merged);
        kept.add(merged);
        return kept;
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%d KB", Math.max(1, bytes / 1024));
    }

    /**
     * The bean classes of a function, found and checked on exactly its class path (its package and layers, in
     * a class loader of their own, as a function starts), for the index its package carries.
     */
    static List<String> beanIndex(LambdaFunction f, Layout layout) throws IOException {
        List<java.net.URL> urls = new ArrayList<>();
        for (String key : layout.classpaths().get(f.name())) {
            Path jar = layout.common().getOrDefault(key, layout.ai().getOrDefault(key, layout.packages().get(f.name()).get(key)));
            urls.add(jar.toUri().toURL());
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(f.name(), urls.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) Class.forName("jp.homebiyori.lambda.BeanIndex", true, loader)
                    .getMethod("classNames", ClassLoader.class).invoke(null, loader);
            return names;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(f.name() + ": its beans cannot be wired: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(f.name() + ": no BeanIndex on its class path", e);
        }
    }

    private static long zip(Path target, String prefix, Collection<Path> jars, Map<String, Path> executables) throws IOException {
        return zip(target, prefix, jars, executables, Map.of());
    }

    /**
     * Writes the jars under {@code prefix} (mode 644), the executables at the root (mode 755) and other files
     * at the root (mode 644), sorted, with fixed time stamps; returns the archive's size.
     */
    private static long zip(Path target, String prefix, Collection<Path> jars, Map<String, Path> executables,
                            Map<String, Path> files) throws IOException {
        List<Path> sorted = jars.stream().sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target.toFile())) {
            for (Map.Entry<String, Path> executable : new TreeMap<>(executables).entrySet()) {
                add(zip, executable.getKey(), executable.getValue(), 0755);
            }
            for (Map.Entry<String, Path> file : new TreeMap<>(files).entrySet()) {
                add(zip, file.getKey(), file.getValue(), 0644);
            }
            for (Path jar : sorted) {
                add(zip, prefix + jar.getFileName(), jar, 0644);
            }
        }
        return Files.size(target);
    }

    private static void add(ZipArchiveOutputStream zip, String name, Path file, int mode) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        entry.setTime(ZIP_TIME.toEpochSecond(java.time.ZoneOffset.UTC) * 1000);
        zip.putArchiveEntry(entry);
        Files.copy(file, zip);
        zip.closeArchiveEntry();
    }
}
