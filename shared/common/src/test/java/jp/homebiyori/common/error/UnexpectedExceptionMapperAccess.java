package jp.homebiyori.common.error;

/** Test access to the classification of dependency failures. */
public final class UnexpectedExceptionMapperAccess {

    private UnexpectedExceptionMapperAccess() {
    }

    public static boolean isUnavailable(Throwable e) {
        return UnexpectedExceptionMapper.isUnavailable(e);
    }
}
