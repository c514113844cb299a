package io.sluice.core.server;

/** The private server could not be started; the message is one sentence a user can act on. */
public final class ServerUnavailableException extends RuntimeException {
    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
