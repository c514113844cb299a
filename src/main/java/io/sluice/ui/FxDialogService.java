package io.sluice.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.HostServices;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's dialogs: JavaFX file choosers, the host's file manager, the system clipboard. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final HostServices host;

    public FxDialogService(Supplier<Window> owner, HostServices host) {
        this.owner = owner;
        this.host = host;
    }

    @Override
    public Optional<Path> openFile(String title, String filterName, String... globs) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, globs));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, Path suggested, String filterName, String glob) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, glob));
        Path dir = suggested.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) {
            chooser.setInitialDirectory(dir.toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public boolean openFolder(Path folder) {
        if (host == null) {
            return false;
        }
        host.showDocument(folder.toUri().toString());
        return true;
    }

    @Override
    public void inform(String title, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, text);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String text, String action) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, text, yes,
                javafx.scene.control.ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
