package io.openmws.cli.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlToJsonTest {

    private static String json(String xml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlToJson.convert(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
    }

    @Test
    void repeatedChildrenAreArraysSingleOnesMembersAndAttributesAreMarked() throws IOException {
        String xml = """
                <ListOrdersResponse xmlns="https://mws.amazonservices.com/Orders/2013-09-01">
                  <ListOrdersResult>
                    <Orders>
                      <Order><AmazonOrderId>1</AmazonOrderId></Order>
                      <Order><AmazonOrderId>2</AmazonOrderId><OrderTotal><Amount>9.99</Amount></OrderTotal></Order>
                    </Orders>
                    <Single><Order><AmazonOrderId>3</AmazonOrderId></Order></Single>
                    <Empty/>
                  </ListOrdersResult>
                  <Money currency="USD">1.00</Money>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </ListOrdersResponse>""";

        assertThat(json(xml)).isEqualTo("{\"ListOrdersResponse\":{\"ListOrdersResult\":{\"Orders\":{\"Order\":["
                + "{\"AmazonOrderId\":\"1\"},{\"AmazonOrderId\":\"2\",\"OrderTotal\":{\"Amount\":\"9.99\"}}]},"
                + "\"Single\":{\"Order\":{\"AmazonOrderId\":\"3\"}},\"Empty\":\"\"},"
                + "\"Money\":{\"@currency\":\"USD\",\"#text\":\"1.00\"},"
                + "\"ResponseMetadata\":{\"RequestId\":\"r-1\"}}}");
    }

    @Test
    void hostileOrBrokenXmlIsRefusedWithTheReason() {
        assertThatThrownBy(() -> json("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("The answer is not well-formed XML");
        assertThatThrownBy(() -> json("<a><b></a>")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("The answer is not well-formed XML");
    }
}
