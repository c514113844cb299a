package io.sluice.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags columns whose name suggests personal data, so analysts think before they export them. */
public final class PiiDetector {
    private record Rule(Pattern name, String kind) {}

    private static final List<Rule> RULES = List.of(
            rule("e[-_]?mail", "email"),
            rule("phone|mobile|cell|fax|tel(ephone)?$", "phone"),
            rule("(^|_)(first|last|middle|full|given|family|sur|maiden)[-_]?name|^name$|customer[-_]?name|person", "name"),
            rule("address|street|city|zip|postal|post[-_]?code", "address"),
            rule("birth|dob$|^dob|born", "birth date"),
            rule("ssn|social[-_]?security|national[-_]?id|passport|tax[-_]?id|nin$|id[-_]?card|driver", "national id"),
            rule("iban|card[-_]?number|credit[-_]?card|cc[-_]?num|account[-_]?number", "financial"),
            rule("ip[-_]?addr|^ip$|user[-_]?agent", "device"));

    private PiiDetector() {}

    private static Rule rule(String regex, String kind) {
        return new Rule(Pattern.compile(regex), kind);
    }

    /** What kind of personal data the column name suggests, if any. */
    public static Optional<String> kindOf(String columnName) {
        String n = columnName.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.name.matcher(n).find()) {
                return Optional.of(r.kind);
            }
        }
        return Optional.empty();
    }
}
