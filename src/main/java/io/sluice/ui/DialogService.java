package io.sluice.ui;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs and desktop services ViewModels need, behind one small interface (tests supply their own). */
public interface DialogService {
    /** Asks for a file to read; empty when the user cancels. */
    Optional<Path> openFile(String title, String filterName, String... globs);

    /** Asks for a folder; empty when the user cancels. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Asks where to save; empty when the user cancels. */
    Optional<Path> saveFile(String title, Path suggested, String filterName, String glob);

    /** Shows the folder in the desktop's file manager; false when there is none to ask. */
    boolean openFolder(Path folder);

    void copyToClipboard(String text);

    /** A short message with an OK button. */
    void inform(String title, String text);

    /** A question with a button for {@code action} and Cancel; true when the user chose the action. */
    boolean confirm(String title, String text, String action);
}
