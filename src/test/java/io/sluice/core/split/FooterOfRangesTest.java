package io.sluice.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.read.GeometryReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The footer of ranges joined into one file, as one stream would have written it. */
class FooterOfRangesTest {
    @Test
    void sridsAreTheSortedUnionAndOtherKeysTheFirstRangesOwn() {
        Map<String, String> footer = SplitExporter.footerOf(List.of(
                Map.of("sluice.source", "db.t", "sluice.srid.g", "4326,3857"),
                Map.of("sluice.source", "db.t", "sluice.srid.g", "0,4326", "sluice.srid.h", "27700")));
        assertEquals(Map.of("sluice.source", "db.t", "sluice.srid.g", "0,3857,4326", "sluice.srid.h", "27700"), footer);
    }

    @Test
    void noMoreSridsThanOneStreamLists() {
        String many = IntStream.range(0, 50).mapToObj(String::valueOf).collect(Collectors.joining(","));
        String more = IntStream.range(40, 100).mapToObj(String::valueOf).collect(Collectors.joining(","));
        String listed = SplitExporter.footerOf(List.of(Map.of("sluice.srid.g", many), Map.of("sluice.srid.g", more))).get("sluice.srid.g");
        assertEquals(GeometryReader.MAX_TRACKED_SRIDS, listed.split(",").length, listed);
        assertEquals(IntStream.range(0, 64).mapToObj(String::valueOf).collect(Collectors.joining(",")), listed, "the smallest");
    }
}
