package io.tessera.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsKind;
import io.tessera.core.raster.GeoTiffs;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.volume.BaseSurface;
import io.tessera.core.raster.volume.CrossedRing;
import io.tessera.core.raster.volume.VolumeCalculator;
import io.tessera.core.raster.volume.VolumeException;
import io.tessera.core.raster.volume.VolumeRequest;
import io.tessera.core.raster.volume.VolumeUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tessera volume --dsm FILE --polygon WKT --base NAME}: cut and fill under a polygon over a
 * GeoTIFF DSM, printed as the JSON the photogrammetry API answers ({@code POST
 * /v1/project/{id}/volumes/}): the same engine, the same fields, the same {@code warning} when a
 * crossed ring is untangled. The polygon is in the DSM's coordinate system. No service, no data
 * dir.
 */
@Command(
    name = "volume",
    mixinStandardHelpOptions = true,
    description = "Measure cut and fill under a polygon over a GeoTIFF DSM; prints the JSON the"
        + " volume API answers.")
final class VolumeCommand implements Callable<Integer> {
  /** The API's JSON writer's double format (shortest representation), for the same digits. */
  private static final ObjectMapper JSON = new ObjectMapper(
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());

  @Spec CommandSpec spec;

  @Option(names = "--dsm", required = true, paramLabel = "FILE", description = "The DSM: a"
      + " one-band GeoTIFF in a projected coordinate system in metres")
  Path dsm;

  @Option(names = "--polygon", required = true, paramLabel = "WKT", description = "POLYGON or"
      + " POLYGON Z in the DSM's coordinate system, e.g. 'POLYGON ((x1 y1, x2 y2, x3 y3, x1 y1))';"
      + " with Z the vertices' heights are the boundary's elevations")
  String polygon;

  @Option(names = "--base", required = true, paramLabel = "NAME", description = "Base surface:"
      + " average, custom, fitPlane, triangulated, highest or lowest")
  String base;

  @Option(names = "--elevation", paramLabel = "Z", description = "custom_elevation in metres:"
      + " the base is flat at Z (required with --base custom)")
  Double elevation;

  @Option(names = "--units", defaultValue = "m", paramLabel = "m|yd|ydUS", description = "Units"
      + " of the result (default: ${DEFAULT-VALUE})")
  String units;

  @Override
  public Integer call() throws IOException {
    VolumeRequest request = request();
    if (!Files.isRegularFile(dsm)) {
      throw new NoSuchFileException(dsm.toString(), null, "no such file");
    }
    String warning = null;
    Optional<VolumeRequest> untangled = CrossedRing.untangle(request);
    if (untangled.isPresent()) {
      request = untangled.get();
      warning = CrossedRing.WARNING;
    }
    Map<String, Object> fields;
    try (Raster raster = GeoTiffs.open(dsm)) {
      requireMetres(raster);
      fields = new VolumeCalculator().compute(raster, request).toApiFields();
    } catch (VolumeException e) {
      throw new IOException(e.apiTitle() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException(dsm.getFileName() + ": " + e.getMessage(), e);
    }
    if (warning != null) {
      fields.put("warning", warning);
    }
    System.out.println(JSON.writeValueAsString(fields));
    return 0;
  }

  private VolumeRequest request() {
    BaseSurface surface;
    VolumeUnits unit;
    try {
      surface = BaseSurface.fromApiName(base);
    } catch (IllegalArgumentException e) {
      throw usage("--base: " + e.getMessage().replace("base_surface ", ""));
    }
    try {
      unit = VolumeUnits.fromApiName(units);
    } catch (IllegalArgumentException e) {
      throw usage("--units: " + e.getMessage().replace("units ", ""));
    }
    try {
      return new VolumeRequest(surface, vertices(),
          elevation == null ? OptionalDouble.empty() : OptionalDouble.of(elevation), unit,
          OptionalDouble.empty());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage().replace("custom_elevation", "--elevation")
          .replace("base_surface is custom", "--base is custom"));
    }
  }

  /** The WKT polygon's exterior ring as [x, y] or [x, y, z] vertices. */
  private List<double[]> vertices() {
    Geometry g;
    try {
      g = new WKTReader().read(polygon);
    } catch (ParseException | IllegalArgumentException e) {
      throw usage("--polygon is not valid WKT: " + e.getMessage());
    }
    if (!(g instanceof Polygon p)) {
      throw usage("--polygon must be a POLYGON or POLYGON Z, not a " + g.getGeometryType()
          .toUpperCase(Locale.ROOT));
    }
    if (p.isEmpty()) {
      throw usage("--polygon is empty");
    }
    if (p.getNumInteriorRing() > 0) {
      throw usage("--polygon has " + p.getNumInteriorRing() + " hole(s); a volume is measured"
          + " under one ring");
    }
    List<double[]> out = new ArrayList<>();
    for (Coordinate c : p.getExteriorRing().getCoordinates()) {
      out.add(Double.isNaN(c.getZ()) ? new double[] {c.x, c.y} : new double[] {c.x, c.y, c.getZ()});
    }
    return out;
  }

  private void requireMetres(Raster raster) throws IOException {
    if (raster.epsg().isEmpty()) {
      return;
    }
    try {
      if (Crs.parse("EPSG:" + raster.epsg().getAsInt()).kind() == CrsKind.GEOGRAPHIC) {
        throw new IOException(dsm.getFileName() + " is in a geographic coordinate system (EPSG:"
            + raster.epsg().getAsInt() + "); volumes need metres");
      }
    } catch (CrsException e) {
      // a code we do not know: the coordinates are taken as the DSM's, as the API does
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
