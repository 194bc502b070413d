package io.openmws.server.support;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Encrypts small secrets (developers' Secret Keys, sellers' MWS Auth Tokens) for storage, with an
 * AEAD keyset managed by Google Tink (AES-256-GCM when the platform generates the keyset).
 *
 * <p>Every sealed value is bound to a <em>context</em>, the AEAD's associated data: a string that
 * names what the secret is and which row holds it, such as {@code developer_access_key/AKIA...}.
 * Opening needs the same context, so a ciphertext copied into another row does not open there.
 * Contexts must therefore be built from the row's stable identity, never from something that
 * changes (a status, a name).
 *
 * <p>The keyset may hold several keys: the primary one seals, any of them opens, so an operator can
 * add a new primary key (Tink's {@code tinkey}) without re-encrypting what is stored. Where the
 * keyset comes from is decided by {@link SecretSealerConfiguration}.
 *
 * <p>Thread-safe. {@link #toString()} never shows key material, and no exception carries a secret.
 */
public final class SecretSealer {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A sealed value that does not open: wrong keyset, wrong context, or altered bytes. */
    public static final class SealBroken extends IllegalStateException {
        SealBroken(String context) {
            super("The secret sealed for " + context + " does not open with this keyset and context");
        }
    }

    private final Aead aead;

    private SecretSealer(Aead aead) {
        this.aead = aead;
    }

    /**
     * A sealer for a keyset in Tink's JSON keyset format.
     *
     * @throws IllegalArgumentException when the text is not a Tink AEAD keyset; the message never
     *     quotes the text
     */
    public static SecretSealer of(String keysetJson) {
        Objects.requireNonNull(keysetJson, "keysetJson");
        try {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new SecretSealer(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause is left out on purpose: parser messages may quote parts of the keyset.
            throw new IllegalArgumentException("Not a Tink AEAD keyset in JSON format ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A new keyset with one AES-256-GCM key, in Tink's JSON format. The result is key material: guard it. */
    public static String newKeysetJson() {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES-256-GCM keyset", e);
        }
    }

    /**
     * Encrypts {@code secret}, bound to {@code context}.
     *
     * @param secret the plaintext, UTF-8 encoded before encryption
     * @param context what the secret is and which row holds it; needed again to open it
     * @return the ciphertext (Tink's key id prefix, nonce, ciphertext and tag), for a {@code BYTEA} column
     */
    public byte[] seal(String secret, String context) {
        Objects.requireNonNull(secret, "secret");
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), contextBytes(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the secret for " + context, e);
        }
    }

    /**
     * Decrypts what {@link #seal(String, String)} made for the same context.
     *
     * @throws SealBroken when the bytes were sealed with another keyset or context, or were altered
     */
    public String open(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        try {
            return new String(aead.decrypt(sealed, contextBytes(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealBroken(context);
        }
    }

    private static byte[] contextBytes(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("A sealed secret needs a context naming its row");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretSealer[keyset redacted]";
    }
}
