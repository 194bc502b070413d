package io.openmws.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per (identifier type, input): whether {@code isValid} and {@code of} accept it. */
class IdentifierFormatTest {

    private static final boolean VALID = true;
    private static final boolean INVALID = false;

    /** An identifier type under test: its name, {@code isValid} and {@code of}. */
    record Type(String name, Predicate<String> isValid, Function<String, ?> of) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Type SELLER_ID = new Type("SellerId", SellerId::isValid, SellerId::of);
    static final Type MARKETPLACE_ID = new Type("MarketplaceId", MarketplaceId::isValid, MarketplaceId::of);
    static final Type DEVELOPER_ID = new Type("DeveloperId", DeveloperId::isValid, DeveloperId::of);
    static final Type ACCESS_KEY_ID = new Type("AccessKeyId", AccessKeyId::isValid, AccessKeyId::of);
    static final Type SECRET_KEY = new Type("SecretKey", SecretKey::isValid, SecretKey::of);
    static final Type MWS_AUTH_TOKEN = new Type("MwsAuthToken", MwsAuthToken::isValid, MwsAuthToken::of);
    static final Type AMAZON_ORDER_ID = new Type("AmazonOrderId", AmazonOrderId::isValid, AmazonOrderId::of);
    static final Type ORDER_ITEM_ID = new Type("OrderItemId", OrderItemId::isValid, OrderItemId::of);
    static final Type FEED_SUBMISSION_ID =
            new Type("FeedSubmissionId", FeedSubmissionId::isValid, FeedSubmissionId::of);
    static final Type REPORT_REQUEST_ID =
            new Type("ReportRequestId", ReportRequestId::isValid, ReportRequestId::of);
    static final Type REPORT_ID = new Type("ReportId", ReportId::isValid, ReportId::of);
    static final Type REQUEST_ID = new Type("RequestId", RequestId::isValid, RequestId::of);

    static Stream<Arguments> rows() {
        return Stream.of(
                // SellerId: [A-Z0-9]{8,20} starting with A (docs/protocol.md §10)
                row(SELLER_ID, "A22UNWHFCIE1IF", VALID, "real, 14 chars"),
                row(SELLER_ID, "A2986ZQ066CH2F", VALID, "real, 14 chars"),
                row(SELLER_ID, "A265CUS4KA8OEM", VALID, "real, from a throttle message"),
                row(SELLER_ID, "AC28N11YUQ", VALID, "docs placeholder, 10 chars"),
                row(SELLER_ID, "A1234567", VALID, "shortest, 8 chars"),
                row(SELLER_ID, "A1234567890123456789", VALID, "longest, 20 chars"),
                row(SELLER_ID, "A123456", INVALID, "7 chars"),
                row(SELLER_ID, "A12345678901234567890", INVALID, "21 chars"),
                row(SELLER_ID, "B22UNWHFCIE1IF", INVALID, "does not start with A"),
                row(SELLER_ID, "a22unwhfcie1if", INVALID, "lowercase"),
                row(SELLER_ID, "A22UNWHFCIE1I-", INVALID, "punctuation"),
                row(SELLER_ID, " A22UNWHFCIE1IF", INVALID, "leading space"),
                row(SELLER_ID, "", INVALID, "empty"),
                row(SELLER_ID, null, INVALID, "null"),
                // MarketplaceId: same style
                row(MARKETPLACE_ID, "ATVPDKIKX0DER", VALID, "US, 13 chars"),
                row(MARKETPLACE_ID, "A1F83G8C2ARO7P", VALID, "UK, 14 chars"),
                row(MARKETPLACE_ID, "A6W85IYQ5WB1C", VALID, "non-retail IBA"),
                row(MARKETPLACE_ID, "atvpdkikx0der", INVALID, "lowercase"),
                row(MARKETPLACE_ID, "XTVPDKIKX0DER", INVALID, "does not start with A"),
                row(MARKETPLACE_ID, "ATVPDK", INVALID, "too short"),
                row(MARKETPLACE_ID, null, INVALID, "null"),
                // DeveloperId: 12 digits, plain or 4-4-4 dashed
                row(DEVELOPER_ID, "123456789012", VALID, "plain"),
                row(DEVELOPER_ID, "1234-5678-9012", VALID, "dashed"),
                row(DEVELOPER_ID, "1234-3214-4321", VALID, "docs example"),
                row(DEVELOPER_ID, "012345678901", VALID, "leading zero is still 12 digits"),
                row(DEVELOPER_ID, "12345678901", INVALID, "11 digits"),
                row(DEVELOPER_ID, "1234567890123", INVALID, "13 digits"),
                row(DEVELOPER_ID, "12345678-9012", INVALID, "one dash"),
                row(DEVELOPER_ID, "123-4567-89012", INVALID, "dashes in the wrong place"),
                row(DEVELOPER_ID, "1234 5678 9012", INVALID, "spaces"),
                row(DEVELOPER_ID, "12345678901A", INVALID, "letter"),
                row(DEVELOPER_ID, null, INVALID, "null"),
                // AccessKeyId: 20 alphanumerics
                row(ACCESS_KEY_ID, "AKIAIUT3LAL4QTKWP26A", VALID, "real"),
                row(ACCESS_KEY_ID, "AKIAIOSFODNN7EXAMPLE", VALID, "AWS docs example"),
                row(ACCESS_KEY_ID, "akiaiosfodnn7example", VALID, "docs say alphanumeric, either case"),
                row(ACCESS_KEY_ID, "AKIAIUT3LAL4QTKWP26", INVALID, "19 chars"),
                row(ACCESS_KEY_ID, "AKIAIUT3LAL4QTKWP26AB", INVALID, "21 chars"),
                row(ACCESS_KEY_ID, "AKIAIUT3LAL4QTKWP2/A", INVALID, "slash"),
                row(ACCESS_KEY_ID, null, INVALID, "null"),
                // SecretKey: 40 chars of A-Za-z0-9+/
                row(SECRET_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", VALID, "AWS docs example"),
                row(SECRET_KEY, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ+/01", VALID, "every class incl. + and /"),
                row(SECRET_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", INVALID, "39 chars"),
                row(SECRET_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYY", INVALID, "41 chars"),
                row(SECRET_KEY, "wJalrXUtnFEMI-K7MDENG_bPxRfiCYEXAMPLEKEY", INVALID, "base64url alphabet"),
                row(SECRET_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE=", INVALID, "padding"),
                row(SECRET_KEY, null, INVALID, "null"),
                // MwsAuthToken: amzn.mws. + lowercase UUID
                row(MWS_AUTH_TOKEN, "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2", VALID, "version nibble 7"),
                row(MWS_AUTH_TOKEN, "amzn.mws.0e3f0d6c-95f8-4d7c-a3b8-6b1c0fd1a2b3", VALID, "v4"),
                row(MWS_AUTH_TOKEN, "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE", INVALID, "docs example, not hex"),
                row(MWS_AUTH_TOKEN, "amzn.mws.4EA38B7B-F563-7709-4BAE-87AEA0E1D3C2", INVALID, "uppercase hex"),
                row(MWS_AUTH_TOKEN, "4ea38b7b-f563-7709-4bae-87aea0e1d3c2", INVALID, "no prefix"),
                row(MWS_AUTH_TOKEN, "amzn.mws.4ea38b7bf56377094bae87aea0e1d3c2", INVALID, "no dashes"),
                row(MWS_AUTH_TOKEN, "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c", INVALID, "last group short"),
                row(MWS_AUTH_TOKEN, "amzn.mwsX4ea38b7b-f563-7709-4bae-87aea0e1d3c2", INVALID, "dot is literal"),
                row(MWS_AUTH_TOKEN, null, INVALID, "null"),
                // AmazonOrderId: 3-7-7 digits
                row(AMAZON_ORDER_ID, "902-3159896-1390916", VALID, "real"),
                row(AMAZON_ORDER_ID, "111-2223334-5556667", VALID, "fixture"),
                row(AMAZON_ORDER_ID, "902-315989-61390916", INVALID, "3-6-8"),
                row(AMAZON_ORDER_ID, "9023159896-1390916", INVALID, "missing dash"),
                row(AMAZON_ORDER_ID, "S02-3159896-1390916", INVALID, "letter (schema allows, we do not)"),
                row(AMAZON_ORDER_ID, null, INVALID, "null"),
                // OrderItemId: 14 digits
                row(ORDER_ITEM_ID, "68828574383266", VALID, "14 digits"),
                row(ORDER_ITEM_ID, "00000000000000", VALID, "digits only matter"),
                row(ORDER_ITEM_ID, "6882857438326", INVALID, "13 digits"),
                row(ORDER_ITEM_ID, "688285743832660", INVALID, "15 digits"),
                row(ORDER_ITEM_ID, "6882857438326A", INVALID, "letter"),
                row(ORDER_ITEM_ID, null, INVALID, "null"),
                // FeedSubmissionId / ReportRequestId / ReportId: 1-20 digits, no leading zero
                row(FEED_SUBMISSION_ID, "51793018437", VALID, "real, 11 digits"),
                row(FEED_SUBMISSION_ID, "123", VALID, "short, as in client tests"),
                row(FEED_SUBMISSION_ID, "0123", INVALID, "leading zero"),
                row(FEED_SUBMISSION_ID, "51793O18437", INVALID, "letter O"),
                row(FEED_SUBMISSION_ID, "-51793018437", INVALID, "sign"),
                row(FEED_SUBMISSION_ID, "", INVALID, "empty"),
                row(REPORT_REQUEST_ID, "51781018424", VALID, "real, 11 digits"),
                row(REPORT_REQUEST_ID, "12345678901234567890", VALID, "20 digits"),
                row(REPORT_REQUEST_ID, "123456789012345678901", INVALID, "21 digits"),
                row(REPORT_ID, "21175694446018424", VALID, "real, 17 digits"),
                row(REPORT_ID, "20812705939018404", VALID, "real, 17 digits"),
                row(REPORT_ID, "2117569444601842 ", INVALID, "trailing space"),
                row(REPORT_ID, null, INVALID, "null"),
                // RequestId: lowercase UUID v4
                row(REQUEST_ID, "f8ef8c9b-8a4d-4f36-9d4c-1f6f0e0a5b21", VALID, "v4"),
                row(REQUEST_ID, "f8ef8c9b-8a4d-4f36-bd4c-1f6f0e0a5b21", VALID, "variant b"),
                row(REQUEST_ID, "F8EF8C9B-8A4D-4F36-9D4C-1F6F0E0A5B21", INVALID, "uppercase"),
                row(REQUEST_ID, "f8ef8c9b-8a4d-1f36-9d4c-1f6f0e0a5b21", INVALID, "version 1"),
                row(REQUEST_ID, "f8ef8c9b-8a4d-4f36-7d4c-1f6f0e0a5b21", INVALID, "wrong variant"),
                row(REQUEST_ID, "f8ef8c9b8a4d4f369d4c1f6f0e0a5b21", INVALID, "no dashes"),
                row(REQUEST_ID, null, INVALID, "null"));
    }

    private static Arguments row(Type type, String value, boolean valid, String why) {
        return Arguments.of(type, value, valid, why);
    }

    @ParameterizedTest(name = "{0} {1} valid={2} ({3})")
    @MethodSource("rows")
    void isValidAndOfAgreeWithTheFormat(Type type, String value, boolean valid, String why) {
        assertThat(type.isValid().test(value)).as(why).isEqualTo(valid);
        if (valid) {
            assertThatCode(() -> type.of().apply(value)).as(why).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> type.of().apply(value))
                    .as(why)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void rejectionMessageNeverEchoesTheInput(Type type, String value, boolean valid, String why) {
        if (valid || value == null || value.isBlank()) {
            return; // nothing to echo
        }
        assertThatThrownBy(() -> type.of().apply(value))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(value.strip());
    }
}
