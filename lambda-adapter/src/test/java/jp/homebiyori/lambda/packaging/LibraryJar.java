package jp.homebiyori.lambda.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A build step of {@link LambdaPackager}: the third-party jars of a layer merged into one jar. A JVM looks a
 * class or resource up jar by jar along the class path, and a miss (a {@code ServiceLoader} file, a
 * configuration file that is not there) asks every jar; with ~100 jars that lookup cost a function ~60–100 ms
 * of its cold start (docs/benchmarks.md). One jar answers each lookup once.
 *
 * <p>What stays equivalent to the separate jars, and how:
 * <ul>
 *   <li>classes and resources: one copy; a class or resource two jars hold with different content is
 *       refused (on a class path the first jar would win silently; here the build stops), except Maven's
 *       descriptors under {@code META-INF/maven/} (a library that shades another carries that one's: the
 *       first is kept) and the aggregated
 *       kinds: {@code META-INF/services/*} and Helidon's {@code META-INF/helidon/manifest} (lines
 *       concatenated, as {@code getResources} saw them all), Helidon's {@code META-INF/helidon/*.json}
 *       (arrays concatenated);</li>
 *   <li>licences and notices are kept per library under {@code META-INF/licenses/<jar>/};</li>
 *   <li>versioned entries ({@code META-INF/versions/}) only from multi-release jars (others never used them);</li>
 *   <li>dropped: module descriptors (a merged jar is no module; they were on the class path, not the
 *       module path), jar indexes ({@code INDEX.LIST} would hide the other jars' packages), signatures
 *       (they sign another jar), the libraries' own manifests — the merged manifest is
 *       {@code Multi-Release} if any library was;</li>
 *   <li>{@code META-INF/homebiyori/libraries.txt} lists the merged jars, for audits and the tests.</li>
 * </ul>
 */
final class LibraryJar {

    static final String LIBRARIES = "META-INF/homebiyori/libraries.txt";
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final Pattern DROPPED = Pattern.compile(
            "(META-INF/versions/\\d+/)?module-info\\.class|META-INF/INDEX\\.LIST|META-INF/MANIFEST\\.MF"
                    + "|META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
    private static final Pattern LEGAL = Pattern.compile(
            "(META-INF/)?([^/]*(LICENSE|LICENCE|NOTICE|DEPENDENCIES)[^/]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCATENATED = Pattern.compile("META-INF/services/[^/]+|META-INF/helidon/manifest");
    private static final Pattern JSON_ARRAYS = Pattern.compile("META-INF/helidon/[^/]+\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LibraryJar() {
    }

    /** Writes {@code target} from {@code jars} (taken in file-name order); returns what it holds, entry by entry. */
    static Map<String, byte[]> merge(List<Path> jars, Path target) throws IOException {
        List<Path> sorted = jars.stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, List<String>> concatenated = new TreeMap<>();
        Map<String, ArrayNode> arrays = new TreeMap<>();
        boolean multiRelease = false;
        List<String> conflicts = new ArrayList<>();
        for (Path jar : sorted) {
            String jarName = jar.getFileName().toString();
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                Manifest manifest = file.getManifest();
                boolean thisMultiRelease = manifest != null && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
                multiRelease |= thisMultiRelease;
                for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    String name = entry.getName();
                    if (entry.isDirectory() || DROPPED.matcher(name).matches()
                            || !thisMultiRelease && name.startsWith("META-INF/versions/")) {
                        continue;   // versioned entries of a jar that is not multi-release were never read: keep it so
                    }
                    byte[] bytes = file.getInputStream(entry).readAllBytes();
                    if (CONCATENATED.matcher(name).matches()) {
                        List<String> lines = concatenated.computeIfAbsent(name, n -> new ArrayList<>());
                        lines.addAll(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
                    } else if (JSON_ARRAYS.matcher(name).matches()) {
                        JsonNode node = JSON.readTree(bytes);
                        if (!node.isArray()) {
                            throw new IllegalStateException(jarName + "!/" + name + " is not a JSON array: cannot merge it");
                        }
                        arrays.computeIfAbsent(name, n -> JSON.createArrayNode()).addAll((ArrayNode) node);
                    } else if (isLegal(name)) {
                        entries.put("META-INF/licenses/" + jarName + "/" + name.substring(name.lastIndexOf('/') + 1), bytes);
                    } else if (!entries.containsKey(name)) {
                        entries.put(name, bytes);
                    } else if (!Arrays.equals(entries.get(name), bytes) && !name.startsWith("META-INF/maven/")) {
                        conflicts.add(name + " (again in " + jarName + ")");
                    }
                    // the same bytes twice: one copy; Maven's descriptive files of a library another one shades
                    // inside: the library's own are kept
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("libraries hold the same resource with different content; merging would lose one: " + conflicts);
        }
        concatenated.forEach((name, lines) -> {
            Set<String> unique = new LinkedHashSet<>();
            lines.stream().filter(l -> !l.isBlank()).forEach(unique::add);
            entries.put(name, (String.join("\n", unique) + "\n").getBytes(StandardCharsets.UTF_8));
        });
        for (Map.Entry<String, ArrayNode> a : arrays.entrySet()) {
            entries.put(a.getKey(), JSON.writeValueAsBytes(a.getValue()));
        }
        entries.put(LIBRARIES, (String.join("\n", sorted.stream().map(p -> p.getFileName().toString()).toList()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        write(target, entries, multiRelease);
        return entries;
    }

    /** A licence or notice at the jar's root or directly in META-INF. */
    private static boolean isLegal(String name) {
        boolean topLevel = !name.contains("/") || name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0;
        return topLevel && LEGAL.matcher(name).matches();
    }

    private static void write(Path target, Map<String, byte[]> entries, boolean multiRelease) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Created-By", "homebiyori LambdaPackager (libraries merged, see " + LIBRARIES + ")");
        if (multiRelease) {
            main.put(Attributes.Name.MULTI_RELEASE, "true");
        }
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("META-INF/MANIFEST.MF", manifestBytes.toByteArray());
        all.putAll(entries);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            long time = TIME.toEpochSecond(ZoneOffset.UTC) * 1000;
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }
}
