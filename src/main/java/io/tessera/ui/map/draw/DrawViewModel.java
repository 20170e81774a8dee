package io.tessera.ui.map.draw;

import io.tessera.core.geo.Geodesic;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.core.geo.Polygons.InvalidPolygonException;
import io.tessera.ui.CoordinateFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;

/**
 * A shape being drawn or edited on the map — a point, a line or a polygon: its vertices, whether
 * it is finished, whether it is valid (and why not), its geodesic length and area, and the undo /
 * redo stack of every edit. No controls and no toolkit: {@link DrawLayer} turns mouse gestures
 * into these calls, tests call them directly.
 *
 * <p>Edits are commands (add, move, insert, remove a vertex; finish the shape), each undoable. A
 * drag is one command: {@link #beginMove} or {@link #beginInsert}, any number of {@link #dragTo}
 * (the shape follows live), then {@link #endGesture} records it. The shape is one document:
 * {@link #start()} opens it empty, {@link #load} opens a finished one for editing, {@link
 * #cancel()} or {@link #clear()} closes it with its history. Every recorded edit, undo and redo
 * advances {@link #revisionProperty()}, so an owner can save after each.
 *
 * <p>Measures are on the WGS 84 ellipsoid: a line's length is the sum of its edges' geodesic
 * lengths, a polygon's length its perimeter (the closing edge included), its area the geodesic
 * area; NaN while the shape is not valid (a point has neither).
 */
public final class DrawViewModel {
  /** Where the shape is. */
  public enum Phase {
    /** No shape: the tool is not armed. */
    IDLE,
    /** Clicks add vertices. */
    DRAWING,
    /** The shape is finished; its vertices can still be moved, inserted and removed. */
    EDITING
  }

  /** JTS names where a polygon fails as "at [lon, lat]" with every digit; people read lat, lon. */
  private static final Pattern AT_POSITION =
      Pattern.compile(" at \\[(-?[0-9.eE+-]+), (-?[0-9.eE+-]+)\\]");

  private final ObservableList<LonLat> vertices = FXCollections.observableArrayList();
  private final ObservableList<LonLat> readOnlyVertices =
      FXCollections.unmodifiableObservableList(vertices);
  private final ReadOnlyObjectWrapper<ShapeKind> kind;
  private final ReadOnlyObjectWrapper<Phase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
  private final ReadOnlyStringWrapper invalidReason =
      new ReadOnlyStringWrapper(this, "invalidReason");
  private final ReadOnlyDoubleWrapper areaSquareMeters =
      new ReadOnlyDoubleWrapper(this, "areaSquareMeters", Double.NaN);
  private final ReadOnlyDoubleWrapper lengthMeters =
      new ReadOnlyDoubleWrapper(this, "lengthMeters", Double.NaN);
  private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
  private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

  private final Deque<Edit> undo = new ArrayDeque<>();
  private final Deque<Edit> redo = new ArrayDeque<>();
  private String subject;
  private boolean keepsMinimum;
  private Polygon polygon;
  private Gesture gesture;

  /** One undoable change of the shape. */
  private sealed interface Edit {
    void apply(DrawViewModel d);

    void revert(DrawViewModel d);

    /** For the Edit menu: "Undo Move Vertex". */
    String name();
  }

  private record AddVertex(LonLat at) implements Edit {
    public void apply(DrawViewModel d) {
      d.vertices.add(at);
    }

    public void revert(DrawViewModel d) {
      d.vertices.remove(d.vertices.size() - 1);
    }

    public String name() {
      return "Add Vertex";
    }
  }

  private record MoveVertex(int index, LonLat from, LonLat to) implements Edit {
    public void apply(DrawViewModel d) {
      d.vertices.set(index, to);
    }

    public void revert(DrawViewModel d) {
      d.vertices.set(index, from);
    }

    public String name() {
      return "Move Vertex";
    }
  }

  private record InsertVertex(int index, LonLat at) implements Edit {
    public void apply(DrawViewModel d) {
      d.vertices.add(index, at);
    }

    public void revert(DrawViewModel d) {
      d.vertices.remove(index);
    }

    public String name() {
      return "Insert Vertex";
    }
  }

  private record RemoveVertex(int index, LonLat at) implements Edit {
    public void apply(DrawViewModel d) {
      d.vertices.remove(index);
    }

    public void revert(DrawViewModel d) {
      d.vertices.add(index, at);
    }

    public String name() {
      return "Delete Vertex";
    }
  }

  private record Finish() implements Edit {
    public void apply(DrawViewModel d) {
      d.phase.set(Phase.EDITING);
    }

    public void revert(DrawViewModel d) {
      d.phase.set(Phase.DRAWING);
    }

    public String name() {
      return "Finish Shape";
    }
  }

  /** A drag in progress: which vertex, where it was (null for a vertex the drag inserted). */
  private record Gesture(int index, LonLat from) {}

  /** A polygon tool whose reasons speak of "A polygon". */
  public DrawViewModel() {
    this(ShapeKind.POLYGON, null);
  }

  /**
   * @param kind what {@link #start()} draws
   * @param subject how reasons name the shape, e.g. "A mission area"; null for "A polygon", "A
   *     line", "A point" after the kind
   */
  public DrawViewModel(ShapeKind kind, String subject) {
    this.kind = new ReadOnlyObjectWrapper<>(this, "kind", kind);
    this.subject = subject;
  }

  /**
   * Whether a finished shape refuses to lose a vertex below its kind's minimum (a line keeps two
   * vertices, a polygon three, a point its one). Off by default: the shape turns invalid instead.
   */
  public void setKeepsMinimum(boolean keepsMinimum) {
    this.keepsMinimum = keepsMinimum;
  }

  /** Opens a new shape of the current kind to draw into; does nothing while one is open. */
  public void start() {
    if (phase.get() == Phase.IDLE) {
      phase.set(Phase.DRAWING);
      revalidate();
    }
  }

  /** Opens a new shape of {@code shapeKind}; does nothing while one is open. */
  public void start(ShapeKind shapeKind) {
    if (phase.get() == Phase.IDLE) {
      kind.set(shapeKind);
      start();
    }
  }

  /**
   * Opens a finished shape for editing (the one a user selected), closing any shape open before;
   * its history starts empty. Loading the same shape that is open keeps it and its history.
   */
  public void load(ShapeKind shapeKind, List<LonLat> shape) {
    if (phase.get() == Phase.EDITING && kind.get() == shapeKind && vertices.equals(shape)
        && gesture == null) {
      return;
    }
    gesture = null;
    undo.clear();
    redo.clear();
    kind.set(shapeKind);
    vertices.setAll(shape);
    phase.set(Phase.EDITING);
    revalidate();
    historyChanged();
  }

  /** Throws the shape and its history away (Esc while drawing, Discard). */
  public void cancel() {
    gesture = null;
    vertices.clear();
    undo.clear();
    redo.clear();
    phase.set(Phase.IDLE);
    revalidate();
    historyChanged();
  }

  /** Closes the shape after it was saved; the same as {@link #cancel()}, named for the caller. */
  public void clear() {
    cancel();
  }

  /** Appends a vertex while drawing (a point finishes with it); ignored otherwise. */
  public void addVertex(LonLat at) {
    if (phase.get() == Phase.DRAWING && gesture == null) {
      perform(new AddVertex(at));
      if (kind.get() == ShapeKind.POINT) {
        perform(new Finish());
      }
    }
  }

  /**
   * Finishes the shape (double-click, Enter, a click on a polygon's first vertex). Refused,
   * returning false, while it has fewer vertices than its kind needs: there is nothing to finish.
   */
  public boolean finish() {
    if (phase.get() != Phase.DRAWING || vertices.size() < kind.get().minVertices()
        || gesture != null) {
      return false;
    }
    perform(new Finish());
    return true;
  }

  /** Removes vertex {@code index} (right-click, Delete); false when refused. */
  public boolean removeVertex(int index) {
    if (phase.get() == Phase.IDLE || gesture != null || index < 0 || index >= vertices.size()) {
      return false;
    }
    if (keepsMinimum && phase.get() == Phase.EDITING
        && vertices.size() <= kind.get().minVertices()) {
      return false;
    }
    perform(new RemoveVertex(index, vertices.get(index)));
    return true;
  }

  /** Starts dragging vertex {@code index}. */
  public void beginMove(int index) {
    if (phase.get() != Phase.IDLE && gesture == null && index >= 0 && index < vertices.size()) {
      gesture = new Gesture(index, vertices.get(index));
    }
  }

  /**
   * Starts dragging a new vertex out of the edge from vertex {@code edge} to the next one (the
   * edge's midpoint handle); the vertex appears at {@code at}, after vertex {@code edge}.
   */
  public void beginInsert(int edge, LonLat at) {
    if (phase.get() != Phase.IDLE && gesture == null && edge >= 0 && edge < edgeCount()) {
      gesture = new Gesture(edge + 1, null);
      vertices.add(edge + 1, at);
      revalidate();
    }
  }

  /** Moves the dragged vertex to {@code at}; the shape, measures and validity follow live. */
  public void dragTo(LonLat at) {
    if (gesture != null) {
      vertices.set(gesture.index(), at);
      revalidate();
    }
  }

  /** Ends the drag, recording it as one edit (nothing when a moved vertex ended where it began). */
  public void endGesture() {
    Gesture g = gesture;
    if (g == null) {
      return;
    }
    gesture = null;
    LonLat now = vertices.get(g.index());
    if (now.equals(g.from())) {
      return;
    }
    undo.push(g.from() == null ? new InsertVertex(g.index(), now)
        : new MoveVertex(g.index(), g.from(), now));
    redo.clear();
    historyChanged();
    revision.set(revision.get() + 1);
  }

  /** Puts the dragged vertex back where it was (Esc during a drag). */
  public void cancelGesture() {
    Gesture g = gesture;
    if (g == null) {
      return;
    }
    gesture = null;
    if (g.from() == null) {
      vertices.remove(g.index());
    } else {
      vertices.set(g.index(), g.from());
    }
    revalidate();
  }

  /** Whether a drag is in progress. */
  public boolean isDragging() {
    return gesture != null;
  }

  /** Undoes the last edit (Ctrl+Z); false when there is none. */
  public boolean undo() {
    if (gesture != null || undo.isEmpty()) {
      return false;
    }
    Edit e = undo.pop();
    e.revert(this);
    redo.push(e);
    revalidate();
    historyChanged();
    revision.set(revision.get() + 1);
    return true;
  }

  /** Redoes the last undone edit (Ctrl+Y, Ctrl+Shift+Z); false when there is none. */
  public boolean redo() {
    if (gesture != null || redo.isEmpty()) {
      return false;
    }
    Edit e = redo.pop();
    e.apply(this);
    undo.push(e);
    revalidate();
    historyChanged();
    revision.set(revision.get() + 1);
    return true;
  }

  private void perform(Edit e) {
    e.apply(this);
    undo.push(e);
    redo.clear();
    revalidate();
    historyChanged();
    revision.set(revision.get() + 1);
  }

  private void historyChanged() {
    undoName.set(undo.isEmpty() ? "" : undo.peek().name());
    redoName.set(redo.isEmpty() ? "" : redo.peek().name());
  }

  /** How many edges have a midpoint handle: a polygon's closing edge counts, a line's has none. */
  public int edgeCount() {
    int n = vertices.size();
    return switch (kind.get()) {
      case POINT -> 0;
      case LINE -> Math.max(0, n - 1);
      case POLYGON -> n >= 2 ? n : 0;
    };
  }

  private String subject() {
    return subject != null ? subject : "A " + kind.get().word();
  }

  private void revalidate() {
    polygon = null;
    areaSquareMeters.set(Double.NaN);
    lengthMeters.set(Double.NaN);
    if (phase.get() == Phase.IDLE) {
      invalidReason.set(null);
      return;
    }
    int n = vertices.size();
    switch (kind.get()) {
      case POINT -> invalidReason.set(n == 1 ? null : subject() + " needs one position.");
      case LINE -> {
        if (n < 2) {
          invalidReason.set(subject() + " needs at least 2 points; it has " + n + ".");
        } else {
          invalidReason.set(null);
          lengthMeters.set(pathLength(vertices, false));
        }
      }
      case POLYGON -> {
        if (n < 3) {
          invalidReason.set(subject() + " needs at least 3 corners; it has " + n + ".");
          return;
        }
        try {
          polygon = Polygons.fromRings(List.of(closedRing()));
          invalidReason.set(null);
          areaSquareMeters.set(Polygons.geodesicAreaSquareMeters(polygon));
          lengthMeters.set(pathLength(vertices, true));
        } catch (InvalidPolygonException e) {
          invalidReason.set(sentence(e.getMessage()));
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  /** The geodesic length of a path through {@code points}, closed back to the first or not, m. */
  public static double pathLength(List<LonLat> points, boolean closed) {
    double sum = 0;
    for (int i = 1; i < points.size(); i++) {
      sum += Geodesic.distanceMeters(points.get(i - 1), points.get(i));
    }
    if (closed && points.size() > 2) {
      sum += Geodesic.distanceMeters(points.get(points.size() - 1), points.get(0));
    }
    return sum;
  }

  private List<double[]> closedRing() {
    List<double[]> ring = new ArrayList<>(vertices.size() + 1);
    for (LonLat v : vertices) {
      ring.add(new double[] {v.lonDeg(), v.latDeg()});
    }
    ring.add(ring.get(0));
    return ring;
  }

  private static String sentence(String message) {
    String s = message.isEmpty() ? "The shape is not a valid polygon" : message;
    Matcher at = AT_POSITION.matcher(s);
    if (at.find()) {
      LonLat p = new LonLat(Double.parseDouble(at.group(1)), Double.parseDouble(at.group(2)));
      s = s.substring(0, at.start()) + " at " + CoordinateFormat.latLon(p) + s.substring(at.end());
    }
    s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }

  /**
   * The valid polygon, its exterior counter-clockwise as RFC 7946 recommends; null while the
   * shape is not a valid polygon.
   */
  public Polygon polygon() {
    if (polygon == null) {
      return null;
    }
    return Orientation.isCCW(polygon.getExteriorRing().getCoordinates()) ? polygon
        : polygon.reverse();
  }

  /** The vertices in drawing order, without the closing repeat of a polygon's first. */
  public ObservableList<LonLat> vertices() {
    return readOnlyVertices;
  }

  /** What the shape is (changes only when a shape is started or loaded). */
  public ReadOnlyObjectProperty<ShapeKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public ShapeKind getKind() {
    return kind.get();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public Phase getPhase() {
    return phase.get();
  }

  /** Why the shape is not valid, as a sentence for the user; null while it is valid. */
  public ReadOnlyStringProperty invalidReasonProperty() {
    return invalidReason.getReadOnlyProperty();
  }

  /** A valid polygon's area on the WGS 84 ellipsoid, m²; NaN otherwise. */
  public ReadOnlyDoubleProperty areaSquareMetersProperty() {
    return areaSquareMeters.getReadOnlyProperty();
  }

  /** A valid line's length or polygon's perimeter on the WGS 84 ellipsoid, m; NaN otherwise. */
  public ReadOnlyDoubleProperty lengthMetersProperty() {
    return lengthMeters.getReadOnlyProperty();
  }

  /** What Undo would undo, e.g. "Move Vertex"; empty when nothing. */
  public ReadOnlyStringProperty undoNameProperty() {
    return undoName.getReadOnlyProperty();
  }

  /** What Redo would redo; empty when nothing. */
  public ReadOnlyStringProperty redoNameProperty() {
    return redoName.getReadOnlyProperty();
  }

  /** Advances after every recorded edit, undo and redo (not while a drag is live). */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }
}
