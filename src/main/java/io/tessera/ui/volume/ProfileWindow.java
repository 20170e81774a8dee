package io.tessera.ui.volume;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window with the profile chart: the DSM's elevation (m) against the distance along the
 * line (m), with the volume's base along it when one is shown. One window, reused for each line.
 */
final class ProfileWindow {
  private final Stage stage = new Stage();
  private final NumberAxis x = new NumberAxis();
  private final NumberAxis y = new NumberAxis();
  private final LineChart<Number, Number> chart = new LineChart<>(x, y);
  private final Label summary = new Label();

  ProfileWindow(Window owner, String stylesheet) {
    stage.initOwner(owner);
    stage.setTitle("Profile");
    x.setLabel("Distance from A (m)");
    y.setLabel("Elevation (m)");
    y.setForceZeroInRange(false);
    chart.setId("volumeProfileChart");
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    summary.setId("volumeProfileSummary");
    summary.setPadding(new Insets(6, 10, 6, 10));
    BorderPane root = new BorderPane(chart);
    root.setBottom(summary);
    Scene scene = new Scene(root, 620, 340);
    if (stylesheet != null) {
      scene.getStylesheets().add(stylesheet);
    }
    stage.setScene(scene);
  }

  /** Shows {@code p} (and the window, when hidden). */
  void show(Profile p) {
    XYChart.Series<Number, Number> dsm = new XYChart.Series<>();
    dsm.setName("DSM");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.distance().length; i++) {
      if (!Double.isNaN(p.dsm()[i])) {
        dsm.getData().add(new XYChart.Data<>(p.distance()[i], p.dsm()[i]));
        min = Math.min(min, p.dsm()[i]);
        max = Math.max(max, p.dsm()[i]);
      }
    }
    chart.getData().setAll(java.util.List.of(dsm));
    if (p.base() != null) {
      XYChart.Series<Number, Number> base = new XYChart.Series<>();
      base.setName("Volume base");
      for (int i = 0; i < p.distance().length; i++) {
        base.getData().add(new XYChart.Data<>(p.distance()[i], p.base()[i]));
      }
      chart.getData().add(base);
    }
    summary.setText(dsm.getData().isEmpty()
        ? "The DSM has no data along this line."
        : "A → B " + VolumeFormat.of(p.lengthMetres(), "m") + "; DSM from "
            + VolumeFormat.of(min, "m") + " to " + VolumeFormat.of(max, "m")
            + (dsm.getData().size() < p.distance().length ? "; gaps where it has no data" : ""));
    stage.show();
    stage.toFront();
  }

  LineChart<Number, Number> chart() {
    return chart;
  }

  Stage stage() {
    return stage;
  }
}
