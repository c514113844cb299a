package io.sluice.core.read;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Renders Arrow values as text for previews and samples, the way the server would show them. */
public final class ValueFormatter {
    private static final int MAX_TEXT = 200;
    private static final int MAX_BYTES = 32;

    private ValueFormatter() {}

    /** Rows {@code from}..{@code to} (exclusive) of a batch, one list of strings (null for NULL) per row. */
    public static List<List<String>> rows(VectorSchemaRoot root, int from, int to) {
        List<List<String>> out = new ArrayList<>(to - from);
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = from; r < to; r++) {
            List<String> row = new ArrayList<>(vectors.size());
            for (FieldVector v : vectors) {
                row.add(format(v, r));
            }
            out.add(row);
        }
        return out;
    }

    public static String format(FieldVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        switch (v.getMinorType()) {
            case UINT8:
                return Long.toUnsignedString(v.getDataBuffer().getLong(row * 8L));
            case UINT1:
            case UINT2:
            case UINT4:
            case TINYINT:
            case SMALLINT:
            case INT:
            case BIGINT:
                return Long.toString(((BaseIntVector) v).getValueAsLong(row));
            case BIT:
                return ((BitVector) v).get(row) != 0 ? "true" : "false";
            case DECIMAL:
                return ((DecimalVector) v).getObject(row).toPlainString();
            case DECIMAL256:
                return ((Decimal256Vector) v).getObject(row).toPlainString();
            case DATEDAY:
                return LocalDate.ofEpochDay(((DateDayVector) v).get(row)).toString();
            case TIMESTAMPMICRO:
                return timestamp(v.getDataBuffer().getLong(row * 8L));
            case TIMESTAMPMICROTZ:
                return timestamp(v.getDataBuffer().getLong(row * 8L)) + " UTC";
            case TIMEMICRO:
                return LocalTime.ofNanoOfDay(v.getDataBuffer().getLong(row * 8L) * 1000).toString();
            case DURATION:
                return duration(v.getDataBuffer().getLong(row * 8L));
            case VARCHAR:
                return text(new String(((BaseVariableWidthVector) v).get(row), StandardCharsets.UTF_8));
            case VARBINARY:
                return hex(((BaseVariableWidthVector) v).get(row));
            case FIXEDSIZEBINARY:
                return hex(((FixedSizeBinaryVector) v).get(row));
            default:
                return String.valueOf(v.getObject(row));
        }
    }

    static String timestamp(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        String s = t.toLocalDate() + " " + t.toLocalTime();
        return t.getSecond() == 0 && t.getNano() == 0 ? s + ":00" : s;
    }

    /**
     * A Duration as the file holds it, in microseconds, with MySQL's TIME form beside it for reading:
     * {@code 1000000 µs (00:00:01)}, {@code -3020399999999 µs (-838:59:59.999999)}.
     */
    static String duration(long micros) {
        long abs = Math.abs(micros);
        long seconds = abs / 1_000_000;
        long frac = abs % 1_000_000;
        String s = String.format(Locale.ROOT, "%s%02d:%02d:%02d", micros < 0 ? "-" : "", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
        return micros + " µs (" + (frac == 0 ? s : s + String.format(Locale.ROOT, ".%06d", frac)) + ")";
    }

    private static String text(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "… (" + s.length() + " chars)";
    }

    private static String hex(byte[] b) {
        if (b.length <= MAX_BYTES) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        return "0x" + HexFormat.of().formatHex(b, 0, MAX_BYTES) + "… (" + b.length + " bytes)";
    }
}
