package io.sluice.ui.settings;

import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent-connections file. It holds DSNs (always the redacted form), TLS settings and the last
 * table: a password is never written, so there is nothing secret in it to protect.
 */
public final class RecentConnections {
    private static final Logger log = LoggerFactory.getLogger(RecentConnections.class);
    private static final int MAX = 10;
    private final Path file;

    public RecentConnections(Path file) {
        this.file = file;
    }

    public List<RecentConnection> load() {
        List<RecentConnection> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            log.warn("cannot read {}", file, e);
            return out;
        }
        for (int i = 0; i < MAX && p.getProperty(i + ".dsn") != null; i++) {
            try {
                out.add(new RecentConnection(Dsn.parse(p.getProperty(i + ".dsn")).redacted(),
                        TlsMode.parse(p.getProperty(i + ".tls", "preferred")), p.getProperty(i + ".ca", ""),
                        p.getProperty(i + ".database", ""), p.getProperty(i + ".table", "")));
            } catch (IllegalArgumentException e) {
                log.warn("skipping a broken entry in {}", file);
            }
        }
        return out;
    }

    /** Puts {@code c} first (replacing an entry for the same DSN) and saves. */
    public List<RecentConnection> remember(RecentConnection c) {
        List<RecentConnection> all = load();
        String dsn = Dsn.parse(c.dsn()).redacted();
        all.removeIf(r -> r.dsn().equals(dsn));
        all.add(0, new RecentConnection(dsn, c.tlsMode(), c.caFile(), c.database(), c.table()));
        while (all.size() > MAX) {
            all.remove(all.size() - 1);
        }
        save(all);
        return all;
    }

    private void save(List<RecentConnection> all) {
        Properties p = new Properties();
        for (int i = 0; i < all.size(); i++) {
            RecentConnection r = all.get(i);
            p.setProperty(i + ".dsn", r.dsn());
            p.setProperty(i + ".tls", r.tlsMode().cliName());
            p.setProperty(i + ".ca", r.caFile());
            p.setProperty(i + ".database", r.database());
            p.setProperty(i + ".table", r.table());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Sluice recent connections (no passwords are ever stored)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot save {}", file, e);
        }
    }
}
