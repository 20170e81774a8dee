package io.tessera.ui.map;

import io.tessera.core.geo.ScaleLengths;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** A scale bar in metres: a round length (1, 2 or 5 × 10^n) and its label. */
final class ScaleBar extends Region {
  private static final double PAD = 4;
  private final Polyline bar = new Polyline();
  private final Text label = new Text();

  ScaleBar() {
    getStyleClass().add("scale-bar");
    setBackground(new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.75), new CornerRadii(3), Insets.EMPTY)));
    bar.setStroke(Color.rgb(40, 40, 40));
    bar.setStrokeWidth(2);
    label.setFont(Font.font(11));
    label.setFill(Color.rgb(40, 40, 40));
    getChildren().addAll(bar, label);
  }

  /**
   * Shows the longest round length that fits in {@code maxPixels}, given that {@code maxPixels}
   * span {@code meters} on the ground.
   */
  void show(double meters, double maxPixels) {
    if (!(meters > 0) || Double.isInfinite(meters)) {
      setVisible(false);
      return;
    }
    setVisible(true);
    double nice = ScaleLengths.niceLengthMeters(meters);
    double pixels = Math.round(maxPixels * nice / meters);
    label.setText(ScaleLengths.format(nice));
    double labelHeight = label.getLayoutBounds().getHeight();
    double barY = PAD + labelHeight + 5;
    bar.getPoints().setAll(PAD + 1, barY - 4, PAD + 1, barY, PAD + 1 + pixels, barY, PAD + 1 + pixels, barY - 4);
    label.relocate(PAD + 4, PAD);
    requestLayout();
  }

  /** The label's text, such as {@code "500 km"}. */
  String text() {
    return label.getText();
  }

  @Override
  protected double computePrefWidth(double height) {
    return Math.max(bar.getLayoutBounds().getMaxX(), label.getLayoutBounds().getWidth() + PAD) + PAD + 2;
  }

  @Override
  protected double computePrefHeight(double width) {
    return bar.getLayoutBounds().getMaxY() + PAD;
  }

  @Override
  protected void layoutChildren() {
    // Children are placed by show().
  }
}
