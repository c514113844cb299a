package io.sluice.ui;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Locks panels while an export runs (the running export's request is fixed, but changing the
 * connection or the source under it confuses): a translucent veil over each one takes the mouse,
 * and keyboard focus is kept out of them.
 *
 * <p>Why not {@code setDisable}: the theme shows a disabled control with an opacity below 1, and
 * JavaFX draws each such node into an image of its own and blends it in. A locked panel has dozens
 * of them, nested (the schema table, each check box and choice box in it), so disabling the panels
 * made the FX thread restyle hundreds of nodes at Start and the software renderer of a machine
 * without a GPU redraw those images while the export competed for the same two cores: the FX
 * thread stalled 130–160 ms, and the window's export took about 0.7 s longer (docs/benchmarks.md).
 * The veil is one filled rectangle, blended directly, and nothing under it changes style.
 */
final class ExportLock {
    static final String VEIL_CLASS = "export-veil";

    private final ObservableBooleanValue running;

    /** Locks the panels given to {@link #around} while {@code running} is true. */
    ExportLock(Scene scene, ObservableBooleanValue running) {
        this.running = running;
        // a panel under the veil gives focus back: Tab cannot walk into it, and a key typed there is lost
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (running.get() && isLocked(now) && !isLocked(was)) {
                Platform.runLater(() -> (was != null ? was : scene.getRoot()).requestFocus());
            }
        });
        running.addListener((o, was, now) -> {
            if (now && isLocked(scene.getFocusOwner())) {
                scene.getRoot().requestFocus(); // keys still reach the window's shortcuts (Esc cancels)
            }
        });
    }

    /** {@code panel} in a stack with its veil, shown while an export runs. */
    StackPane around(Parent panel) {
        Rectangle veil = new Rectangle();
        veil.getStyleClass().add(VEIL_CLASS);
        veil.setManaged(false); // covers the panel without taking part in its layout
        veil.widthProperty().bind(Bindings.createDoubleBinding(() -> panel.getLayoutBounds().getWidth(), panel.layoutBoundsProperty()));
        veil.heightProperty().bind(Bindings.createDoubleBinding(() -> panel.getLayoutBounds().getHeight(), panel.layoutBoundsProperty()));
        veil.visibleProperty().bind(running);
        return new StackPane(panel, veil); // the veil is unmanaged: the stack sizes as the panel alone did
    }

    /** Whether {@code node} is in a panel under a shown veil. */
    static boolean isLocked(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getParent() instanceof StackPane s && s.getChildren().size() == 2 && s.getChildren().get(0) == n
                    && s.getChildren().get(1).getStyleClass().contains(VEIL_CLASS) && s.getChildren().get(1).isVisible()) {
                return true;
            }
        }
        return false;
    }
}
