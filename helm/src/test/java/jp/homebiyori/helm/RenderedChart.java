package jp.homebiyori.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * The chart as real Helm renders it ({@code helm template}, through helm-java), parsed into its
 * Kubernetes objects, with look-ups the tests share. Release name {@value #RELEASE}, so object names
 * are {@code homebiyori-<service>}.
 */
final class RenderedChart {

    static final String RELEASE = "homebiyori";
    static final Path CHART = chartDir();
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String manifest;
    private final List<JsonNode> objects;

    private RenderedChart(String manifest, List<JsonNode> objects) {
        this.manifest = manifest;
        this.objects = objects;
    }

    /** Renders with the chart's values.yaml only. */
    static RenderedChart withDefaults() {
        return render(UnaryOperator.identity());
    }

    /** Renders with the production-like values file on top of the defaults. */
    static RenderedChart withProductionValues() {
        return render(t -> t.withValuesFile(PRODUCTION_VALUES));
    }

    /** Renders with whatever the caller adds to {@code helm template} (values files, --set). */
    static RenderedChart render(UnaryOperator<TemplateCommand> options) {
        String manifest = options.apply(new Helm(CHART).template().withName(RELEASE).withNamespace("homebiyori")).call();
        return new RenderedChart(manifest, parse(manifest));
    }

    private static List<JsonNode> parse(String manifest) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifest)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && doc.hasNonNull("kind")) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template printed YAML that does not parse", e);
        }
        return docs;
    }

    String manifest() {
        return manifest;
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode get(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + " " + name + " is not rendered"));
    }

    /** The names of the objects of a kind, without the release prefix. */
    List<String> componentsOf(String kind) {
        return ofKind(kind).stream().map(o -> o.path("metadata").path("labels").path("app.kubernetes.io/component").asText()).sorted().toList();
    }

    /** The only container of a service's Deployment. */
    JsonNode container(String service) {
        JsonNode containers = get("Deployment", RELEASE + "-" + service).path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new IllegalStateException(service + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** A service's ConfigMap data (environment variable → value). */
    Map<String, String> configOf(String service) {
        Map<String, String> data = new LinkedHashMap<>();
        get("ConfigMap", RELEASE + "-" + service).path("data").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    /** A service's env entries that come from the Secret: variable → key in the Secret. */
    Map<String, String> secretRefsOf(String service) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (JsonNode env : container(service).path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(env.path("name").asText(), ref.path("key").asText());
            }
        }
        return refs;
    }

    /**
     * The environment a service's container gets, as the kubelet builds it: the ConfigMaps of envFrom,
     * then env (which wins), secretKeyRef values looked up in {@code secret} (key → value).
     */
    Map<String, String> podEnvironment(String service, Map<String, String> secret) {
        JsonNode container = container(service);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String map = from.path("configMapRef").path("name").asText();
            get("ConfigMap", map).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode entry : container.path("env")) {
            JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
            String value = ref.isMissingNode() ? entry.path("value").asText() : secret.get(ref.path("key").asText());
            if (value == null) {
                throw new IllegalStateException(service + " needs key " + ref.path("key").asText() + " of the Secret");
            }
            env.put(entry.path("name").asText(), value);
        }
        return env;
    }

    /** The ConfigMap volumes of a service's container: mount path → (file name → content). */
    Map<String, Map<String, String>> configMapMounts(String service) {
        JsonNode pod = get("Deployment", RELEASE + "-" + service).path("spec").path("template").path("spec");
        Map<String, Map<String, String>> mounts = new LinkedHashMap<>();
        for (JsonNode mount : container(service).path("volumeMounts")) {
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("configMap")) {
                    Map<String, String> files = new LinkedHashMap<>();
                    get("ConfigMap", volume.path("configMap").path("name").asText()).path("data").fields()
                            .forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
                    mounts.put(mount.path("mountPath").asText(), files);
                }
            }
        }
        return mounts;
    }

    private static Path chartDir() {
        Path root = Path.of(System.getProperty("homebiyori.root", "..")).toAbsolutePath().normalize();
        Path chart = root.resolve("helm/homebiyori");
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + chart);
        }
        return chart;
    }
}
