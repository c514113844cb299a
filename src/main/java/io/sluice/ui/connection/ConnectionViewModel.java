package io.sluice.ui.connection;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.Secret;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.server.DemoDatabase;
import io.sluice.core.service.SluiceService;
import io.sluice.ui.DialogService;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.settings.RecentConnection;
import io.sluice.ui.settings.RecentConnections;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The connection panel's state: what to connect to, whether it worked, and the recent list. */
public final class ConnectionViewModel {
    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final RecentConnections recentStore;
    private final WorkbenchSettings settings;
    private final DialogService dialogs;
    private final StringProperty dsn = new SimpleStringProperty("mysql://root@127.0.0.1:3306/");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<TlsMode> tlsMode = new SimpleObjectProperty<>(TlsMode.PREFERRED);
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Enter a DSN and test the connection, or open the demo database.");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<RecentConnection> recent = FXCollections.observableArrayList();
    private DemoDatabase demo;

    public ConnectionViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state, RecentConnections recentStore,
                               WorkbenchSettings settings, DialogService dialogs) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        this.recentStore = recentStore;
        this.settings = settings;
        this.dialogs = dialogs;
        recent.setAll(recentStore.load());
        restore(settings.get());
        state.requestedConnectionProperty().addListener((o, old, c) -> {
            if (c != null) {
                useJobConnection(c);
            }
        });
        // the table an export starts from is remembered with its connection
        state.exportRunningProperty().addListener((o, was, running) -> {
            TableInfo t = state.selectedTableProperty().get();
            if (running && t != null) {
                rememberTable(t.database(), t.name());
            }
        });
    }

    /** Tests the connection in the background; on success it becomes the connection the app uses. */
    public void testConnection() {
        ConnectionSpec spec;
        try {
            spec = toSpec();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            disconnect();
            return;
        }
        busy.set(true);
        status.set("Connecting to " + spec.dsn().host() + ":" + spec.dsn().port() + " …");
        statusIsError.set(false);
        tasks.execute(ctx -> service.serverVersion(spec), Outcome.of(version -> {
            busy.set(false);
            status.set("Connected to " + version + " at " + spec.dsn().host() + ":" + spec.dsn().port() + ".");
            statusIsError.set(false);
            state.connectedProperty().set(spec);
            if (demo == null || !spec.dsn().equals(demo.spec().dsn())) { // the demo's port changes every run
                recent.setAll(recentStore.remember(new RecentConnection(spec.dsn().redacted(), spec.tlsMode(),
                        caFile.get(), spec.dsn().database(), "")));
                String ca = caFile.get().isBlank() ? null : caFile.get(); // read here: the change also runs on the settings thread
                settings.update(d -> {
                    d.dsn = spec.dsn().redacted();
                    d.tlsMode = spec.tlsMode().name();
                    d.caFile = ca;
                });
            }
        }, sentence -> {
            fail(sentence);
            disconnect();
        }));
    }

    /**
     * After a failed connection the tables below were the last server's: not shown, previewed or exported
     * next to a DSN that failed (a running export keeps its own connection and finishes).
     */
    private void disconnect() {
        if (state.connectedProperty().get() != null && !state.exportRunningProperty().get()) {
            state.connectedProperty().set(null);
        }
    }

    /** Starts the private demo MariaDB with the sample shop and connects to it. */
    public void openDemo() {
        if (demo != null) {
            use(demo.spec());
            testConnection();
            return;
        }
        busy.set(true);
        statusIsError.set(false);
        status.set("Starting the demo database (a private MariaDB on this computer) …");
        tasks.execute(ctx -> service.startDemo(), Outcome.of((DemoDatabase d) -> {
            demo = d;
            use(d.spec());
            testConnection();
        }, this::fail));
    }

    /** The last connection that worked, password left for the user to type. */
    private void restore(WorkbenchSettings.Data d) {
        if (d.dsn == null) {
            return;
        }
        dsn.set(d.dsn);
        try {
            tlsMode.set(d.tlsMode == null ? TlsMode.PREFERRED : TlsMode.valueOf(d.tlsMode));
        } catch (IllegalArgumentException unknown) {
            tlsMode.set(TlsMode.PREFERRED);
        }
        caFile.set(d.caFile == null ? "" : d.caFile);
    }

    /** A job's connection: its DSN and TLS settings; the password is the user's to type. */
    private void useJobConnection(io.sluice.core.job.Job.Connection c) {
        dsn.set(c.dsn());
        try {
            tlsMode.set(c.tlsMode() == null ? TlsMode.PREFERRED : TlsMode.parse(c.tlsMode()));
        } catch (IllegalArgumentException unknown) {
            tlsMode.set(TlsMode.PREFERRED);
        }
        caFile.set(c.caFile() == null ? "" : c.caFile());
        password.set("");
        status.set("Type the password and connect: the job runs then.");
        statusIsError.set(false);
    }

    /** Asks for the CA certificate file. */
    public void chooseCa() {
        dialogs.openFile("CA certificate", "Certificates", "*.pem", "*.crt", "*.p12")
                .ifPresent(p -> caFile.set(p.toAbsolutePath().toString()));
    }

    public void useRecent(RecentConnection r) {
        dsn.set(r.dsn());
        tlsMode.set(r.tlsMode());
        caFile.set(r.caFile());
        password.set("");
    }

    /** Remembers the table last exported from the current connection (never the password). */
    public void rememberTable(String database, String table) {
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec != null && (demo == null || !spec.dsn().equals(demo.spec().dsn()))) {
            recent.setAll(recentStore.remember(new RecentConnection(spec.dsn().redacted(), spec.tlsMode(), caFile.get(),
                    database, table)));
        }
    }

    private void use(ConnectionSpec spec) {
        dsn.set(spec.dsn().redacted());
        password.set("");
        tlsMode.set(spec.tlsMode());
        caFile.set("");
    }

    private void fail(String sentence) {
        busy.set(false);
        status.set(sentence);
        statusIsError.set(true);
    }

    /** A password typed into the DSN moves to the password field; the DSN shown is always redacted. */
    ConnectionSpec toSpec() {
        String text = dsn.get();
        Optional<Secret> inDsn = Dsn.embeddedPassword(text);
        Dsn parsed = Dsn.parse(text);
        if (inDsn.isPresent()) {
            password.set(new String(inDsn.get().reveal()));
            dsn.set(parsed.redacted());
        }
        return ConnectionSpec.builder(parsed).password(Secret.of(password.get().toCharArray())).tlsMode(tlsMode.get())
                .caFile(caFile.get().isBlank() ? null : Path.of(caFile.get())).build();
    }

    public void shutdown() {
        if (demo != null) {
            demo.close();
        }
    }

    public StringProperty dsnProperty() {
        return dsn;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<TlsMode> tlsModeProperty() {
        return tlsMode;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<ConnectionSpec> connectedProperty() {
        return state.connectedProperty();
    }

    public ObservableList<RecentConnection> recent() {
        return recent;
    }
}
