package io.openmws.cli.config;

import io.openmws.cli.CliFailure;
import io.openmws.cli.OwnerOnly;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.MwsCallListener;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.store.JdbcSellerCredentialStore;
import io.openmws.sdk.store.SellerCredentialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * One profile's folder, owner-only ({@code rwx------}): {@code settings.properties} (endpoint, application),
 * and the SDK's encrypted credential store, an H2 file {@code store.mv.db} sealed by {@code keyset.json}
 * (AES-256-GCM), which holds the developer's access key and the sellers.
 *
 * <p>Nothing is created until something is saved; reading a profile that was never configured says so.
 */
public final class Profile {

    /** The settings file's name. */
    public static final String SETTINGS_FILE = "settings.properties";
    /** The keyset file's name. */
    public static final String KEYSET_FILE = "keyset.json";

    private final String name;
    private final Path dir;
    private SellerCredentialStore store;

    Profile(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** Its folder. */
    public Path dir() {
        return dir;
    }

    /** Its settings, when it was configured. */
    public Optional<ProfileSettings> settings() {
        Path file = dir.resolve(SETTINGS_FILE);
        return OwnerOnly.readProperties(file).map(p -> {
            String endpoint = p.getProperty("endpoint");
            if (endpoint == null || endpoint.isBlank()) {
                throw CliFailure.usage(file + " has no endpoint; run 'openmws" + profileOption() + " configure' again");
            }
            return new ProfileSettings(URI.create(endpoint.strip()), p.getProperty("application.name", "openmws-cli"),
                    p.getProperty("application.version", "1.0"));
        });
    }

    /**
     * Its settings.
     *
     * @throws CliFailure (usage) when the profile was never configured, saying how to configure it
     */
    public ProfileSettings requireSettings() {
        return settings().orElseThrow(() -> CliFailure.usage("Profile '" + name + "' is not configured; run 'openmws"
                + profileOption() + " configure' first (or 'openmws" + profileOption() + " configure --from-env')"));
    }

    /** Writes the settings, replacing the file at once (never half-written), owner-only. */
    public void save(ProfileSettings settings) {
        createDir();
        Properties p = new Properties();
        p.setProperty("endpoint", settings.endpoint().toString());
        p.setProperty("application.name", settings.applicationName());
        p.setProperty("application.version", settings.applicationVersion());
        Path file = dir.resolve(SETTINGS_FILE);
        try {
            OwnerOnly.writeProperties(file, p, "openmws profile '" + name + "' (the access key is in the encrypted store"
                    + " beside it)");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * The profile's credential store, created (with its folder and keyset) on first use.
     *
     * @return the store; the same one on every call
     */
    public synchronized SellerCredentialStore store() {
        if (store == null) {
            createDir();
            store = JdbcSellerCredentialStore.builder()
                    .dataSource(new StoreDataSource("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";WRITE_DELAY=0"))
                    .keysetFile(dir.resolve(KEYSET_FILE))
                    .build();
        }
        return store;
    }

    /**
     * The developer's access key.
     *
     * @throws CliFailure (usage) when none was configured
     */
    public DeveloperCredentials requireCredentials() {
        requireSettings();
        return store().developerCredentials().orElseThrow(() -> CliFailure.usage("Profile '" + name + "' has no access"
                + " key; run 'openmws" + profileOption() + " configure' first"));
    }

    /**
     * A client for this profile's endpoint and access key, whose calls mark a stored seller for
     * re-authorization when MWS answers {@code AccessDenied}.
     *
     * @param listeners more listeners (progress, verbose logging)
     * @throws CliFailure (usage) when the profile is not configured
     */
    public MwsClient client(MwsCallListener... listeners) {
        ProfileSettings settings = requireSettings();
        MwsClient.Builder b = MwsClient.builder()
                .endpoint(settings.endpoint())
                .credentials(requireCredentials())
                .application(settings.applicationName(), settings.applicationVersion())
                .listener(store().reauthorizationMarker());
        for (MwsCallListener listener : listeners) {
            b.listener(listener);
        }
        return b.build();
    }

    private String profileOption() {
        return Profiles.DEFAULT_PROFILE.equals(name) ? "" : " --profile " + name;
    }

    /** Creates the folder, and any folder above it that is missing, owner-only; folders that exist above it are left alone. */
    private void createDir() {
        try {
            OwnerOnly.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw CliFailure.failed("Could not create " + dir + " (owner-only): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Profile[" + name + ", " + dir + "]";
    }
}
