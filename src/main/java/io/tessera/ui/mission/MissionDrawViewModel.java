package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.PolygonDto;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;

/**
 * The mission area being drawn: its vertices, whether the shape is finished, whether it is a valid
 * polygon (and why not), its geodesic area, and the undo / redo stack of every edit. No controls
 * and no toolkit: the map layer turns mouse gestures into these calls, tests call them directly.
 *
 * <p>Edits are commands (add, move, insert, remove a vertex; finish the shape), each undoable. A
 * drag is one command: {@link #beginMove} or {@link #beginInsert}, any number of {@link #dragTo}
 * (the shape follows live), then {@link #endGesture} records it. The draft is one document: {@link
 * #start()} opens it, {@link #cancel()} or {@link #clear()} closes it with its history.
 */
public final class MissionDrawViewModel {
  /** Where the draft is. */
  public enum Phase {
    /** No draft: the tool is not armed. */
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
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
  private final ReadOnlyStringWrapper invalidReason = new ReadOnlyStringWrapper(this, "invalidReason");
  private final ReadOnlyDoubleWrapper areaSquareMeters =
      new ReadOnlyDoubleWrapper(this, "areaSquareMeters", Double.NaN);
  private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
  private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");

  private final Deque<Edit> undo = new ArrayDeque<>();
  private final Deque<Edit> redo = new ArrayDeque<>();
  private Polygon polygon;
  private Gesture gesture;

  /** One undoable change of the draft. */
  private sealed interface Edit {
    void apply(MissionDrawViewModel d);

    void revert(MissionDrawViewModel d);

    /** For the Edit menu: "Undo Move Vertex". */
    String name();
  }

  private record AddVertex(LonLat at) implements Edit {
    public void apply(MissionDrawViewModel d) {
      d.vertices.add(at);
    }

    public void revert(MissionDrawViewModel d) {
      d.vertices.remove(d.vertices.size() - 1);
    }

    public String name() {
      return "Add Vertex";
    }
  }

  private record MoveVertex(int index, LonLat from, LonLat to) implements Edit {
    public void apply(MissionDrawViewModel d) {
      d.vertices.set(index, to);
    }

    public void revert(MissionDrawViewModel d) {
      d.vertices.set(index, from);
    }

    public String name() {
      return "Move Vertex";
    }
  }

  private record InsertVertex(int index, LonLat at) implements Edit {
    public void apply(MissionDrawViewModel d) {
      d.vertices.add(index, at);
    }

    public void revert(MissionDrawViewModel d) {
      d.vertices.remove(index);
    }

    public String name() {
      return "Insert Vertex";
    }
  }

  private record RemoveVertex(int index, LonLat at) implements Edit {
    public void apply(MissionDrawViewModel d) {
      d.vertices.remove(index);
    }

    public void revert(MissionDrawViewModel d) {
      d.vertices.add(index, at);
    }

    public String name() {
      return "Delete Vertex";
    }
  }

  private record Finish() implements Edit {
    public void apply(MissionDrawViewModel d) {
      d.phase.set(Phase.EDITING);
    }

    public void revert(MissionDrawViewModel d) {
      d.phase.set(Phase.DRAWING);
    }

    public String name() {
      return "Finish Shape";
    }
  }

  /** A drag in progress: which vertex, where it was (null for a vertex the drag inserted). */
  private record Gesture(int index, LonLat from) {}

  /** Opens a new draft to draw into; does nothing while one is open. */
  public void start() {
    if (phase.get() == Phase.IDLE) {
      phase.set(Phase.DRAWING);
      revalidate();
    }
  }

  /** Throws the draft and its history away (Esc while drawing, Discard). */
  public void cancel() {
    gesture = null;
    vertices.clear();
    undo.clear();
    redo.clear();
    phase.set(Phase.IDLE);
    historyChanged();
  }

  /** Closes the draft after it was saved; the same as {@link #cancel()}, named for the caller. */
  public void clear() {
    cancel();
  }

  /** Appends a vertex while drawing; ignored otherwise. */
  public void addVertex(LonLat at) {
    if (phase.get() == Phase.DRAWING && gesture == null) {
      perform(new AddVertex(at));
    }
  }

  /**
   * Finishes the shape (double-click, Enter, a click on the first vertex). Refused, returning
   * false, while it has fewer than three vertices: there is nothing to finish yet.
   */
  public boolean finish() {
    if (phase.get() != Phase.DRAWING || vertices.size() < 3 || gesture != null) {
      return false;
    }
    perform(new Finish());
    return true;
  }

  /** Removes vertex {@code index} (right-click, Delete). */
  public void removeVertex(int index) {
    if (phase.get() != Phase.IDLE && gesture == null && index >= 0 && index < vertices.size()) {
      perform(new RemoveVertex(index, vertices.get(index)));
    }
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
    if (phase.get() != Phase.IDLE && gesture == null && edge >= 0 && edge < vertices.size()) {
      gesture = new Gesture(edge + 1, null);
      vertices.add(edge + 1, at);
      revalidate();
    }
  }

  /** Moves the dragged vertex to {@code at}; the shape, area and validity follow live. */
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
    undo.push(g.from() == null ? new InsertVertex(g.index(), now) : new MoveVertex(g.index(), g.from(), now));
    redo.clear();
    historyChanged();
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
    return true;
  }

  private void perform(Edit e) {
    e.apply(this);
    undo.push(e);
    redo.clear();
    revalidate();
    historyChanged();
  }

  private void historyChanged() {
    undoName.set(undo.isEmpty() ? "" : undo.peek().name());
    redoName.set(redo.isEmpty() ? "" : redo.peek().name());
  }

  private void revalidate() {
    polygon = null;
    if (phase.get() == Phase.IDLE) {
      invalidReason.set(null);
      areaSquareMeters.set(Double.NaN);
      return;
    }
    if (vertices.size() < 3) {
      invalidReason.set(
          "A mission area needs at least 3 corners; it has " + vertices.size() + ".");
      areaSquareMeters.set(Double.NaN);
      return;
    }
    try {
      polygon = Polygons.fromRings(List.of(closedRing()));
      invalidReason.set(null);
      areaSquareMeters.set(Polygons.geodesicAreaSquareMeters(polygon));
    } catch (InvalidPolygonException e) {
      invalidReason.set(sentence(e.getMessage()));
      areaSquareMeters.set(Double.NaN);
    }
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
   * The shape as a GeoJSON polygon, its exterior counter-clockwise as RFC 7946 recommends; null
   * while it is not a valid polygon.
   */
  public PolygonDto bounds() {
    if (polygon == null) {
      return null;
    }
    Polygon p = Orientation.isCCW(polygon.getExteriorRing().getCoordinates()) ? polygon : polygon.reverse();
    return PolygonDto.of(Polygons.toRings(p));
  }

  /** The vertices in drawing order, without the closing repeat of the first. */
  public ObservableList<LonLat> vertices() {
    return readOnlyVertices;
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public Phase getPhase() {
    return phase.get();
  }

  /** Why the shape is not a valid polygon, as a sentence for the user; null while it is valid. */
  public ReadOnlyStringProperty invalidReasonProperty() {
    return invalidReason.getReadOnlyProperty();
  }

  /** The valid shape's area on the WGS 84 ellipsoid, m²; NaN while it is invalid. */
  public ReadOnlyDoubleProperty areaSquareMetersProperty() {
    return areaSquareMeters.getReadOnlyProperty();
  }

  /** What Undo would undo, e.g. "Move Vertex"; empty when nothing. */
  public ReadOnlyStringProperty undoNameProperty() {
    return undoName.getReadOnlyProperty();
  }

  /** What Redo would redo; empty when nothing. */
  public ReadOnlyStringProperty redoNameProperty() {
    return redoName.getReadOnlyProperty();
  }
}
