package jp.homebiyori.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.homebiyori.common.web.RequestScope;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug answers 500 {@code INTERNAL_ERROR} (stack trace in the log, never in the
 * body); a dependency that cannot be reached (DynamoDB, SQS, SSM down or throttling) answers 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, so clients and Stripe retry.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (isUnavailable(exception)) {
            LOG.log(Level.WARNING, "dependency unavailable, request " + RequestScope.current().requestId()
                    + ": " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
            return ErrorResponses.of(ApiException.unavailable("a backing service is unavailable; retry shortly", 5));
        }
        log(exception);
        return ErrorResponses.of(500, ErrorCode.INTERNAL_ERROR, "internal error", Map.of());
    }

    static void log(Throwable exception) {
        LOG.log(Level.SEVERE, "unhandled error in request " + RequestScope.current().requestId(), exception);
    }

    /** Connection failures, timeouts, throttling and 5xx of an AWS dependency. */
    public static boolean isUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException) {
                return true;
            }
            if (t instanceof AwsServiceException aws && (aws.statusCode() >= 500 || aws.isThrottlingException())) {
                return true;
            }
        }
        return false;
    }
}
