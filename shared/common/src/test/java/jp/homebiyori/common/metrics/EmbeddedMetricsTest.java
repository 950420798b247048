package jp.homebiyori.common.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Embedded Metric Format line, checked field by field as CloudWatch Logs reads it. */
class EmbeddedMetricsTest {

    @Test
    void aCountIsOneEmfLine_inTheHomebiyoriNamespace_withoutDimensions() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddedMetrics.write(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), "AiFallback");
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertThat(line.lines()).hasSize(1);
        JsonNode emf = new ObjectMapper().readTree(line);
        assertThat(emf.at("/_aws/Timestamp").asLong()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z").toEpochMilli());
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("Homebiyori");
        assertThat(directive.path("Dimensions").get(0)).isEmpty();
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("AiFallback");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(emf.path("AiFallback").asInt()).isEqualTo(1);
    }

    @Test
    void everyPublishedCounterHasAMetricName() {
        assertThat(EmbeddedMetrics.METRIC_NAMES).containsKeys(ProcessCounters.AI_FALLBACK, ProcessCounters.AI_REPLY_REJECTED, ProcessCounters.WEBHOOK_FAILURE);
        assertThat(EmbeddedMetrics.METRIC_NAMES).containsEntry(ProcessCounters.AI_REPLY_REJECTED, "AiReplyRejected");
    }
}
