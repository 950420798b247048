package jp.homebiyori.probes;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * What a DOWN answer says about a failure: the service's error code and HTTP status, or the exception's class
 * and its root cause's class — never a message (it may hold a URL, a key or a value), never a stack trace.
 */
final class Reasons {

    private Reasons() {
    }

    static String of(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                    ? aws.awsErrorDetails().errorCode() : aws.getClass().getSimpleName();
            return code + " (HTTP " + aws.statusCode() + ")";
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "no answer in time (" + e.getClass().getSimpleName() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
    }
}
