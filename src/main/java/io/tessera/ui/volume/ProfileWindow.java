package io.tessera.ui.volume;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window with the profile chart: the DSM's elevation (m) against the distance along the
 * line (m), with the volume's base where the line crosses its polygon. One window, reused for each
 * line.
 */
final class ProfileWindow {
  static final String DSM_NAME = "DSM";
  static final String BASE_NAME = "Volume base";
  private static final String DSM_STYLE = "-fx-stroke: #5d4037; -fx-stroke-width: 2px;";
  private static final String BASE_STYLE =
      "-fx-stroke: #2166ac; -fx-stroke-width: 2px; -fx-stroke-dash-array: 7 4;";

  private final Stage stage = new Stage();
  private final NumberAxis x = new NumberAxis();
  private final NumberAxis y = new NumberAxis();
  private final LineChart<Number, Number> chart = new LineChart<>(x, y);
  private final Label summary = new Label();
  private final HBox legendBase;

  ProfileWindow(Window owner, String stylesheet) {
    stage.initOwner(owner);
    stage.setTitle("Elevation Profile");
    x.setLabel("Distance from A (m)");
    y.setLabel("Elevation (m)");
    y.setForceZeroInRange(false);
    chart.setId("volumeProfileChart");
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    summary.setId("volumeProfileSummary");
    summary.setWrapText(true);
    summary.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(summary, Priority.ALWAYS);
    HBox legendDsm = legend(DSM_NAME, Color.web("#5d4037"), false);
    legendBase = legend(BASE_NAME, Color.web("#2166ac"), true);
    HBox bottom = new HBox(14, summary, legendDsm, legendBase);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(4, 12, 8, 12));
    BorderPane root = new BorderPane(chart);
    root.setBottom(bottom);
    Scene scene = new Scene(root, 640, 340);
    if (stylesheet != null) {
      scene.getStylesheets().add(stylesheet);
    }
    stage.setScene(scene);
  }

  private static HBox legend(String text, Color colour, boolean dashed) {
    Line line = new Line(0, 0, 22, 0);
    line.setStroke(colour);
    line.setStrokeWidth(2);
    if (dashed) {
      line.getStrokeDashArray().setAll(7.0, 4.0);
    }
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(6, line, l);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** Shows {@code p} (and the window, when hidden). */
  void show(Profile p) {
    XYChart.Series<Number, Number> dsm = new XYChart.Series<>();
    dsm.setName(DSM_NAME);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.distance().length; i++) {
      if (!Double.isNaN(p.dsm()[i])) {
        dsm.getData().add(new XYChart.Data<>(p.distance()[i], p.dsm()[i]));
        min = Math.min(min, p.dsm()[i]);
        max = Math.max(max, p.dsm()[i]);
      }
    }
    List<XYChart.Series<Number, Number>> all = new ArrayList<>(List.of(dsm));
    // the base where the line is inside the polygon: one series per stretch, no line across gaps
    XYChart.Series<Number, Number> stretch = null;
    for (int i = 0; p.base() != null && i < p.distance().length; i++) {
      if (Double.isNaN(p.base()[i])) {
        stretch = null;
        continue;
      }
      if (stretch == null) {
        stretch = new XYChart.Series<>();
        stretch.setName(BASE_NAME);
        all.add(stretch);
      }
      stretch.getData().add(new XYChart.Data<>(p.distance()[i], p.base()[i]));
    }
    chart.getData().setAll(all);
    for (XYChart.Series<Number, Number> s : all) {
      if (s.getNode() != null) {
        s.getNode().setStyle(s == dsm ? DSM_STYLE : BASE_STYLE);
      }
    }
    legendBase.setVisible(all.size() > 1);
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
