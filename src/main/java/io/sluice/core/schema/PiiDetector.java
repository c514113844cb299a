package io.sluice.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags columns that hold personal data, so analysts think before they export them: by the
 * column's name, and by what a sample of its values looks like (a column called {@code contact}
 * full of e-mail addresses).
 */
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

    private record ValueRule(Pattern value, String kind) {}

    private static final List<ValueRule> VALUE_RULES = List.of(
            new ValueRule(Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"), "email"),
            new ValueRule(Pattern.compile("^[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}$"), "financial"),
            new ValueRule(Pattern.compile("^(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$"), "device"),
            // a phone has a + or separators and 7+ digits; ISO dates and bare numbers (ids) do not count
            new ValueRule(Pattern.compile("^(?!\\d{4}-\\d{2}-\\d{2}$)(?!\\d+$)(?=(?:\\D*\\d){7})[+(]?[0-9][0-9 ()./-]{5,18}[0-9]$"),
                    "phone"));
    private static final Pattern CARD = Pattern.compile("^[0-9](?:[ -]?[0-9]){12,18}$");
    /** At least this share of the non-blank sampled values must look alike. */
    private static final double SHARE = 0.6;
    private static final int MIN_VALUES = 3;

    private PiiDetector() {}

    /** What kind of personal data most of these sampled values are, if any. */
    public static Optional<String> kindOfValues(List<String> values) {
        List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (present.size() < MIN_VALUES) {
            return Optional.empty();
        }
        long cards = present.stream().filter(v -> CARD.matcher(v).matches() && luhn(v)).count();
        if (cards >= SHARE * present.size()) {
            return Optional.of("financial");
        }
        for (ValueRule r : VALUE_RULES) {
            long n = present.stream().filter(v -> r.value.matcher(v).matches()).count();
            if (n >= SHARE * present.size()) {
                return Optional.of(r.kind);
            }
        }
        return Optional.empty();
    }

    private static boolean luhn(String number) {
        String digits = number.replaceAll("[ -]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

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
