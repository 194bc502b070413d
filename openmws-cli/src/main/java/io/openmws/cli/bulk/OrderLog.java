package io.openmws.cli.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.openmws.cli.OwnerOnly;
import io.openmws.sdk.Order;
import io.openmws.sdk.OrderItem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A seller's {@code orders.jsonl}: one JSON object per line for each version of an order the sync saw, with
 * its items, appended. It is a change log: an order that changed again appears again, and the last line with
 * an {@code amazonOrderId} is that order's latest state.
 *
 * <p>Members are the SDK's names ({@code amazonOrderId}, {@code lastUpdateDate}, {@code orderTotal} with
 * {@code currencyCode} and {@code amount}, {@code items} ...); dates are ISO instants in UTC, enumerations the
 * MWS values ({@code Unshipped}), absent values are left out. Written with Jackson's streaming generator, line
 * by line: nothing but the current order is held in memory.
 */
final class OrderLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final FileChannel channel;
    private final OutputStream out;

    private OrderLog(FileChannel channel) {
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    /** Opens the file for appending, creating it owner-only. */
    static OrderLog append(Path file) throws IOException {
        return new OrderLog(FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), OwnerOnly.file()));
    }

    /** Appends one order with its items as one line. */
    void write(Order order, List<OrderItem> items) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            json.writeStartObject();
            writeMembers(json, order);
            json.writeArrayFieldStart("items");
            for (OrderItem item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    /** Writes what was appended through to the disk: after this, a state that points past it may be saved. */
    void flush() throws IOException {
        out.flush();
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private static void writeMembers(JsonGenerator json, Record record) throws IOException {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = read(c, record);
            if (isAbsent(value)) {
                continue;
            }
            json.writeFieldName(c.getName());
            writeValue(json, value);
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof Optional<?> o && o.isEmpty()
                || value instanceof OptionalInt i && i.isEmpty() || value instanceof OptionalLong l && l.isEmpty();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Optional<?> o) {
            writeValue(json, o.orElse(null));
        } else if (value instanceof OptionalInt i) {
            json.writeNumber(i.getAsInt());
        } else if (value instanceof OptionalLong l) {
            json.writeNumber(l.getAsLong());
        } else if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            json.writeNumber(n);
        } else if (value instanceof Instant t) {
            json.writeString(t.toString());
        } else if (value instanceof Enum<?> e) {
            json.writeString(wireValue(e));
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Record r) {
            json.writeStartObject();
            writeMembers(json, r);
            json.writeEndObject();
        } else {
            json.writeString(value.toString());
        }
    }

    /** The SDK's enumerations know their MWS spelling ({@code wireValue()}); fall back to the constant's name. */
    private static String wireValue(Enum<?> e) {
        try {
            Method m = e.getClass().getMethod("wireValue");
            return String.valueOf(m.invoke(e));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ignored) {
            return e.name();
        }
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
