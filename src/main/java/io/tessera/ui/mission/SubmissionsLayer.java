package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import io.tessera.ui.map.MapLayer;
import io.tessera.ui.map.MapView;
import io.tessera.ui.mission.SubmissionIndex.Entry;
import io.tessera.ui.mission.SubmissionIndex.Frame;
import io.tessera.ui.mission.SubmissionIndex.Mark;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The submissions that pass the table's filters, as dots on one canvas coloured by status
 * (received amber, approved green, rejected red); with more than {@value #CLUSTER_ABOVE} in view
 * they are clustered into discs with their count and a ring showing the statuses' shares. The
 * selected submission is ringed, also inside a cluster. A click on a dot selects its submission; a
 * click on a cluster zooms in on it. Hit-testing goes through {@link SubmissionIndex}: an STR-tree
 * for what is in view, a grid of the drawn marks for what is under the mouse.
 */
public final class SubmissionsLayer extends MapLayer {
  static final int CLUSTER_ABOVE = 200;
  private static final double CELL_PIXELS = 56;
  static final Color RECEIVED = Color.web("#e3a008");
  static final Color APPROVED = Color.web("#2e9d4f");
  static final Color REJECTED = Color.web("#d0392b");
  private static final Color SELECTED = Color.web("#1565c0");

  private final MissionsViewModel vm;
  private final Canvas canvas = new Canvas();
  private SubmissionIndex index;
  private Frame frame;
  private double frameLeft;
  private double frameTop;

  public SubmissionsLayer(MissionsViewModel vm) {
    this.vm = vm;
    getStyleClass().add("submissions-layer");
    canvas.setMouseTransparent(true);
    canvas.setManaged(false);
    getChildren().add(canvas);
    vm.visibleSubmissions().addListener((InvalidationListener) obs -> rebuild());
    vm.selectedSubmissionProperty().addListener(obs -> markDirty());
    rebuild();
  }

  private void rebuild() {
    index = new SubmissionIndex(vm.visibleSubmissions());
    markDirty();
  }

  static Color colour(String status) {
    return switch (status == null ? "" : status) {
      case "approved" -> APPROVED;
      case "rejected" -> REJECTED;
      default -> RECEIVED;
    };
  }

  @Override
  protected void layoutLayer() {
    MapView view = getMapView();
    double w = getWidth();
    double h = getHeight();
    canvas.setWidth(w);
    canvas.setHeight(h);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    WorldPixel centre = WebMercator.toWorldPixel(view.getCenter(), view.getZoom());
    frameLeft = centre.x() - w / 2;
    frameTop = centre.y() - h / 2;
    frame = index.frame(view.getZoom(), frameLeft, frameTop, w, h, CLUSTER_ABOVE, CELL_PIXELS);
    for (Mark m : frame.marks()) {
      double x = m.x() - frameLeft;
      double y = m.y() - frameTop;
      if (m.isCluster()) {
        drawCluster(g, m, x, y);
      } else {
        drawDot(g, colour(m.members().get(0).submission().status()), x, y, m.radius());
      }
    }
    drawSelection(g);
  }

  private static void drawDot(GraphicsContext g, Color c, double x, double y, double r) {
    g.setFill(c);
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
    g.setStroke(Color.WHITE);
    g.setLineWidth(1.5);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
  }

  private static void drawCluster(GraphicsContext g, Mark m, double x, double y) {
    double r = m.radius();
    int received = 0;
    int approved = 0;
    for (Entry e : m.members()) {
      switch (e.submission().status()) {
        case "approved" -> approved++;
        case "rejected" -> { }
        default -> received++;
      }
    }
    int n = m.members().size();
    g.setFill(Color.web("#263238", 0.88));
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
    // the statuses' shares as a ring: received, approved, then rejected, clockwise from the top
    g.setLineWidth(3.5);
    double start = 90;
    int[] counts = {received, approved, n - received - approved};
    Color[] colours = {RECEIVED, APPROVED, REJECTED};
    for (int i = 0; i < counts.length; i++) {
      double extent = -360.0 * counts[i] / n;
      if (counts[i] > 0) {
        g.setStroke(colours[i]);
        g.strokeArc(x - r, y - r, 2 * r, 2 * r, start, extent, ArcType.OPEN);
      }
      start += extent;
    }
    g.setFill(Color.WHITE);
    g.setFont(Font.font(null, FontWeight.BOLD, n >= 1000 ? 10.5 : 11.5));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(n >= 10_000 ? (n / 1000) + "k" : Integer.toString(n), x, y);
  }

  private void drawSelection(GraphicsContext g) {
    SubmissionDto s = vm.selectedSubmissionProperty().get();
    if (s == null || s.location() == null) {
      return;
    }
    Point2D p = getMapPoint(new LonLat(s.location().lng(), s.location().lat()));
    drawDot(g, colour(s.status()), p.getX(), p.getY(), 6);
    g.setStroke(SELECTED);
    g.setLineWidth(3);
    g.strokeOval(p.getX() - 11, p.getY() - 11, 22, 22);
  }

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (frame == null || e.getButton() != MouseButton.PRIMARY) {
      return false;
    }
    Mark m = frame.hit(e.getX() + frameLeft, e.getY() + frameTop);
    if (m == null) {
      return false;
    }
    if (e.getClickCount() == 1 && m.isCluster()) {
      getMapView().zoomAt(e.getX(), e.getY(), Math.floor(getMapView().getZoom() + 1e-9) + 2);
    } else if (e.getClickCount() == 1) {
      vm.selectedSubmissionProperty().set(m.members().get(0).submission());
    }
    return true; // a double-click on a mark does not zoom the map as well
  }
}
