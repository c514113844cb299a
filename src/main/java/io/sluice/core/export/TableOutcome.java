package io.sluice.core.export;

import io.sluice.core.schema.Source;
import java.nio.file.Path;

/**
 * How one table of a multi-table export ended.
 *
 * @param summary what was written, when {@link State#DONE}
 * @param sentence why not, otherwise
 */
public record TableOutcome(Source source, Path target, State state, ExportSummary summary, String sentence) {
    public enum State { DONE, FAILED, CANCELLED, SKIPPED }

    public boolean done() {
        return state == State.DONE;
    }
}
