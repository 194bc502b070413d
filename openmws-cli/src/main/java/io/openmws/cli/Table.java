package io.openmws.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of text under named columns: what a command has to show, before {@link Output} renders it as an
 * aligned table, JSON or CSV. Each column has a key (JSON member, CSV header: {@code sellerId}) and a title
 * for people ({@code SELLER ID}).
 *
 * <pre>{@code
 * Table t = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("daysLeft", "DAYS LEFT"));
 * t.row("A2986ZQ066CH2F", "312");
 * output.print(t);
 * }</pre>
 */
public final class Table {

    /**
     * A column.
     *
     * @param key the JSON member and CSV header
     * @param title the table header
     */
    public record Column(String key, String title) {
        /** Checks both are given. */
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A column. */
    public static Column column(String key, String title) {
        return new Column(key, title);
    }

    /** An empty table of these columns. */
    public static Table of(Column... columns) {
        return new Table(Arrays.asList(columns));
    }

    /**
     * Adds a row; a {@code null} value is shown empty (JSON {@code null}).
     *
     * @param values one per column, in column order
     * @return this table
     */
    public Table row(String... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("A row of " + columns.size() + " columns got " + values.length + " values");
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(values.clone())));
        return this;
    }

    /** The columns. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows, in the order added. */
    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }
}
