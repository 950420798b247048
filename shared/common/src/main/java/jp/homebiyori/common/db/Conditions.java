package jp.homebiyori.common.db;

import jp.homebiyori.common.error.ConflictException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.function.Supplier;

/** Turns a failed DynamoDB condition into the domain's {@link ConflictException}. */
public final class Conditions {

    private Conditions() {
    }

    public static <T> T orConflict(Supplier<T> write, String code, String message) {
        try {
            return write.get();
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(code, message);
        }
    }

    public static void orConflict(Runnable write, String code, String message) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(code, message);
        }
    }

    /** Runs a conditional write; false if the condition did not hold (for "already done" cases). */
    public static boolean applied(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
