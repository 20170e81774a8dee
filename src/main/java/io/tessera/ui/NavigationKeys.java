package io.tessera.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard habits every pane shares (UX.md, Navigation): arrows pan, {@code +}/{@code -}
 * zoom a step, {@code 0} fits, {@code 1} shows 1:1 where a pane has it. Zoom keys are read as
 * typed characters rather than key codes, so that they work on every keyboard layout; shortcut
 * and Alt combinations are left to the menus.
 */
public final class NavigationKeys {
  private NavigationKeys() {}

  /** What a pane does for each key. */
  public interface Target {
    /** Moves the content by screen pixels (positive: content moves right / down). */
    void panBy(double dxPixels, double dyPixels);

    /** How far one left/right arrow press moves the content, in screen pixels. */
    double panStepXPixels();

    /** How far one up/down arrow press moves the content; by default as far as left/right. */
    default double panStepYPixels() {
      return panStepXPixels();
    }

    void zoomStep(boolean in);

    void fit();

    /** Shows the content at 1:1; false where a pane has no such scale (it ignores the key). */
    default boolean oneToOne() {
      return false;
    }
  }

  /** Handles the keys on {@code node} for {@code target}, consuming the ones it uses. */
  public static void install(Node node, Target target) {
    node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (!e.isShortcutDown() && !e.isAltDown() && pressed(e, target)) {
        e.consume();
      }
    });
    node.addEventHandler(KeyEvent.KEY_TYPED, e -> {
      if (!e.isShortcutDown() && !e.isAltDown() && typed(e.getCharacter(), target)) {
        e.consume();
      }
    });
  }

  private static boolean pressed(KeyEvent e, Target t) {
    switch (e.getCode()) {
      case LEFT -> t.panBy(t.panStepXPixels(), 0);
      case RIGHT -> t.panBy(-t.panStepXPixels(), 0);
      case UP -> t.panBy(0, t.panStepYPixels());
      case DOWN -> t.panBy(0, -t.panStepYPixels());
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean typed(String character, Target t) {
    switch (character) {
      case "+", "=" -> t.zoomStep(true);
      case "-" -> t.zoomStep(false);
      case "0" -> t.fit();
      case "1" -> {
        return t.oneToOne();
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
