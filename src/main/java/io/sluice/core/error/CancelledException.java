package io.sluice.core.error;

/** The user cancelled; the target file was left as it was. */
public final class CancelledException extends SluiceException {
    public CancelledException() {
        super("The export was cancelled; the target file was left as it was.");
    }
}
