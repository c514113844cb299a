package io.sluice.core.error;

/**
 * A failure whose message is one plain sentence for the user, built by Sluice (never a driver's
 * text with a stack of causes, never a secret). The cause keeps the detail for the log.
 */
public class SluiceException extends RuntimeException {
    public SluiceException(String userMessage) {
        super(userMessage);
    }

    public SluiceException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
