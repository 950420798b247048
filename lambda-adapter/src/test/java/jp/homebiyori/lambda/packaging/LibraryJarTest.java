package jp.homebiyori.lambda.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LibraryJar}: one jar that answers every lookup the separate jars answered, or a refusal. */
class LibraryJarTest {

    @TempDir
    Path dir;

    private Path jar(String name, boolean multiRelease, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> entries(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void servicesAndHelidonMetadata_areAggregated_asGetResourcesSawThem() throws IOException {
        Path a = jar("a-1.0.jar", false, entries(
                "META-INF/services/x.Spi", "a.One\n# comment\n",
                "META-INF/helidon/manifest", "META-INF/helidon/a.json\n",
                "META-INF/helidon/config-metadata.json", "[{\"module\":\"a\"}]",
                "a/One.class", "A"));
        Path b = jar("b-2.0.jar", true, entries(
                "META-INF/services/x.Spi", "b.Two\n",
                "META-INF/helidon/manifest", "META-INF/helidon/b.json\n",
                "META-INF/helidon/config-metadata.json", "[{\"module\":\"b\"}]",
                "META-INF/versions/11/b/Two.class", "B11"));
        Path merged = dir.resolve("out/libraries.jar");

        LibraryJar.merge(List.of(b, a), merged);

        try (URLClassLoader loader = new URLClassLoader(new URL[]{merged.toUri().toURL()}, null)) {
            assertThat(Collections.list(loader.getResources("META-INF/services/x.Spi"))).hasSize(1);
            assertThat(new String(loader.getResourceAsStream("META-INF/services/x.Spi").readAllBytes(), StandardCharsets.UTF_8))
                    .contains("a.One", "b.Two");
            assertThat(new String(loader.getResourceAsStream("META-INF/helidon/manifest").readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("META-INF/helidon/a.json\nMETA-INF/helidon/b.json\n");
            assertThat(new String(loader.getResourceAsStream("META-INF/helidon/config-metadata.json").readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("[{\"module\":\"a\"},{\"module\":\"b\"}]");
            assertThat(new String(loader.getResourceAsStream(LibraryJar.LIBRARIES).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("a-1.0.jar\nb-2.0.jar\n");
        }
        try (JarFile file = new JarFile(merged.toFile())) {
            assertThat(file.isMultiRelease()).as("one library was multi-release").isTrue();
            assertThat(file.getEntry("META-INF/versions/11/b/Two.class")).isNotNull();
        }
    }

    @Test
    void descriptorsIndexesAndSignatures_areDropped_licencesKeptPerLibrary() throws IOException {
        Path a = jar("a-1.0.jar", false, entries(
                "module-info.class", "M", "META-INF/versions/9/module-info.class", "M9",
                "META-INF/INDEX.LIST", "JarIndex-Version: 1.0\n", "META-INF/A.SF", "sig",
                "META-INF/LICENSE", "Apache", "NOTICE.txt", "a notice"));
        Path b = jar("b-1.0.jar", false, entries("META-INF/LICENSE", "MIT"));
        Path merged = dir.resolve("libraries.jar");

        Map<String, byte[]> entries = LibraryJar.merge(List.of(a, b), merged);

        assertThat(entries).doesNotContainKeys("module-info.class", "META-INF/versions/9/module-info.class",
                "META-INF/INDEX.LIST", "META-INF/A.SF", "META-INF/LICENSE");
        assertThat(new String(entries.get("META-INF/licenses/a-1.0.jar/LICENSE"), StandardCharsets.UTF_8)).isEqualTo("Apache");
        assertThat(new String(entries.get("META-INF/licenses/b-1.0.jar/LICENSE"), StandardCharsets.UTF_8)).isEqualTo("MIT");
        assertThat(entries).containsKey("META-INF/licenses/a-1.0.jar/NOTICE.txt");
    }

    @Test
    void aClassTwoLibrariesHoldDifferently_isRefused_theSameBytesKeptOnce() throws IOException {
        Path a = jar("a-1.0.jar", false, entries("x/Same.class", "from a", "x/Twin.class", "twin"));
        Path b = jar("b-1.0.jar", false, entries("x/Same.class", "from b", "x/Twin.class", "twin"));

        assertThatThrownBy(() -> LibraryJar.merge(List.of(b, a), dir.resolve("libraries.jar")))
                .hasMessageContaining("x/Same.class (again in b-1.0.jar)").hasMessageNotContaining("Twin");
    }

    @Test
    void versionedEntriesOfAJarThatIsNotMultiRelease_areLeftOut() throws IOException {
        Path mr = jar("a-1.0.jar", true, entries("META-INF/versions/11/a/A.class", "A11"));
        Path plain = jar("b-1.0.jar", false, entries("b/B.class", "B", "META-INF/versions/11/b/B.class", "never read"));

        Map<String, byte[]> entries = LibraryJar.merge(List.of(mr, plain), dir.resolve("libraries.jar"));

        assertThat(entries).containsKeys("META-INF/versions/11/a/A.class", "b/B.class")
                .doesNotContainKey("META-INF/versions/11/b/B.class");
    }

    @Test
    void aResourceTwoLibrariesHoldDifferently_isRefused_ratherThanOneSilentlyLost() throws IOException {
        Path a = jar("a-1.0.jar", false, entries("META-INF/microprofile-config.properties", "x=1"));
        Path b = jar("b-1.0.jar", false, entries("META-INF/microprofile-config.properties", "x=2"));

        assertThatThrownBy(() -> LibraryJar.merge(List.of(a, b), dir.resolve("libraries.jar")))
                .hasMessageContaining("META-INF/microprofile-config.properties (again in b-1.0.jar)");
    }
}
