package jp.homebiyori.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code helm lint --strict} accepts the chart, and refuses it once a values setting breaks the values
 * schema, so the lint is known to be able to fail; the templates' own checks fail {@code helm template}.
 */
class ChartLintTest {

    @TempDir
    Path temp;

    @Test
    void theChart_passesStrictLint() {
        LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    /** helm lint takes no values file, so each case lints a copy of the chart whose values.yaml has one line changed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown parameter source      | '  source: ssm'                 | '  source: vault'                  | /parameters/source",
            "heap below 128 MB             | '    memoryMb: 128'             | '    memoryMb: 64'                  | memoryMb",
            "upper-case environment        | 'environment: prod'             | 'environment: Prod'                | /environment",
            "path outside /api             | '      - {path: /api/admin, pathType: Prefix}' | '      - {path: /internal, pathType: Prefix}' | path",
            "unknown secret name           | '    secrets: [internalApiKey]' | '    secrets: [internalKey]'        | secrets"})
    void aBrokenValuesSetting_failsLint(String what, String line, String broken, String expectedMessage) throws IOException {
        Path chart = copyChart();
        Path values = chart.resolve("values.yaml");
        String original = Files.readString(values);
        assertThat(original).as("the line to break").contains(line + "\n");
        Files.writeString(values, original.replaceFirst(java.util.regex.Pattern.quote(line + "\n"), java.util.regex.Matcher.quoteReplacement(broken + "\n")));

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).as(what + ": " + result.getMessages()).isTrue();
        assertThat(String.join("\n", result.getMessages())).as(what).contains(expectedMessage);
    }

    /**
     * Rules across settings are the templates' own {@code fail}s, which helm lint only reports as INFO
     * (it renders in lint mode), so they are checked by rendering, as an install would.
     */
    @Test
    void oneHostForBothApis_failsRendering() {
        assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template().withName("homebiyori")
                .set("ingress.admin.host", "api.homebiyori.example").call())
                .hasMessageContaining("ingress.user.host and ingress.admin.host must differ");
    }

    @Test
    void anInternalPath_cannotBeRoutedByAnIngress_evenIfTheSchemaIsBypassed() throws IOException {
        Path chart = copyChart();
        Files.delete(chart.resolve("values.schema.json"));
        assertThatThrownBy(() -> new Helm(chart).template().withName("homebiyori")
                .set("services.notification-service.paths[0].path", "/internal/notifications")
                .set("services.notification-service.paths[0].pathType", "Prefix").call())
                .hasMessageContaining("must not be exposed by an Ingress");
    }

    private Path copyChart() throws IOException {
        Path target = temp.resolve("homebiyori");
        try (Stream<Path> files = Files.walk(RenderedChart.CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(RenderedChart.CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
