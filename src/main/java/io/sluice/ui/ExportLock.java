package io.sluice.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Locks panels while an export runs (the running export's request is fixed, but changing the
 * connection or the source under it confuses): a translucent veil over each one takes the mouse,
 * Tab skips them, and a key that still reaches one goes to the window instead, so Esc and the
 * shortcuts keep working.
 *
 * <p>Why not {@code setDisable}: the theme shows a disabled control with an opacity below 1, and
 * JavaFX draws each such node into an image of its own and blends it in. A locked panel has dozens
 * of them, nested (the schema table, each check box and choice box in it), so disabling the panels
 * made the FX thread restyle hundreds of nodes at Start and the software renderer of a machine
 * without a GPU redraw those images while the export competed for the same two cores: the FX
 * thread's longest stall on a first export was twice as long (docs/benchmarks.md, ninth pass). The
 * veil is one filled rectangle, blended directly, and nothing under it changes style (whether a
 * node takes Tab is not a style).
 */
final class ExportLock {
    static final String VEIL_CLASS = "export-veil";

    private final Scene scene;
    private final ObservableBooleanValue running;
    private final List<Parent> panels = new ArrayList<>();
    /** The nodes Tab reached in the locked panels, given back when the export ends. */
    private final List<Node> skippedByTab = new ArrayList<>();

    /** Locks the panels given to {@link #around} while {@code running} is true. */
    ExportLock(Scene scene, ObservableBooleanValue running) {
        this.scene = scene;
        this.running = running;
        running.addListener((o, was, now) -> {
            if (now) {
                lock();
            } else {
                unlock();
            }
        });
        // focus given to a locked node by code (a dialog closing, a shortcut) goes back where it was
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (running.get() && isLocked(now)) {
                Platform.runLater(() -> {
                    if (was != null && !isLocked(was)) {
                        was.requestFocus();
                    }
                    if (isLocked(scene.getFocusOwner())) {
                        scene.getRoot().requestFocus();
                    }
                });
            }
        });
    }

    /** {@code panel} in a stack with its veil, shown while an export runs. */
    StackPane around(Parent panel) {
        panels.add(panel);
        Rectangle veil = new Rectangle();
        veil.getStyleClass().add(VEIL_CLASS);
        veil.setManaged(false); // covers the panel (which fills the stack) without taking part in its layout
        veil.widthProperty().bind(Bindings.createDoubleBinding(() -> panel.getLayoutBounds().getWidth(), panel.layoutBoundsProperty()));
        veil.heightProperty().bind(Bindings.createDoubleBinding(() -> panel.getLayoutBounds().getHeight(), panel.layoutBoundsProperty()));
        veil.visibleProperty().bind(running);
        StackPane stack = new StackPane(panel, veil);
        // a key typed before the focus moved out (a queued key, auto-repeat) goes to the window instead
        stack.addEventFilter(KeyEvent.ANY, e -> {
            if (running.get()) {
                e.consume();
                Node root = scene.getRoot();
                root.requestFocus();
                root.fireEvent(e.copyFor(root, root));
            }
        });
        return stack;
    }

    private void lock() {
        for (Parent panel : panels) {
            skipByTab(panel);
        }
        if (isLocked(scene.getFocusOwner())) {
            scene.getRoot().requestFocus(); // keys still reach the window's shortcuts (Esc cancels)
        }
    }

    private void skipByTab(Node node) {
        if (node.isFocusTraversable() && !node.focusTraversableProperty().isBound()) {
            node.setFocusTraversable(false);
            skippedByTab.add(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                skipByTab(child);
            }
        }
    }

    private void unlock() {
        for (Node node : skippedByTab) {
            node.setFocusTraversable(true);
        }
        skippedByTab.clear();
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
