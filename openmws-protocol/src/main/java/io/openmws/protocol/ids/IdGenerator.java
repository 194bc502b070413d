package io.openmws.protocol.ids;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Draws new identifiers and credentials, all from one {@link SecureRandom}.
 *
 * <p>Every character is drawn without bias: {@link SecureRandom#nextInt(int)} rejects the values
 * that would favour some characters, and secret keys are 30 random bytes in base64, which is exactly
 * 40 characters with no padding. Generated values always pass their type's validation.
 *
 * <p>Thread-safe as long as the given {@code SecureRandom} is (the JDK's are).
 */
public final class IdGenerator {

    private static final String UPPER_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    /** A generator backed by a new {@link SecureRandom}. */
    public IdGenerator() {
        this(new SecureRandom());
    }

    /**
     * A generator backed by {@code random}; tests pass a seeded or scripted one.
     *
     * @param random the only source of randomness this generator uses
     */
    public IdGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A seller id like the real ones: {@code A} followed by 13 of {@code [0-9A-Z]}, 14 characters. */
    public SellerId sellerId() {
        return SellerId.of("A" + chars(UPPER_ALPHANUMERIC, 13));
    }

    /** A Developer ID: 12 digits, the first not zero. */
    public DeveloperId developerId() {
        return new DeveloperId(digitsWithoutLeadingZero(12));
    }

    /** An access key id like a real AWS one: {@code AKIA} followed by 16 of the base32 alphabet {@code [A-Z2-7]}. */
    public AccessKeyId accessKeyId() {
        return AccessKeyId.of(AccessKeyId.GENERATED_PREFIX + chars(BASE32, 16));
    }

    /** A secret key: 30 random bytes in standard base64, which is 40 characters without padding. */
    public SecretKey secretKey() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return SecretKey.of(Base64.getEncoder().encodeToString(bytes));
    }

    /** An auth token: {@code amzn.mws.} followed by a random (version 4) lowercase UUID. */
    public MwsAuthToken mwsAuthToken() {
        return MwsAuthToken.of(MwsAuthToken.PREFIX + uuidV4());
    }

    /** An order id in the 3-7-7 digit form; the first digit is not zero, as in real ones. */
    public AmazonOrderId amazonOrderId() {
        return AmazonOrderId.of(digitsWithoutLeadingZero(3) + "-" + digits(7) + "-" + digits(7));
    }

    /** An order item id: 14 digits, the first not zero. */
    public OrderItemId orderItemId() {
        return OrderItemId.of(digitsWithoutLeadingZero(14));
    }

    /** A feed submission id of {@value FeedSubmissionId#GENERATED_LENGTH} digits. */
    public FeedSubmissionId feedSubmissionId() {
        return FeedSubmissionId.of(digitsWithoutLeadingZero(FeedSubmissionId.GENERATED_LENGTH));
    }

    /** A report request id of {@value ReportRequestId#GENERATED_LENGTH} digits. */
    public ReportRequestId reportRequestId() {
        return ReportRequestId.of(digitsWithoutLeadingZero(ReportRequestId.GENERATED_LENGTH));
    }

    /** A report id of {@value ReportId#GENERATED_LENGTH} digits. */
    public ReportId reportId() {
        return ReportId.of(digitsWithoutLeadingZero(ReportId.GENERATED_LENGTH));
    }

    /** A request id: a random lowercase version 4 UUID. */
    public RequestId requestId() {
        return RequestId.of(uuidV4());
    }

    private String chars(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String digits(int count) {
        return chars("0123456789", count);
    }

    private String digitsWithoutLeadingZero(int count) {
        return chars("123456789", 1) + digits(count - 1);
    }

    // Built here rather than with UUID.randomUUID() so that the injected SecureRandom is the only source.
    private String uuidV4() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
