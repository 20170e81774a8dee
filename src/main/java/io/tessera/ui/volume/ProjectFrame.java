package io.tessera.ui.volume;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;

/**
 * The project a volume is measured in: its id and name, and the way between the map's WGS 84 and
 * the project's coordinate system (which the volume API, the DSM and annotations use).
 * Thread-safe: the transforms are used under a lock (proj4j's are not documented as safe).
 */
public final class ProjectFrame {
  private final long projectId;
  private final String projectName;
  private final String crsName;
  private final CrsTransform toProject;
  private final CrsTransform toWgs84;

  /**
   * @param coordinateSystem the project's CRS as the API names it, e.g. {@code EPSG:32633}
   * @throws CrsException when it cannot be used
   */
  public ProjectFrame(long projectId, String projectName, String coordinateSystem)
      throws CrsException {
    this.projectId = projectId;
    this.projectName = projectName;
    this.crsName = coordinateSystem;
    Crs project = Crs.parse(coordinateSystem);
    Crs wgs84 = Crs.parse("EPSG:4326");
    this.toProject = wgs84.transformTo(project);
    this.toWgs84 = project.transformTo(wgs84);
  }

  public long projectId() {
    return projectId;
  }

  public String projectName() {
    return projectName;
  }

  /** The project's coordinate system as the API names it. */
  public String crsName() {
    return crsName;
  }

  /** {@code p} in the project's coordinates, {x, y}. */
  public synchronized double[] toProject(LonLat p) throws CrsException {
    Position q = toProject.apply(new Position(p.lonDeg(), p.latDeg(), Double.NaN));
    return new double[] {q.x(), q.y()};
  }

  /** The project's point (x, y) in WGS 84. */
  public synchronized LonLat toLonLat(double x, double y) throws CrsException {
    Position q = toWgs84.apply(new Position(x, y, Double.NaN));
    return new LonLat(q.x(), q.y());
  }
}
