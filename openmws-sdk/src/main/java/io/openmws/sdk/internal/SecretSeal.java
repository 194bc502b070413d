package io.openmws.sdk.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Set;

/**
 * Encrypts small secrets (MWS Auth Tokens, a Secret Key) for the credential store with a Tink AEAD
 * keyset, each bound to a context (the AEAD's associated data) naming its row, so a ciphertext moved to
 * another row does not open. The same pattern as the platform's {@code SecretSealer}, without depending
 * on the platform. Thread-safe; {@link #toString()} never shows key material.
 */
public final class SecretSeal {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final System.Logger LOG = System.getLogger(SecretSeal.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** A sealed value that does not open: another keyset, another row's context, or altered bytes. */
    public static final class SealBroken extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SealBroken(String context) {
            super("The secret sealed for " + context + " does not open with this keyset; is the store opened with"
                    + " the keyset it was written with (and the row unaltered)?");
        }
    }

    private final Aead aead;

    private SecretSeal(Aead aead) {
        this.aead = aead;
    }

    /**
     * A seal for a keyset in Tink's JSON format.
     *
     * @throws IllegalArgumentException when the text is not a Tink AEAD keyset (never quoting it)
     */
    public static SecretSeal of(String keysetJson) {
        Objects.requireNonNull(keysetJson, "keysetJson");
        try {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new SecretSeal(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // no cause: parser messages may quote the keyset
            throw new IllegalArgumentException("Not a Tink AEAD keyset in JSON format (" + e.getClass().getSimpleName()
                    + "); create one with: tinkey create-keyset --key-template AES256_GCM --out-format json");
        }
    }

    /**
     * A seal for the keyset in a file, generating the file (owner-only, {@code rw-------}) when it does
     * not exist. An existing file others may read is used, with a warning.
     *
     * @throws IllegalStateException when the file cannot be read or written
     */
    public static SecretSeal fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                String generated = newKeysetJson();
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    write(file, generated);
                    LOG.log(System.Logger.Level.INFO, "Generated a keyset for the seller credential store at {0}"
                            + " (owner-only). Back it up with the database: stored tokens cannot be opened without it",
                            file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                }
            } else if (readableByOthers(file)) {
                LOG.log(System.Logger.Level.WARNING, "The keyset {0} can be read by other users; make it owner-only"
                        + " (chmod 600)", file.toAbsolutePath());
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the keyset file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    }

    /** A new keyset with one AES-256-GCM key, in Tink's JSON format: key material, guard it. */
    public static String newKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES-256-GCM keyset", e);
        }
    }

    /** Encrypts {@code secret} bound to {@code context}. */
    public byte[] seal(String secret, String context) {
        Objects.requireNonNull(secret, "secret");
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the secret for " + context, e);
        }
    }

    /**
     * Decrypts what {@link #seal} made for the same context.
     *
     * @throws SealBroken when it does not open: another keyset, another row, or altered bytes
     */
    public String open(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        try {
            return new String(aead.decrypt(sealed, context(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealBroken(context);
        }
    }

    private static byte[] context(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("A sealed secret needs a context naming its row");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretSeal[keyset redacted]";
    }
}
