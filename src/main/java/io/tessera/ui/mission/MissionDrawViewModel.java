package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.ShapeKind;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Polygon;

/**
 * The mission area being drawn: a polygon {@link DrawViewModel} whose reasons speak of "A mission
 * area", with the area as the missions API takes it ({@link #bounds()}). Its vertices, phase,
 * validity, geodesic area and undo / redo stack are the drawing model's; see there.
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

  private final DrawViewModel shape = new DrawViewModel(ShapeKind.POLYGON, "A mission area");
  private final ReadOnlyObjectWrapper<Phase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);

  public MissionDrawViewModel() {
    shape.phaseProperty().addListener((o, was, is) -> phase.set(Phase.valueOf(is.name())));
  }

  /** The drawing model underneath, for {@link io.tessera.ui.map.draw.DrawLayer}. */
  public DrawViewModel shape() {
    return shape;
  }

  /** Opens a new draft to draw into; does nothing while one is open. */
  public void start() {
    shape.start();
  }

  /** Throws the draft and its history away (Esc while drawing, Discard). */
  public void cancel() {
    shape.cancel();
  }

  /** Closes the draft after it was saved; the same as {@link #cancel()}, named for the caller. */
  public void clear() {
    shape.clear();
  }

  /** Appends a vertex while drawing; ignored otherwise. */
  public void addVertex(LonLat at) {
    shape.addVertex(at);
  }

  /**
   * Finishes the shape (double-click, Enter, a click on the first vertex). Refused, returning
   * false, while it has fewer than three vertices: there is nothing to finish yet.
   */
  public boolean finish() {
    return shape.finish();
  }

  /** Removes vertex {@code index} (right-click, Delete). */
  public void removeVertex(int index) {
    shape.removeVertex(index);
  }

  /** Starts dragging vertex {@code index}. */
  public void beginMove(int index) {
    shape.beginMove(index);
  }

  /**
   * Starts dragging a new vertex out of the edge from vertex {@code edge} to the next one (the
   * edge's midpoint handle); the vertex appears at {@code at}, after vertex {@code edge}.
   */
  public void beginInsert(int edge, LonLat at) {
    shape.beginInsert(edge, at);
  }

  /** Moves the dragged vertex to {@code at}; the shape, area and validity follow live. */
  public void dragTo(LonLat at) {
    shape.dragTo(at);
  }

  /** Ends the drag, recording it as one edit (nothing when a moved vertex ended where it began). */
  public void endGesture() {
    shape.endGesture();
  }

  /** Puts the dragged vertex back where it was (Esc during a drag). */
  public void cancelGesture() {
    shape.cancelGesture();
  }

  /** Whether a drag is in progress. */
  public boolean isDragging() {
    return shape.isDragging();
  }

  /** Undoes the last edit (Ctrl+Z); false when there is none. */
  public boolean undo() {
    return shape.undo();
  }

  /** Redoes the last undone edit (Ctrl+Y, Ctrl+Shift+Z); false when there is none. */
  public boolean redo() {
    return shape.redo();
  }

  /**
   * The shape as a GeoJSON polygon, its exterior counter-clockwise as RFC 7946 recommends; null
   * while it is not a valid polygon.
   */
  public PolygonDto bounds() {
    Polygon p = shape.polygon();
    return p == null ? null : PolygonDto.of(Polygons.toRings(p));
  }

  /** The vertices in drawing order, without the closing repeat of the first. */
  public ObservableList<LonLat> vertices() {
    return shape.vertices();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public Phase getPhase() {
    return phase.get();
  }

  /** Why the shape is not a valid polygon, as a sentence for the user; null while it is valid. */
  public ReadOnlyStringProperty invalidReasonProperty() {
    return shape.invalidReasonProperty();
  }

  /** The valid shape's area on the WGS 84 ellipsoid, m²; NaN while it is invalid. */
  public ReadOnlyDoubleProperty areaSquareMetersProperty() {
    return shape.areaSquareMetersProperty();
  }

  /** What Undo would undo, e.g. "Move Vertex"; empty when nothing. */
  public ReadOnlyStringProperty undoNameProperty() {
    return shape.undoNameProperty();
  }

  /** What Redo would redo; empty when nothing. */
  public ReadOnlyStringProperty redoNameProperty() {
    return shape.redoNameProperty();
  }
}
