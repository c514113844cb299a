package io.sluice.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * Sluice's log, configured in code: appended to, never truncated (a CLI run must not wipe the
 * window's log), cut at 5 MB into sluice.log.1..3. Each event is one write to a file opened for
 * appending, so two processes writing at once interleave whole lines. It goes to the system
 * property {@code sluice.log.file}, which the launchers set to ~/.sluice/sluice.log (or $SLUICE_HOME).
 *
 * <p>Why code and not logback.xml: parsing the XML (Joran) loaded some 700 classes and cost about
 * 0.3 s of every start, a sixth of a small export (docs/benchmarks.md). Logback finds this class
 * through {@code META-INF/services} before it looks for any XML.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String file = System.getProperty("sluice.log.file",
                Path.of(System.getProperty("user.home"), ".sluice", "sluice.log").toString());
        // logback's own trouble (an unwritable folder …) must not reach the user's terminal
        context.getStatusManager().add(new NopStatusListener());

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file);
        appender.setAppend(true);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(maxFileSize());
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} pid " + System.getProperty("sluice.pid", "?")
                + " [%thread] %-5level %logger{36} - %msg%n"); // the pid tells processes apart in one log
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("sluice.log.level", "INFO"), Level.DEBUG)); // logback's own fallback
        root.addAppender(appender);
        context.getLogger("org.apache.arrow").setLevel(Level.WARN);
        context.getLogger("org.apache.parquet").setLevel(Level.WARN);
        context.getLogger("org.apache.hadoop").setLevel(Level.ERROR);
        context.getLogger("ch.vorburger").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code sluice.log.maxSize} (tests make it small); a value logback cannot read means the default. */
    private static FileSize maxFileSize() {
        try {
            return FileSize.valueOf(System.getProperty("sluice.log.maxSize", "5MB"));
        } catch (IllegalArgumentException e) {
            return FileSize.valueOf("5MB");
        }
    }
}
