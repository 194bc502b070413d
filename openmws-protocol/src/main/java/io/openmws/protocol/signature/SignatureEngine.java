package io.openmws.protocol.signature;

import java.util.Map;
import javax.crypto.Mac;

/** The hot path shared by the signer and the verifier: string to sign as bytes, then the HMAC. */
final class SignatureEngine {

    private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;

    // One scratch buffer per thread: the string to sign never becomes a String on the hot path.
    private static final ThreadLocal<ByteSink> BUFFERS = ThreadLocal.withInitial(() -> new ByteSink(1024));

    private SignatureEngine() {
    }

    /** The raw HMAC of the string to sign; {@code path} must already be normalised. */
    static byte[] mac(SigningSecret secret, SignatureMethod method, String httpMethod, String hostLine,
                      String path, Map<String, String> parameters) {
        StringToSign.checkLines(httpMethod, hostLine, path);
        ByteSink sink = BUFFERS.get();
        sink.reset();
        try {
            sink.putUtf8(httpMethod);
            sink.put((byte) '\n');
            sink.putUtf8(hostLine);
            sink.put((byte) '\n');
            sink.putUtf8(path);
            sink.put((byte) '\n');
            CanonicalQuery.appendTo(sink, parameters);
            Mac mac = secret.newMac(method);
            mac.update(sink.array(), 0, sink.length());
            return mac.doFinal();
        } finally {
            if (sink.array().length > RETAINED_BUFFER_LIMIT) {
                BUFFERS.remove();
            }
        }
    }
}
