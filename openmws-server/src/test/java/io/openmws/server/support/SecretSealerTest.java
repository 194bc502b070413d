package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Sealing secrets with Tink, and where the keyset comes from in each mode. */
@ExtendWith(OutputCaptureExtension.class)
class SecretSealerTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static OpenMwsProperties properties(OpenMwsProperties.Mode mode, String keyset, Path file) {
        return new OpenMwsProperties(mode, "from@example.com", null, new OpenMwsProperties.Secrets(keyset, file));
    }

    @Test
    void aSealedSecretOpensOnlyWithItsContext() {
        SecretSealer sealer = SecretSealer.of(SecretSealer.newKeysetJson());

        byte[] sealed = sealer.seal(SECRET, "developer_access_key/AKIAAAAAAAAAAAAAAAAA");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(sealer.open(sealed, "developer_access_key/AKIAAAAAAAAAAAAAAAAA")).isEqualTo(SECRET);
        assertThatThrownBy(() -> sealer.open(sealed, "developer_access_key/AKIABBBBBBBBBBBBBBBB"))
                .isInstanceOf(SecretSealer.SealBroken.class).hasMessageNotContaining(SECRET);
        assertThat(sealer.seal(SECRET, "x")).as("a fresh nonce every time").isNotEqualTo(sealer.seal(SECRET, "x"));
    }

    @Test
    void alteredBytesOrAnotherKeysetDoNotOpen() {
        SecretSealer sealer = SecretSealer.of(SecretSealer.newKeysetJson());
        byte[] sealed = sealer.seal(SECRET, "row/1");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open(altered, "row/1")).isInstanceOf(SecretSealer.SealBroken.class);
        assertThatThrownBy(() -> SecretSealer.of(SecretSealer.newKeysetJson()).open(sealed, "row/1"))
                .isInstanceOf(SecretSealer.SealBroken.class);
        assertThatThrownBy(() -> sealer.seal(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sealer).hasToString("SecretSealer[keyset redacted]");
    }

    @Test
    void garbageIsNotAKeysetAndTheMessageDoesNotQuoteIt() {
        assertThatThrownBy(() -> SecretSealer.of("{\"not\": \"a keyset sup3rs3cret\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a Tink AEAD keyset")
                .hasMessageNotContaining("sup3rs3cret");
    }

    @Test
    void sandboxGeneratesAMissingKeysetFileOwnerOnlyAndReusesIt(@TempDir Path dir, CapturedOutput log) throws Exception {
        Path file = dir.resolve("data").resolve("secrets.keyset.json");

        SecretSealer first = SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.SANDBOX, null, file));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String keyset = Files.readString(file);
        assertThat(keyset).contains("AesGcmKey");
        assertThat(log.getAll()).contains("Generated a new secrets keyset at " + file.toAbsolutePath())
                .doesNotContain(keyset.substring(keyset.indexOf("\"value\""), keyset.indexOf("\"value\"") + 40));

        SecretSealer again = SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.SANDBOX, null, file));
        assertThat(again.open(first.seal(SECRET, "row/1"), "row/1")).as("same keyset after a restart").isEqualTo(SECRET);
        assertThat(Files.readString(file)).isEqualTo(keyset);
    }

    @Test
    void aKeysetReadableByOthersIsUsedWithAWarning(@TempDir Path dir, CapturedOutput log) throws Exception {
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, SecretSealer.newKeysetJson());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.PRODUCTION, null, file));

        assertThat(log.getAll()).contains("can be read by others than its owner");
    }

    @Test
    void theKeysetItselfMayComeFromAPropertyOrTheEnvironment() {
        String json = SecretSealer.newKeysetJson();
        SecretSealer sealer = SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.PRODUCTION, json, null));

        assertThat(SecretSealer.of(json).open(sealer.seal(SECRET, "row/1"), "row/1")).isEqualTo(SECRET);
        assertThat(properties(OpenMwsProperties.Mode.PRODUCTION, json, null).secrets().toString())
                .doesNotContain(json).contains("keyset=redacted");
    }

    @Test
    void productionWithoutAKeysetRefusesToStart(@TempDir Path dir) {
        assertThatThrownBy(() -> SecretSealerConfiguration.sealerFor(
                properties(OpenMwsProperties.Mode.PRODUCTION, null, null)))
                .hasMessageContaining("Production mode needs the keyset that seals stored secrets")
                .hasMessageContaining("openmws.secrets.keyset-file").hasMessageContaining("OPENMWS_SECRETS_KEYSET");

        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> SecretSealerConfiguration.sealerFor(
                properties(OpenMwsProperties.Mode.PRODUCTION, null, missing)))
                .hasMessageContaining("does not exist. Production mode never generates one");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aKeysetFromTwoPlacesIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.SANDBOX,
                SecretSealer.newKeysetJson(), dir.resolve("k.json"))))
                .hasMessageContaining("not both");
    }

    @Test
    void anUnusableKeysetFileIsNamedWithoutItsContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "hunter2 is not json");

        assertThatThrownBy(() -> SecretSealerConfiguration.sealerFor(properties(OpenMwsProperties.Mode.SANDBOX, null, file)))
                .hasMessageContaining(file.toString()).hasMessageContaining("is unusable")
                .hasMessageNotContaining("hunter2");
    }
}
