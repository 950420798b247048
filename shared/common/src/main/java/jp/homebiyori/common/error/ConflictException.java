package jp.homebiyori.common.error;

/**
 * A write refused because the stored state is not what the caller expected (a DynamoDB condition
 * failed). Use cases catch it where a conflict has a meaning of its own (already done, lost a race).
 */
public final class ConflictException extends ApiException {

    public ConflictException(String code, String message) {
        super(409, code, message);
    }
}
