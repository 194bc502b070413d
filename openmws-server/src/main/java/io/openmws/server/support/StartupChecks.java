package io.openmws.server.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The beans that use these keep their own guards for use outside a running platform.
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
        return problems;
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
