package io.openmws.protocol.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.openmws.protocol.signature.CanonicalQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MwsParametersTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                arguments("ordered by numeric index, 10 after 2",
                        "MarketplaceId.Id.10=J&MarketplaceId.Id.2=B&MarketplaceId.Id.1=A", "MarketplaceId.Id",
                        List.of("A", "B", "J")),
                arguments("a bare name is index 1 (FeedSubmissionIdList.Id=123, docs/protocol.md §13)",
                        "FeedSubmissionIdList.Id=123", "FeedSubmissionIdList.Id", List.of("123")),
                arguments("a bare name goes before index 2", "X.Id=a&X.Id.2=b", "X.Id", List.of("a", "b")),
                arguments("gaps are skipped", "X.Id.3=c&X.Id.1=a", "X.Id", List.of("a", "c")),
                arguments("nested members and odd suffixes are not elements",
                        "X.member.1.SellerSKU=s&X.member.0=z&X.member.01=y&X.member.1=a&X.memberz.2=q",
                        "X.member", List.of("a")),
                arguments("other lists are not mixed in", "X.Id.1=a&X.Ids.1=b&X.I.1=c", "X.Id", List.of("a")),
                arguments("an absent list is empty", "A=1", "X.Id", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void listReadsNumberedParameters(String description, String query, String prefix, List<String> expected) {
        assertThat(MwsParameterParser.parseQuery(query).list(prefix)).containsExactlyElementsOf(expected);
    }

    @Test
    void bareNameAndIndexOneTogetherAreAmbiguous() {
        MwsParameters p = MwsParameterParser.parseQuery("X.Id=a&X.Id.1=b");

        assertThatThrownBy(() -> p.list("X.Id")).isInstanceOfSatisfying(InvalidParametersException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidParametersException.Reason.AMBIGUOUS_LIST));
    }

    @Test
    void namesAreKeptInCanonicalOrder() {
        MwsParameters p = MwsParameters.of(Map.of("Merchant", "1", "MarketplaceId.Id.2", "2",
                "MarketplaceId.Id.10", "3", "MWSAuthToken", "4", "Marketplace", "5"));

        assertThat(p.names()).containsExactly("MWSAuthToken", "Marketplace", "MarketplaceId.Id.10",
                "MarketplaceId.Id.2", "Merchant");
        assertThat(p.asMap().comparator()).isSameAs(CanonicalQuery.NAME_ORDER);
    }

    @Test
    void builderRefusesADuplicatedName() {
        MwsParameters.Builder b = MwsParameters.builder().add("A", "1");

        assertThatThrownBy(() -> b.add("A", "1")).isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void theParametersCannotBeModified() {
        MwsParameters p = MwsParameters.of(Map.of("A", "1"));

        assertThatThrownBy(() -> p.asMap().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withAndWithoutReturnNewParameters() {
        MwsParameters p = MwsParameters.of(Map.of("A", "1"));

        assertThat(p.with("B", "2").names()).containsExactly("A", "B");
        assertThat(p.with("A", "3").get("A")).contains("3");
        assertThat(p.without("A").isEmpty()).isTrue();
        assertThat(p.get("A")).contains("1");
        assertThat(p.with("B", "2").asMap().comparator()).isSameAs(CanonicalQuery.NAME_ORDER);
    }

    @Test
    void toQueryStringEncodesCanonically() {
        MwsParameters p = MwsParameters.of(Map.of("B", "x y*", "A", "~é"));

        assertThat(p.toQueryString()).isEqualTo("A=~%C3%A9&B=x%20y%2A");
        assertThat(MwsParameterParser.parseQuery(p.toQueryString())).isEqualTo(p);
    }

    @Test
    void toStringMasksTheAuthTokenAndSignature() {
        MwsParameters p = MwsParameters.of(Map.of("MWSAuthToken", "amzn.mws.secret-token", "Signature", "sig=",
                "SellerId", "A1"));

        assertThat(p.toString()).doesNotContain("amzn.mws.secret-token").doesNotContain("sig=").contains("SellerId=A1");
    }
}
