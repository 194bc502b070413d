package io.openmws.cli;

/** How secrets look on a screen: never in full. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The first four characters and an ellipsis ({@code amzn…}), enough to tell two apart; {@code "(none)"}
     * for an empty one.
     *
     * @param secret a Secret Key, an MWS Auth Token
     * @return its mask
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.substring(0, Math.min(4, secret.length())) + "…";
    }
}
