package io.openmws.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks the settings once at start, before any bean opens a database, a mail server or a keyset, and
 * reports every problem at once in a {@link StartupSettingsException} (shown by
 * {@link StartupSettingsFailureAnalyzer}), instead of the first one found, ten causes deep.
 *
 * <p>Production mode needs {@code openmws.base-url}, {@code spring.mail.host} and a secrets keyset.
 * The beans that use these keep their own guards for use outside a running platform. In any mode, the
 * folders the platform writes to (the H2 file database's, and in sandbox mode those of a keyset or
 * operator token it may generate) must be folders it can write to: a missing one is created,
 * owner-only ({@code rwx------}) where the file system has POSIX permissions, and each is proven
 * writable by creating and deleting a file in it, because permission bits say nothing when running as
 * root.
 */
@Component
class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<StartupSettingsException.Problem> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new StartupSettingsException(problems);
        }
    }

    static List<StartupSettingsException.Problem> problems(Environment environment) {
        boolean production = Binder.get(environment).bind("openmws.mode", OpenMwsProperties.Mode.class)
                .orElse(OpenMwsProperties.Mode.SANDBOX) == OpenMwsProperties.Mode.PRODUCTION;
        List<StartupSettingsException.Problem> problems = new ArrayList<>();
        baseUrl(environment.getProperty("openmws.base-url"), production, problems);
        if (production && !StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            problems.add(new StartupSettingsException.Problem(
                    "spring.mail.host is not set: production mode sends its mail (codes, reset links) over SMTP.",
                    "Set spring.mail.host (SPRING_MAIL_HOST) to your SMTP server, and spring.mail.port,"
                            + " spring.mail.username and spring.mail.password as it needs."));
        }
        keyset(environment, production, problems);
        dataFolders(environment, production, problems);
        return problems;
    }

    private static void dataFolders(Environment environment, boolean production,
                                     List<StartupSettingsException.Problem> problems) {
        Map<Path, List<String>> users = new LinkedHashMap<>();
        h2Folder(environment.getProperty("spring.datasource.url", ""))
                .ifPresent(folder -> use(users, folder, "the H2 database of spring.datasource.url"));
        if (!production && !StringUtils.hasText(environment.getProperty("openmws.secrets.keyset"))) {
            String setting = environment.getProperty("openmws.secrets.keyset-file");
            Path file = StringUtils.hasText(setting) ? Path.of(setting.strip()) : SecretSealerConfiguration.SANDBOX_DEFAULT;
            if (!Files.exists(file)) {
                use(users, folderOf(file), "the secrets keyset the sandbox generates (openmws.secrets.keyset-file)");
            }
        }
        if (!production && !StringUtils.hasText(environment.getProperty("openmws.sandbox.operator-token"))) {
            Path file = Path.of(environment.getProperty("openmws.sandbox.operator-token-file", "./data/operator-token"));
            if (!Files.exists(file)) {
                use(users, folderOf(file), "the operator token the sandbox generates (openmws.sandbox.operator-token-file)");
            }
        }
        users.forEach((folder, uses) -> unusable(folder).ifPresent(reason -> problems.add(
                new StartupSettingsException.Problem("The data folder " + folder + " cannot be used for "
                        + String.join(", ", uses) + ": " + reason + ".",
                        "Make " + folder + " a folder the server's user can create and write to, or point the"
                                + " setting named above at another place."))));
    }

    private static void use(Map<Path, List<String>> users, Path folder, String use) {
        users.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> new ArrayList<>()).add(use);
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /**
     * The folder of an embedded H2 file database ({@code jdbc:h2:file:./data/openmws}, {@code jdbc:h2:./x},
     * {@code jdbc:h2:~/x}); none for in-memory, server or other databases.
     */
    static Optional<Path> h2Folder(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = url.substring(8);
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        } else if (name.matches("(?i)^(mem|tcp|ssl|zip|nio\\w*|split|async|memFS|memLZF|retry):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(folderOf(Path.of(name)));
    }

    /** Why {@code folder} cannot hold the platform's files, if it cannot; creates it when missing. */
    static Optional<String> unusable(Path folder) {
        try {
            if (!Files.exists(folder)) {
                if (posix(folder)) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            if (!Files.isDirectory(folder)) {
                return Optional.of("it is not a folder");
            }
            Files.delete(Files.createTempFile(folder, ".openmws-write-check", ".tmp"));
            return Optional.empty();
        } catch (FileAlreadyExistsException e) {
            return Optional.of("a file, not a folder, is in the way at " + e.getFile());
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied at " + e.getFile());
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() == null ? e.getMessage() : e.getReason() + " at " + e.getFile());
        } catch (IOException | SecurityException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Whether the nearest existing ancestor of {@code folder} has POSIX permissions. */
    private static boolean posix(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    private static void baseUrl(String value, boolean production, List<StartupSettingsException.Problem> problems) {
        String action = "Set openmws.base-url (OPENMWS_BASE_URL) to the address people reach the portal at,"
                + " e.g. https://sellercentral.example.com.";
        if (!StringUtils.hasText(value)) {
            if (production) {
                problems.add(new StartupSettingsException.Problem("openmws.base-url is not set: production mode"
                        + " builds every link it mails from it, never from a request's Host header.", action));
            }
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return;
            }
        } catch (URISyntaxException invalid) {
            // reported below
        }
        problems.add(new StartupSettingsException.Problem("openmws.base-url (" + value + ") is not an http or https"
                + " address with a host and without a query.", action));
    }

    private static void keyset(Environment environment, boolean production,
                               List<StartupSettingsException.Problem> problems) {
        boolean inline = StringUtils.hasText(environment.getProperty("openmws.secrets.keyset"));
        String fileSetting = environment.getProperty("openmws.secrets.keyset-file");
        Path file = StringUtils.hasText(fileSetting) ? Path.of(fileSetting.strip()) : null;
        String create = "Create one with Tink's tinkey: tinkey create-keyset --key-template AES256_GCM"
                + " --out-format json.";
        if (inline && file != null) {
            problems.add(new StartupSettingsException.Problem("Both openmws.secrets.keyset and"
                    + " openmws.secrets.keyset-file are set: the platform will not guess which keyset sealed"
                    + " its secrets.", "Unset one of openmws.secrets.keyset (OPENMWS_SECRETS_KEYSET) and"
                    + " openmws.secrets.keyset-file (OPENMWS_SECRETS_KEYSET_FILE)."));
        } else if (production && !inline && file == null) {
            problems.add(new StartupSettingsException.Problem("No secrets keyset: production mode needs the Tink"
                    + " keyset that seals stored secrets, and never generates one.",
                    "Set OPENMWS_SECRETS_KEYSET to the keyset's JSON, or openmws.secrets.keyset-file"
                            + " (OPENMWS_SECRETS_KEYSET_FILE) to a file holding it. " + create));
        } else if (production && file != null && !Files.isRegularFile(file)) {
            problems.add(new StartupSettingsException.Problem("The secrets keyset file "
                    + file.toAbsolutePath().normalize() + " (openmws.secrets.keyset-file) does not exist;"
                    + " production mode never generates one.", "Restore the keyset file, or point"
                    + " openmws.secrets.keyset-file at it. " + create + " (A new keyset cannot open secrets"
                    + " sealed with a lost one.)"));
        }
    }
}
