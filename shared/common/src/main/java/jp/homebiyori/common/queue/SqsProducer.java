package jp.homebiyori.common.queue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.AwsClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.Optional;

/**
 * The SQS client of a process: {@code homebiyori.sqs.endpoint} points at a local stand-in (ElasticMQ).
 * Created on first use, so services that never touch a queue never build it.
 */
@ApplicationScoped
public class SqsProducer {

    private final String region;
    private final Optional<String> endpoint;
    private volatile SqsClient client;

    @Inject
    public SqsProducer(@ConfigProperty(name = "homebiyori.aws.region", defaultValue = "ap-northeast-1") String region,
                       @ConfigProperty(name = "homebiyori.sqs.endpoint") Optional<String> endpoint) {
        this.region = region;
        this.endpoint = endpoint;
    }

    @Produces
    public synchronized SqsClient sqs() {
        if (client == null) {
            // long polls take up to 20 s: the attempt timeout must be longer
            client = AwsClients.build(SqsClient.builder(), region, endpoint, Duration.ofSeconds(25));
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
