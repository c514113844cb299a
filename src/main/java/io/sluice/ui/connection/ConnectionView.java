package io.sluice.ui.connection;

import io.sluice.core.connect.TlsMode;
import io.sluice.ui.Fxml;
import io.sluice.ui.settings.RecentConnection;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The connection panel: binds controls to {@link ConnectionViewModel}, nothing else. */
public final class ConnectionView {
    private final ConnectionViewModel vm;
    private final Parent root;

    @FXML private TextField dsnField;
    @FXML private PasswordField passwordField;
    @FXML private ComboBox<TlsMode> tlsBox;
    @FXML private TextField caField;
    @FXML private Button caButton;
    @FXML private Button testButton;
    @FXML private Button demoButton;
    @FXML private MenuButton recentMenu;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;

    public ConnectionView(ConnectionViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(this, "connection/ConnectionView.fxml");
    }

    @FXML
    private void initialize() {
        dsnField.textProperty().bindBidirectional(vm.dsnProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        passwordField.setOnAction(e -> vm.testConnection()); // Enter in the password field tests the connection
        dsnField.setOnAction(e -> vm.testConnection());
        tlsBox.getItems().setAll(TlsMode.values());
        tlsBox.valueProperty().bindBidirectional(vm.tlsModeProperty());
        tlsBox.setTooltip(new Tooltip());
        tlsBox.valueProperty().addListener((o, a, m) -> tlsBox.getTooltip().setText(m == null ? "" : m.description()));
        tlsBox.getTooltip().setText(vm.tlsModeProperty().get().description());
        caField.textProperty().bindBidirectional(vm.caFileProperty());
        caField.disableProperty().bind(vm.tlsModeProperty().isNotEqualTo(TlsMode.VERIFY_CA)
                .and(vm.tlsModeProperty().isNotEqualTo(TlsMode.VERIFY_IDENTITY)));
        caButton.disableProperty().bind(caField.disableProperty());
        testButton.disableProperty().bind(vm.busyProperty());
        demoButton.disableProperty().bind(vm.busyProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, was, isError) -> statusLabel.getStyleClass().setAll(isError ? "status-error" : "status"));
        vm.recent().addListener((ListChangeListener<RecentConnection>) c -> fillRecent());
        fillRecent();
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (RecentConnection r : vm.recent()) {
            MenuItem item = new MenuItem(r.toString());
            item.setOnAction(e -> vm.useRecent(r));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(vm.recent().isEmpty());
    }

    @FXML
    private void test() {
        vm.testConnection();
    }

    @FXML
    private void demo() {
        vm.openDemo();
    }

    @FXML
    private void chooseCa() {
        vm.chooseCa();
    }

    /** The window opens with the password field focused: the DSN is remembered, the password never. */
    public void focusPassword() {
        passwordField.requestFocus();
    }

    public Parent root() {
        return root;
    }
}
