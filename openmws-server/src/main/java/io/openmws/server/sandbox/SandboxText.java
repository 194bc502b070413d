package io.openmws.server.sandbox;

import java.security.SecureRandom;

/** Random text for sandbox fixtures: passwords and name suffixes, from an alphabet without look-alikes. */
final class SandboxText {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxText() {}

    /** {@code length} random characters of the alphabet. */
    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Four groups of five: about 100 bits, easy to type when a tester signs in by hand. */
    static String password() {
        return random(5) + "-" + random(5) + "-" + random(5) + "-" + random(5);
    }
}
