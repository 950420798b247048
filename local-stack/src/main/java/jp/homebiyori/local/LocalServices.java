package jp.homebiyori.local;

import jp.homebiyori.localdev.DevTokenIssuer;

/** The stand-ins the local process shares with its local-only adapters (e.g. the identity port). */
public final class LocalServices {

    private static volatile DevTokenIssuer issuer;

    private LocalServices() {
    }

    static void issuer(DevTokenIssuer value) {
        issuer = value;
    }

    public static DevTokenIssuer issuer() {
        if (issuer == null) {
            throw new IllegalStateException("the development issuer is not running");
        }
        return issuer;
    }
}
