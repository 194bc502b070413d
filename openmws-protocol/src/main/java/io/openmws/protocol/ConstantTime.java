package io.openmws.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one comparison of secrets (tokens, keys, hashes of codes): it takes as long for a near miss
 * as for a wild guess, so an attacker cannot find a secret one character at a time by timing.
 */
public final class ConstantTime {

    private ConstantTime() {}

    /**
     * Whether two secrets are equal, compared in time that depends only on their lengths.
     *
     * @param a one secret, or null
     * @param b the other, or null
     * @return true when both are non-null and equal
     */
    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
