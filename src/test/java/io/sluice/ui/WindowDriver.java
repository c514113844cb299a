package io.sluice.ui;

import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.TableInfo;
import io.sluice.testing.TestDb;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does with the window, for the TestFX tests. */
final class WindowDriver {
    private final FxRobot robot;
    private final MainWindow window;

    WindowDriver(FxRobot robot, MainWindow window) {
        this.robot = robot;
        this.window = window;
    }

    void connect(TestDb db, String password) {
        connect("mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/", password);
    }

    void connect(String dsn, String password) {
        robot.clickOn("#dsnField");
        robot.interact(() -> window.connection().dsnProperty().set(dsn));
        robot.interact(() -> window.connection().tlsModeProperty().set(TlsMode.DISABLED));
        robot.clickOn("#passwordField");
        robot.interact(() -> window.connection().passwordProperty().set(password)); // unicode is typed via the model
        robot.clickOn("#passwordField").type(KeyCode.ENTER); // Enter in the password field tests the connection
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void selectTable(String database, String table) throws Exception {
        waitFor(() -> !window.schema().databases().isEmpty());
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#tree").queryAs(TreeView.class);
        robot.interact(() -> {
            for (TreeItem<Object> db : tree.getRoot().getChildren()) {
                for (TreeItem<Object> t : db.getChildren()) {
                    if (t.getValue() instanceof TableInfo ti && ti.database().equals(database) && ti.name().equals(table)) {
                        tree.getSelectionModel().select(t);
                        tree.scrollTo(tree.getRow(t));
                    }
                }
            }
        });
        waitFor(() -> selectedIs(database, table) && !window.schema().columns().isEmpty());
    }

    private boolean selectedIs(String database, String table) {
        TableInfo t = window.schema().selectedTableProperty().get();
        return t != null && t.database().equals(database) && t.name().equals(table);
    }
}
