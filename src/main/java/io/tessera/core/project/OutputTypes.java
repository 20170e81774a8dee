package io.tessera.core.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The document's output types ({@code OutputOutputTypeEnum}), each with its result type, and the
 * ones Tessera reads as rasters. An output type not given is derived from the file's name.
 */
public final class OutputTypes {
  /** Output types imported as a one-band elevation raster, in order of preference: DSM first. */
  public static final List<String> ELEVATION_LIST = List.of("dsm", "dsm_cloud_optimized", "dtm");

  /** Output types imported as an RGB(A) orthomosaic, in order of preference. */
  public static final List<String> ORTHO_LIST =
      List.of("ortho", "ortho_rgb", "ortho_cloud_optimized");

  /** {@link #ELEVATION_LIST} as a set. */
  public static final Set<String> ELEVATION = Set.copyOf(ELEVATION_LIST);

  /** {@link #ORTHO_LIST} as a set. */
  public static final Set<String> ORTHO = Set.copyOf(ORTHO_LIST);

  private static final Map<String, String> RESULT = new LinkedHashMap<>();

  static {
    for (String t : ("ortho_rgba_bundle ortho_rgb_bundle ortho_cloud_optimized"
        + " ortho_cloud_optimized_display ortho ortho_metadata ortho_rgb ortho_thumb").split(" ")) {
      RESULT.put(t, "ortho");
    }
    for (String t : "dsm_bundle dsm dsm_metadata dsm_preview dsm_thumb".split(" ")) {
      RESULT.put(t, "dsm");
    }
    RESULT.put("dsm_cloud_optimized", "dsm_cloud_optimized");
    RESULT.put("dsm_cloud_optimized_display", "dsm_cloud_optimized");
    for (String t : "dtm_bundle dtm".split(" ")) {
      RESULT.put(t, "dtm");
    }
    for (String t : ("point_cloud_bundle point_cloud_gltf point_cloud potree_js potree_metadata"
        + " point_cloud_slpk").split(" ")) {
      RESULT.put(t, "point_cloud");
    }
    for (String t : ("3d_mesh_draco 3d_mesh_fbx 3d_mesh_mat 3d_mesh_obj 3d_mesh_obj_zip"
        + " 3d_mesh_slpk 3d_mesh_texture_2048 3d_mesh_texture_8192 3d_mesh_texture_16384"
        + " 3d_mesh_texture 3d_mesh_thumb b3dm_js b3dm_js_identity").split(" ")) {
      RESULT.put(t, "3d_mesh_obj");
    }
    for (String t : ("gaussian_splatting gaussian_splatting_display gaussian_splatting_potree")
        .split(" ")) {
      RESULT.put(t, "gaussian_splatting");
    }
    for (String t : "ndvi ndvi_metadata ndvi_thumb".split(" ")) {
      RESULT.put(t, "ndvi");
    }
    for (String t : ("reflectance_green reflectance_maps_bundle reflectance_nir reflectance_red"
        + " reflectance_reg").split(" ")) {
      RESULT.put(t, "reflectance");
    }
    for (String t : ("calibrated_camera_parameters calibrated_camera_parameters_json"
        + " calibrated_external_camera_parameters calibrated_external_camera_parameters_error"
        + " calibrated_external_camera_parameters_error_json cell_tower_analytics"
        + " contour_files_bundle gcp_quality_report ifc input_zip inspect_report_json"
        + " inspect_report_pdf project_report_json project_report_pdf i_construction"
        + " log_file_bundle mapper_log project_offset project_thumb project_wkt project_zip"
        + " quality_report xml_quality_report opf_project calibrated_cameras input_cameras"
        + " opf_scene_ref_frame json_quality_report").split(" ")) {
      RESULT.put(t, t);
    }
  }

  private OutputTypes() {}

  /** Whether {@code type} is one of the document's output types. */
  public static boolean isKnown(String type) {
    return RESULT.containsKey(type);
  }

  /** The result type an output type belongs to. */
  public static String resultType(String outputType) {
    String r = RESULT.get(outputType);
    if (r == null) {
      throw new IllegalArgumentException("unknown output type " + outputType);
    }
    return r;
  }

  /** Whether outputs of this type are imported as rasters. */
  public static boolean isRaster(String outputType) {
    return ELEVATION.contains(outputType) || ORTHO.contains(outputType);
  }

  /**
   * The type a file's name suggests, as the document derives it from the output path: GeoTIFFs
   * named like a DSM, DTM or orthomosaic (Pix4D's and ODM's file names), point clouds, reports.
   */
  public static Optional<String> derive(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    int slash = n.lastIndexOf('/');
    n = n.substring(slash + 1);
    boolean tiff = n.endsWith(".tif") || n.endsWith(".tiff");
    if (tiff) {
      if (n.contains("dtm")) {
        return Optional.of("dtm");
      }
      if (n.contains("dsm") || n.contains("elevation") || n.contains("dem")) {
        return Optional.of("dsm");
      }
      if (n.contains("ndvi")) {
        return Optional.of("ndvi");
      }
      if (n.contains("ortho") || n.contains("mosaic") || n.contains("transparent")) {
        return Optional.of("ortho");
      }
      return Optional.empty();
    }
    if (n.endsWith(".las") || n.endsWith(".laz")) {
      return Optional.of("point_cloud");
    }
    if (n.endsWith(".pdf") && n.contains("report")) {
      return Optional.of("quality_report");
    }
    if (n.endsWith(".xml") && n.contains("report")) {
      return Optional.of("xml_quality_report");
    }
    if (n.endsWith(".log")) {
      return Optional.of("mapper_log");
    }
    if (n.endsWith(".opf") || n.equals("project.json")) {
      return Optional.of("opf_project");
    }
    if (n.endsWith(".prj") || n.endsWith(".wkt")) {
      return Optional.of("project_wkt");
    }
    return Optional.empty();
  }
}
