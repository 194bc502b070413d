package io.openmws.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Secret Access Key, ready to compute HMACs with. The key's UTF-8 bytes are the HMAC key
 * ({@code docs/protocol.md} §3.1).
 *
 * <p>Creating one keys a prototype {@link Mac} per {@link SignatureMethod}; each signature then uses
 * a clone of the prototype, which skips re-deriving the HMAC pads and is safe from any number of
 * threads. A server should therefore cache one instance per access key rather than build one per
 * request. Immutable and thread-safe; {@link #toString()} never shows the secret, and there is no
 * accessor for it.
 */
public final class SigningSecret {

    private final Map<SignatureMethod, Mac> prototypes = new EnumMap<>(SignatureMethod.class);
    private final Map<SignatureMethod, SecretKeySpec> keys = new EnumMap<>(SignatureMethod.class);

    private SigningSecret(byte[] key) {
        for (SignatureMethod m : SignatureMethod.values()) {
            try {
                SecretKeySpec spec = new SecretKeySpec(key, m.jcaName());
                Mac mac = Mac.getInstance(m.jcaName());
                mac.init(spec);
                keys.put(m, spec);
                prototypes.put(m, mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(m.jcaName() + " is not available in this JDK", e);
            }
        }
    }

    /**
     * A signing secret for a Secret Access Key.
     *
     * @param secretAccessKey the secret; not null or empty
     * @return the signing secret
     * @throws IllegalArgumentException when the secret is empty
     */
    public static SigningSecret of(String secretAccessKey) {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("The Secret Access Key is empty");
        }
        return new SigningSecret(secretAccessKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed Mac for one computation, owned by the caller (Mac instances are not thread-safe). */
    Mac newMac(SignatureMethod method) {
        Mac prototype = prototypes.get(method);
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // Providers whose Mac cannot be cloned: key a fresh instance (slower, still correct).
            try {
                Mac mac = Mac.getInstance(method.jcaName());
                mac.init(keys.get(method));
                return mac;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(method.jcaName() + " worked at construction but not now", impossible);
            }
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SigningSecret(redacted)";
    }
}
