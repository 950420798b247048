package jp.homebiyori.localdev;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.Map;

/**
 * Embedded ElasticMQ (the SQS API) with the TTL-update queue and its dead-letter queue: a message
 * received 3 times without being deleted moves to the DLQ, as the AWS queue is configured.
 */
public final class ElasticMqServer implements AutoCloseable {

    public static final int MAX_RECEIVE_COUNT = 3;

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = SqsClient.builder()
                .region(Region.AP_NORTHEAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Starts on {@code host:port} (0: a free port). */
    public static ElasticMqServer start(String host, int port) {
        int chosen = port == 0 ? DynaliteServer.freePort() : port;
        SQSRestServer server = SQSRestServerBuilder.withInterface(host).withPort(chosen).withAWSRegion("ap-northeast-1").start();
        server.waitUntilStarted();
        return new ElasticMqServer(server, chosen);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public SqsClient client() {
        return client;
    }

    /**
     * Creates {@code name} and {@code name-dlq} (if absent) with the redrive policy; returns the URL of
     * the main queue.
     */
    public String createQueueWithDlq(String name, int visibilityTimeoutSeconds) {
        String dlqUrl = client.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        return client.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds)))).queueUrl();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
