package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A generator run as the engine runs it: inside a read-only transaction (so PostgreSQL streams through a
 * cursor), into a {@link ReportOutput} in the charset of the job's marketplaces, over bytes the test then
 * reads back as tab-separated lines. Checks what holds for every flat file: a final line break, as many
 * values on each line as the header has names, and as many data lines as the generator counted.
 */
final class ReportRun {

    /**
     * What a report holds.
     *
     * @param lines the text of each line after the header
     * @param rows  the values of each line after the header
     */
    record Table(long counted, List<String> header, List<String> lines, List<List<String>> rows) {

        /** The data row {@code index} (0-based) by column name. */
        Map<String, String> named(int index) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), rows.get(index).get(i));
            }
            return named;
        }

        List<Map<String, String>> named() {
            List<Map<String, String>> all = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                all.add(named(i));
            }
            return all;
        }

        /** The values of one column, row by row. */
        List<String> column(String name) {
            int i = header.indexOf(name);
            assertThat(i).as("column %s in %s", name, header).isNotNegative();
            return rows.stream().map(r -> r.get(i)).toList();
        }

        /** The header as it is written: the names joined by tabs. */
        String headerLine() {
            return String.join("\t", header);
        }
    }

    private ReportRun() {}

    static Table run(PlatformTransactionManager transactions, ReportGenerator generator, ReportJob job) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportOutput out = new ReportOutput(bytes, ReportOutput.charsetFor(job.marketplaceIds()));
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        Long counted = readOnly.execute(s -> {
            try {
                return generator.generate(job, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String text = bytes.toString(out.charset());
        assertThat(text).endsWith("\n");
        List<String> all = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        List<String> header = List.of(all.get(0).split("\t", -1));
        List<String> lines = all.subList(1, all.size());
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> values = Arrays.asList(line.split("\t", -1));
            assertThat(values).as(line).hasSameSizeAs(header);
            rows.add(values);
        }
        assertThat(rows).hasSize(counted.intValue());
        return new Table(counted, header, lines, rows);
    }
}
