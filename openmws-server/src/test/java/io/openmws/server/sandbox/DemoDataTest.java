package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.MwsClient;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code --openmws.sandbox.demo=true}: credentials printed, a pasted call that works, the same again after a restart. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(OpenMwsServer.class).run("--server.port=0", "--openmws.sandbox.demo=true",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--openmws.secrets.keyset-file=" + dir.resolve("keyset.json"),
                "--openmws.sandbox.operator-token-file=" + dir.resolve("operator-token"));
    }

    private static String printed(String output, String label) {
        Matcher m = Pattern.compile("^ " + Pattern.quote(label) + "\\s+(\\S+)", Pattern.MULTILINE).matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as(label).isNotNull();
        return last;
    }

    @Test
    void theDemoPrintsWorkingCredentialsAndKeepsThemAcrossRestarts(@TempDir Path dir, CapturedOutput output) {
        String sellerId;
        String token;
        String secret;
        try (var app = start(dir)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String out = output.getAll();
            sellerId = printed(out, "Seller ID");
            token = printed(out, "MWS Auth Token");
            secret = printed(out, "Secret Key");
            assertThat(printed(out, "Access Key ID")).startsWith("AKIA");
            assertThat(out).contains("demo-developer@openmws.invalid   password ");

            Matcher curl = Pattern.compile("--data '([^']+)'").matcher(out);
            assertThat(curl.find()).isTrue();
            var answer = new MwsClient(port).postForm("/Sellers/2011-07-01", curl.group(1));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("<MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId>");

            List<String> logLines = out.lines().filter(l -> l.contains(" INFO ") || l.contains(" WARN ")).toList();
            assertThat(logLines).isNotEmpty().noneMatch(l -> l.contains(secret) || l.contains(token));
        }
        try (var again = start(dir)) {
            String out = output.getAll();
            assertThat(printed(out, "Seller ID")).isEqualTo(sellerId);
            assertThat(printed(out, "MWS Auth Token")).isEqualTo(token);
            assertThat(printed(out, "Secret Key")).isEqualTo(secret);
            assertThat(out).contains("(password as printed at its first start)");
        }
    }
}
