package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Integrate in five minutes" program, taken from the README as it is written, run the way
 * the README says (the JDK's single-file launcher, with the protocol and SDK classes on the class path and
 * the credentials in the environment) against a platform.
 */
@OpenMwsSandbox
class ReadmeExampleTest {

    private static final String HEADING = "## Integrate in five minutes";

    static String exampleFromReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf(HEADING);
        assertThat(section).as("the README has a section '%s'", HEADING).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theReadmeProgramListsTheDemoSellersMarketplaces(Sandbox sandbox, @TempDir Path dir) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        String program = exampleFromReadme();
        assertThat(program.lines().count()).isLessThanOrEqualTo(25);
        Path source = dir.resolve("ListMyMarketplaces.java");
        Files.writeString(source, program, StandardCharsets.UTF_8);
        String classPath = String.join(File.pathSeparator,
                Path.of("..", "openmws-protocol", "target", "classes").toString(), Path.of("target", "classes").toString());

        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, source.toString()).redirectErrorStream(true);
        Map<String, String> env = java.environment();
        env.put("MWS_ENDPOINT", sandbox.baseUrl().toString());
        env.put("MWS_ACCESS_KEY_ID", developer.accessKeyId());
        env.put("MWS_SECRET_KEY", developer.secretKey());
        env.put("MWS_SELLER_ID", grant.sellerId());
        env.put("MWS_AUTH_TOKEN", grant.mwsAuthToken());
        env.put("MWS_MARKETPLACE_ID", "ATVPDKIKX0DER");
        Process run = java.start();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).isEqualTo(List.of("ATVPDKIKX0DER Amazon.com", "A2EUQ1WTGCTBG2 Amazon.ca",
                "Sellers API: GREEN"));
    }
}
