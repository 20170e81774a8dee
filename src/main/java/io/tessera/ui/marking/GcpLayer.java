package io.tessera.ui.marking;

import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The project's GCPs on the map: triangles, checkpoints circles, each with its name; red while
 * marked on fewer than two photos, the selected one larger with a halo. Coordinates go from the
 * project's CRS to WGS 84 with {@code core.crs}. A click on a symbol selects its GCP.
 */
public final class GcpLayer extends MapLayer {
  static final Color GCP = Color.web("#1f6fd1");
  static final Color CHECKPOINT = Color.web("#c2188f");
  static final Color UNDERMARKED = Color.web("#d32f2f");
  private static final double SIZE = 9;
  private static final double HIT = 12;
  private static final Font LABEL = Font.font(null, FontWeight.BOLD, 11.5);

  private final MarkingViewModel vm;
  private final Canvas canvas = new Canvas();
  private final List<Placed> placed = new ArrayList<>();

  /** A GCP where it is on the globe. */
  record Placed(MarkingViewModel.GcpRow row, LonLat at) {}

  public GcpLayer(MarkingViewModel vm) {
    this.vm = vm;
    getStyleClass().add("gcp-layer");
    canvas.setMouseTransparent(true);
    canvas.setManaged(false);
    getChildren().add(canvas);
    vm.gcps().addListener((InvalidationListener) o -> rebuild());
    vm.selectedGcpProperty().addListener(o -> markDirty());
    rebuild();
  }

  /** The GCPs placed on the globe (for tests: what is drawn). */
  List<Placed> placed() {
    return List.copyOf(placed);
  }

  private void rebuild() {
    placed.clear();
    ProjectDto p = vm.projectProperty().get();
    if (p != null && p.coordinateSystem() != null && !p.coordinateSystem().isBlank()) {
      try {
        CrsTransform t = Crs.parse(p.coordinateSystem()).transformTo(Crs.parse("EPSG:4326"));
        for (MarkingViewModel.GcpRow r : vm.gcps()) {
          if (r.gcp().x() != null && r.gcp().y() != null) {
            Position g = t.apply(new Position(r.gcp().x(), r.gcp().y(), Double.NaN));
            placed.add(new Placed(r, new LonLat(g.x(), g.y())));
          }
        }
      } catch (CrsException | IllegalArgumentException e) {
        // a CRS the service accepted but that cannot reach WGS 84 here: nothing to place
        placed.clear();
      }
    }
    markDirty();
  }

  /** The GCP whose symbol is under view point (x, y), or null. */
  MarkingViewModel.GcpRow gcpAt(double x, double y) {
    Placed best = null;
    double bestD = HIT;
    for (Placed p : placed) {
      Point2D s = getMapPoint(p.at());
      double d = s == null ? Double.MAX_VALUE : s.distance(x, y);
      if (d <= bestD) {
        best = p;
        bestD = d;
      }
    }
    return best == null ? null : best.row();
  }

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 1) {
      return false;
    }
    MarkingViewModel.GcpRow r = gcpAt(e.getX(), e.getY());
    if (r == null) {
      return false;
    }
    vm.selectedGcpProperty().set(r);
    return true;
  }

  @Override
  protected void layoutLayer() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    MarkingViewModel.GcpRow selected = vm.selectedGcpProperty().get();
    g.setFont(LABEL);
    for (Placed p : placed) {
      Point2D s = getMapPoint(p.at());
      if (s == null) {
        continue;
      }
      boolean isSelected = selected != null && selected.name().equals(p.row().name());
      Color fill = p.row().marks() < 2 ? UNDERMARKED
          : p.row().isCheckpoint() ? CHECKPOINT : GCP;
      double r = isSelected ? SIZE * 1.4 : SIZE;
      if (isSelected) {
        g.setFill(Color.color(1, 0.85, 0.1, 0.55));
        g.fillOval(s.getX() - r - 5, s.getY() - r - 5, 2 * r + 10, 2 * r + 10);
      }
      g.setFill(fill);
      g.setStroke(Color.WHITE);
      g.setLineWidth(1.8);
      if (p.row().isCheckpoint()) {
        g.fillOval(s.getX() - r * 0.8, s.getY() - r * 0.8, r * 1.6, r * 1.6);
        g.strokeOval(s.getX() - r * 0.8, s.getY() - r * 0.8, r * 1.6, r * 1.6);
      } else {
        double[] xs = {s.getX(), s.getX() + r, s.getX() - r};
        double[] ys = {s.getY() - r, s.getY() + r * 0.75, s.getY() + r * 0.75};
        g.fillPolygon(xs, ys, 3);
        g.strokePolygon(xs, ys, 3);
      }
      g.setLineWidth(3);
      g.setStroke(Color.color(1, 1, 1, 0.85));
      g.strokeText(p.row().name(), s.getX() + r + 4, s.getY() + 4);
      g.setFill(Color.web("#1d2733"));
      g.fillText(p.row().name(), s.getX() + r + 4, s.getY() + 4);
    }
  }
}
