package jp.homebiyori.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * CloudWatch's {@code GetMetricData} as AWS SDK 2.57.8 calls it: the Smithy RPC v2 CBOR protocol
 * ({@code POST /service/GraniteServiceVersion20100801/operation/GetMetricData}, header
 * {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies, timestamps as CBOR tag 1 epoch seconds), with
 * {@code NextToken} paging and CloudWatch's query-compatible errors ({@code __type} plus the
 * {@code x-amzn-query-error} header). The stand-in decodes each request, answers every query from the
 * datapoints a test registered by (namespace, metric, dimension value, statistic) — so the answer
 * depends on what was really asked, not on the query ids — and keeps the decoded requests.
 * Other requests (SQS's JSON protocol) are left to stubs the test adds on {@link #server()}.
 */
final class CloudWatchStandIn implements AutoCloseable {

    static final String PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = new CBORMapper();

    private final Map<String, double[]> datapoints = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final WireMockServer server;
    private volatile int pageSize = Integer.MAX_VALUE;
    private volatile Error error;

    private record Error(int status, String type, String queryError) {
    }

    CloudWatchStandIn() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Transformer()));
        server.start();
        reset();
    }

    /** Forgets datapoints, errors, paging, recorded requests and SQS stubs. */
    void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .willReturn(aResponse().withTransformers(Transformer.NAME)));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        datapoints.clear();
        requests.clear();
        pageSize = Integer.MAX_VALUE;
        error = null;
    }

    String endpoint() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    /** The values CloudWatch holds for one metric of one function or API under one statistic. */
    void datapoints(String namespace, String metric, String dimensionValue, String stat, double... values) {
        datapoints.put(key(namespace, metric, dimensionValue, stat), values);
    }

    /** At most this many results per page; the rest follows after {@code NextToken}. */
    void pageSize(int size) {
        pageSize = size;
    }

    /** Every following call fails like CloudWatch: e.g. 400 Throttling or 403 AccessDenied. */
    void fail(int status, String type, String queryError) {
        error = new Error(status, type, queryError);
    }

    /** The decoded CBOR bodies of the GetMetricData calls received. */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String key(String namespace, String metric, String dimensionValue, String stat) {
        return namespace + "|" + metric + "|" + dimensionValue + "|" + stat;
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "cloudwatch-rpcv2-cbor";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode request = CBOR.readTree(event.getRequest().getBody());
                requests.add(request);
                Error failure = error;
                if (failure != null) {
                    return cbor(failure.status(), errorBody(failure))
                            .withHeader("x-amzn-query-error", failure.queryError()).build();
                }
                return cbor(200, answer(request)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ResponseDefinitionBuilder cbor(int status, byte[] body) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(body);
        }

        private byte[] errorBody(Error failure) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("__type", failure.type());
                g.writeStringField("message", "stand-in failure " + failure.type());
                g.writeEndObject();
            }
            return out.toByteArray();
        }

        private byte[] answer(JsonNode request) throws IOException {
            List<JsonNode> queries = new ArrayList<>();
            request.path("MetricDataQueries").forEach(queries::add);
            int from = request.hasNonNull("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
            int to = Math.min(queries.size(), from + pageSize);
            double end = request.path("EndTime").asDouble();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeFieldName("MetricDataResults");
                g.writeStartArray();
                for (JsonNode query : queries.subList(from, to)) {
                    JsonNode stat = query.path("MetricStat");
                    JsonNode metric = stat.path("Metric");
                    double[] values = datapoints.getOrDefault(key(metric.path("Namespace").asText(),
                            metric.path("MetricName").asText(), metric.path("Dimensions").path(0).path("Value").asText(),
                            stat.path("Stat").asText()), new double[0]);
                    double period = stat.path("Period").asDouble();
                    g.writeStartObject();
                    g.writeStringField("Id", query.path("Id").asText());
                    g.writeStringField("Label", metric.path("MetricName").asText());
                    g.writeFieldName("Timestamps");
                    g.writeStartArray();
                    for (int i = 0; i < values.length; i++) {
                        g.writeTag(1);
                        g.writeNumber(end - (i + 1) * period);
                    }
                    g.writeEndArray();
                    g.writeFieldName("Values");
                    g.writeStartArray();
                    for (double value : values) {
                        g.writeNumber(value);
                    }
                    g.writeEndArray();
                    g.writeStringField("StatusCode", "Complete");
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (to < queries.size()) {
                    g.writeStringField("NextToken", Integer.toString(to));
                }
                g.writeFieldName("Messages");
                g.writeStartArray();
                g.writeEndArray();
                g.writeEndObject();
            }
            return out.toByteArray();
        }
    }
}
