package io.openmws.server.support;

import io.openmws.protocol.ConstantTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for values that are random already (codes with a salt, one-time tokens). Not for passwords. */
public final class Hashes {

    private Hashes() {}

    /** Lowercase hex SHA-256 of the UTF-8 bytes of the parts, in order. */
    public static String sha256Hex(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** A fresh MD5 digest: only for the Content-MD5 of feeds and reports (MWS's integrity check), never for secrets. */
    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    /** Compares two hashes in constant time. */
    public static boolean same(String a, String b) {
        return ConstantTime.equal(a, b);
    }
}
