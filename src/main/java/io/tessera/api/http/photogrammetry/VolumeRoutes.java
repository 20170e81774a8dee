package io.tessera.api.http.photogrammetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.core.raster.volume.BaseSurface;
import io.tessera.core.raster.volume.VolumeException;
import io.tessera.core.raster.volume.VolumeRequest;
import io.tessera.core.raster.volume.VolumeUnits;
import io.tessera.service.DomainException;
import io.tessera.service.project.VolumeService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code POST /v1/project/{id}/volumes/} (photogrammetry-api-pix4d.txt, "How to compute a
 * volume"): cut is the volume of terrain above the base surface, fill the volume below it down to
 * the terrain, both from the project's imported DSM, with error estimates. Errors are the
 * document's bodies: {@code {"title": "404 Not Found"}}, {@code {"title": "No COG DSM found for
 * this project"}}, {@code {"title": "The polygon doesn't overlap the dataset"}}, {@code {"title":
 * "Invalid Polygon"}}; a malformed body answers 400 with a title that says what is wrong.
 */
public final class VolumeRoutes {
  private static final String TAG = "photogrammetry";

  private final ApiContext ctx;
  private final Bodies bodies;

  public VolumeRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/v1/project/{id}/volumes/").tag(TAG).access(Access.OPTIONAL)
            .summary("Compute a volume over the project's DSM: base_surface (average, custom,"
                + " fitPlane, triangulated, highest, lowest), coordinates in the project's"
                + " coordinate system ([x, y] or [x, y, z]), custom_elevation (required for"
                + " custom; when given the base is flat at it), units (m, yd, ydUS). Cut is the"
                + " terrain above the base, fill the space below it; net = cut − fill. Errors:"
                + " each cell's area × the DSM's vertical uncertainty (default one ground"
                + " sampling distance) plus the base's fit residual over the area, see"
                + " error_estimate")
            .body(Map.of("base_surface", "triangulated", "coordinates", List.of(
                List.of(328726.692, 4688271.030, 159.725),
                List.of(328728.351, 4688298.208, 150.376),
                List.of(328750.527, 4688289.860, 150.250),
                List.of(328744.430, 4688271.645, 150.056))))
            .responses(Map.of(200, "{cut, cut_error, fill, fill_error, net, area, …}", 400,
                "{title}: no DSM, polygon off the DSM, invalid polygon or body", 404,
                "{\"title\": \"404 Not Found\"}"))
            .handle(this::compute));
  }

  private void compute(Context c) throws IOException {
    long id;
    try {
      id = Long.parseLong(c.pathParam("id"));
    } catch (NumberFormatException e) {
      title(c, 404, "404 Not Found");
      return;
    }
    VolumeRequest request;
    try {
      request = request(bodies.read(c, JsonNode.class));
    } catch (IllegalArgumentException | DomainException.BadRequest e) {
      title(c, 400, e.getMessage());
      return;
    }
    try {
      VolumeService.Measured m = ctx.volumes().compute(ShareAccess.forProject(c, ctx, id, false), id, request);
      Map<String, Object> fields = m.result().toApiFields();
      if (m.warning() != null) {
        fields.put("warning", m.warning());
      }
      c.json(fields);
    } catch (DomainException.NotFound e) {
      title(c, 404, "404 Not Found");
    } catch (VolumeService.NoDsmException e) {
      title(c, 400, "No COG DSM found for this project");
    } catch (VolumeException e) {
      title(c, 400, e.apiTitle());
    }
  }

  private static VolumeRequest request(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("The body must be a JSON object");
    }
    JsonNode base = body.get("base_surface");
    if (base == null || !base.isTextual()) {
      throw new IllegalArgumentException("base_surface is required: one of average, custom,"
          + " fitPlane, triangulated, highest, lowest");
    }
    BaseSurface surface = BaseSurface.fromApiName(base.asText());
    JsonNode coords = body.get("coordinates");
    if (coords == null || !coords.isArray()) {
      throw new IllegalArgumentException("coordinates is required: an array of [x, y] or"
          + " [x, y, z] vertices");
    }
    List<double[]> vertices = new ArrayList<>();
    for (JsonNode v : coords) {
      if (!v.isArray() || v.size() < 2 || v.size() > 3) {
        throw new IllegalArgumentException("each coordinate is [x, y] or [x, y, z]");
      }
      double[] xyz = new double[v.size()];
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isNumber()) {
          throw new IllegalArgumentException("coordinates must be numbers");
        }
        xyz[i] = v.get(i).asDouble();
      }
      vertices.add(xyz);
    }
    OptionalDouble custom = OptionalDouble.empty();
    JsonNode ce = body.get("custom_elevation");
    if (ce != null && !ce.isNull()) {
      if (!ce.isNumber()) {
        throw new IllegalArgumentException("custom_elevation must be a number");
      }
      custom = OptionalDouble.of(ce.asDouble());
    }
    VolumeUnits units = VolumeUnits.METRE;
    JsonNode u = body.get("units");
    if (u != null && !u.isNull()) {
      units = VolumeUnits.fromApiName(u.asText());
    }
    return new VolumeRequest(surface, vertices, custom, units, OptionalDouble.empty());
  }

  private static void title(Context c, int status, String title) {
    c.status(status).json(Map.of("title", title));
  }
}
