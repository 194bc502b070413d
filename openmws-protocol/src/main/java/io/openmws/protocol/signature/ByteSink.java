package io.openmws.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for building a string to sign without intermediate strings. Not thread-safe. */
final class ByteSink {

    private byte[] bytes;
    private int length;

    ByteSink(int capacity) {
        bytes = new byte[capacity];
    }

    void ensureSpare(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }

    void putUnchecked(byte b) {
        bytes[length++] = b;
    }

    void put(byte b) {
        ensureSpare(1);
        bytes[length++] = b;
    }

    /** Appends a string that is known to be ASCII, or else its UTF-8 form. */
    void putUtf8(String s) {
        int n = s.length();
        ensureSpare(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                length -= i;
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                ensureSpare(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    void reset() {
        length = 0;
    }

    String asString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
