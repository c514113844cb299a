package io.sluice.core.types;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Short, readable names for Arrow types (Arrow's own toString is verbose). */
public final class ArrowTypes {
    private ArrowTypes() {}

    public static String display(ArrowType t) {
        if (t instanceof ArrowType.Int i) {
            return (i.getIsSigned() ? "Int" : "UInt") + i.getBitWidth();
        }
        if (t instanceof ArrowType.Decimal d) {
            return "Decimal" + d.getBitWidth() + "(" + d.getPrecision() + ", " + d.getScale() + ")";
        }
        if (t instanceof ArrowType.FloatingPoint f) {
            return f.getPrecision() == FloatingPointPrecision.SINGLE ? "Float32" : "Float64";
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return "Timestamp(µs" + (ts.getTimezone() == null ? ")" : ", " + ts.getTimezone() + ")");
        }
        if (t instanceof ArrowType.Date) {
            return "Date32";
        }
        if (t instanceof ArrowType.Time) {
            return "Time64(µs)";
        }
        if (t instanceof ArrowType.Duration) {
            return "Duration(µs)";
        }
        if (t instanceof ArrowType.FixedSizeBinary fb) {
            return "FixedSizeBinary(" + fb.getByteWidth() + ")";
        }
        if (t instanceof ArrowType.Utf8) {
            return "Utf8";
        }
        if (t instanceof ArrowType.Binary) {
            return "Binary";
        }
        if (t instanceof ArrowType.Bool) {
            return "Bool";
        }
        return t.toString();
    }
}
