package io.sluice.core.error;

/**
 * The connection itself could not be opened (the server unreachable, the password refused, TLS
 * refused): another export on the same connection settings would most likely fail the same way.
 */
public final class NotConnectedException extends SluiceException {
    public NotConnectedException(SluiceException why) {
        super(why.getMessage(), why);
    }
}
