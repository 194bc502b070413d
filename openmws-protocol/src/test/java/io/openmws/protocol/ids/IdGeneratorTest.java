package io.openmws.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdGeneratorTest {

    private static final int DRAWS = 10_000;
    private static final String BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final IdGenerator generator = new IdGenerator();

    /** Each generator method, its type's validator, and how to read the generated text. */
    static Stream<Arguments> generators() {
        return Stream.of(
                gen("sellerId", IdGenerator::sellerId, SellerId::isValid, v -> ((SellerId) v).value()),
                gen("developerId", IdGenerator::developerId, DeveloperId::isValid, Object::toString),
                gen("accessKeyId", IdGenerator::accessKeyId, AccessKeyId::isValid, Object::toString),
                gen("secretKey", IdGenerator::secretKey, SecretKey::isValid, v -> ((SecretKey) v).reveal()),
                gen("mwsAuthToken", IdGenerator::mwsAuthToken, MwsAuthToken::isValid,
                        v -> ((MwsAuthToken) v).reveal()),
                gen("amazonOrderId", IdGenerator::amazonOrderId, AmazonOrderId::isValid, Object::toString),
                gen("orderItemId", IdGenerator::orderItemId, OrderItemId::isValid, Object::toString),
                gen("feedSubmissionId", IdGenerator::feedSubmissionId, FeedSubmissionId::isValid, Object::toString),
                gen("reportRequestId", IdGenerator::reportRequestId, ReportRequestId::isValid, Object::toString),
                gen("reportId", IdGenerator::reportId, ReportId::isValid, Object::toString),
                gen("requestId", IdGenerator::requestId, RequestId::isValid, Object::toString));
    }

    private static Arguments gen(String name, Function<IdGenerator, Object> draw, Predicate<String> isValid,
            Function<Object, String> text) {
        return Arguments.of(name, draw, isValid, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void generatedValuesAlwaysValidateAndDoNotRepeat(String name, Function<IdGenerator, Object> draw,
            Predicate<String> isValid, Function<Object, String> text) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            String value = text.apply(draw.apply(generator));
            assertThat(isValid.test(value)).as("%s %s", name, value).isTrue();
            seen.add(value);
        }
        // The narrowest generated space is 9*10^10 feed submission ids; a repeat in 10,000 draws
        // has probability below 1e-3 there and is astronomically unlikely elsewhere.
        assertThat(seen).as(name).hasSizeGreaterThan(DRAWS - 2);
    }

    @Test
    void generatedShapesMatchRealOnes() {
        assertThat(generator.sellerId().value()).hasSize(14).startsWith("A");
        assertThat(generator.accessKeyId().value()).hasSize(20).startsWith("AKIA").matches("AKIA[A-Z2-7]{16}");
        assertThat(generator.developerId().digits()).matches("[1-9][0-9]{11}");
        assertThat(generator.feedSubmissionId().value()).hasSize(11);
        assertThat(generator.reportRequestId().value()).hasSize(11);
        assertThat(generator.reportId().value()).hasSize(17);
        assertThat(generator.orderItemId().value()).matches("[1-9][0-9]{13}");
        assertThat(generator.amazonOrderId().value()).matches("[1-9][0-9]{2}-[0-9]{7}-[0-9]{7}");
        assertThat(generator.mwsAuthToken().reveal())
                .matches("amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void secretKeysAreFortyBase64CharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            String key = generator.secretKey().reveal();
            assertThat(key).hasSize(40);
            assertThat(key.chars()).allMatch(c -> BASE64_ALPHABET.indexOf(c) >= 0);
            seen.add(key);
        }
        assertThat(seen).hasSize(DRAWS);
    }

    @Test
    void everyPositionOfSecretKeysUsesTheWholeAlphabet() {
        // Unbiased draws leave a given symbol out of a given position with probability (63/64)^10000 ~ e^-156.
        List<Set<Character>> perPosition = Stream.generate(() -> (Set<Character>) new HashSet<Character>())
                .limit(SecretKey.LENGTH)
                .toList();
        for (int i = 0; i < DRAWS; i++) {
            String key = generator.secretKey().reveal();
            for (int p = 0; p < SecretKey.LENGTH; p++) {
                perPosition.get(p).add(key.charAt(p));
            }
        }
        for (int p = 0; p < SecretKey.LENGTH; p++) {
            assertThat(perPosition.get(p)).as("position %d", p).hasSize(64);
        }
    }

    @Test
    void everyPositionOfAccessKeyIdsUsesTheWholeBase32Alphabet() {
        List<Set<Character>> perPosition = Stream.generate(() -> (Set<Character>) new HashSet<Character>())
                .limit(16)
                .toList();
        for (int i = 0; i < 2_000; i++) {
            String suffix = generator.accessKeyId().value().substring(4);
            for (int p = 0; p < 16; p++) {
                perPosition.get(p).add(suffix.charAt(p));
            }
        }
        for (int p = 0; p < 16; p++) {
            assertThat(perPosition.get(p)).as("position %d", p).hasSize(32);
        }
    }

    @Test
    void allRandomnessComesFromTheInjectedSecureRandom() {
        IdGenerator zeros = new IdGenerator(new ZeroRandom());

        assertThat(zeros.sellerId().value()).isEqualTo("A0000000000000");
        assertThat(zeros.developerId()).hasToString("1000-0000-0000");
        assertThat(zeros.accessKeyId().value()).isEqualTo("AKIAAAAAAAAAAAAAAAAA");
        assertThat(zeros.secretKey().reveal()).isEqualTo("A".repeat(40));
        assertThat(zeros.mwsAuthToken().reveal()).isEqualTo("amzn.mws.00000000-0000-4000-8000-000000000000");
        assertThat(zeros.requestId().value()).isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(zeros.amazonOrderId().value()).isEqualTo("100-0000000-0000000");
        assertThat(zeros.reportId().value()).isEqualTo("10000000000000000");
    }

    @Test
    void equallySeededRandomsGenerateTheSameIds() throws NoSuchAlgorithmException {
        IdGenerator first = new IdGenerator(seeded());
        IdGenerator second = new IdGenerator(seeded());

        for (int i = 0; i < 20; i++) {
            assertThat(first.sellerId()).isEqualTo(second.sellerId());
            assertThat(first.secretKey()).isEqualTo(second.secretKey());
            assertThat(first.requestId()).isEqualTo(second.requestId());
        }
    }

    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        // SHA1PRNG seeded before first use is deterministic.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }

    /** A SecureRandom whose every byte is zero, so the generator's output is fully predictable. */
    private static final class ZeroRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
