package io.sluice.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One private MariaDB for the whole test run (one JVM): started by the first test that asks for
 * it, stopped when JUnit closes the root store at the end, pass or fail.
 */
public final class MariaDbExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MariaDbExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return shared(e);
    }

    public static TestDb shared(ExtensionContext e) {
        return e.getRoot().getStore(NS).getOrComputeIfAbsent("db", k -> new Resource(), Resource.class).db;
    }

    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        final TestDb db;

        Resource() {
            try {
                db = TestDb.start(Path.of("target", "mariadb-" + ProcessHandle.current().pid()));
            } catch (Exception e) {
                throw new IllegalStateException("the private MariaDB did not start", e);
            }
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
