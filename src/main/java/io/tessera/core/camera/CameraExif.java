package io.tessera.core.camera;

import io.tessera.core.camera.Intrinsics.FocalSource;
import java.util.Optional;

/**
 * What a photo's EXIF and XMP say about its camera: what {@link Intrinsics} and a {@link GeoPose}
 * are made from. Read by {@link CameraExifReader}; every field but the size may be null.
 *
 * @param widthPx stored image width, pixels
 * @param heightPx stored image height, pixels
 * @param orientation EXIF orientation 1..8 (null when absent: as stored)
 * @param make EXIF Make
 * @param model EXIF Model
 * @param focalLengthMm EXIF FocalLength, mm
 * @param focalLength35mm EXIF FocalLengthIn35mmFilm, mm
 * @param exifImageWidthPx EXIF PixelXDimension: the width the camera wrote, which the focal plane
 *     resolution and DJI's calibrated values refer to (a resized copy keeps it)
 * @param focalPlaneXResolutionPerMm EXIF FocalPlaneXResolution in pixels per millimetre
 * @param lonDeg GPS longitude, degrees
 * @param latDeg GPS latitude, degrees
 * @param gpsAltitudeM GPS altitude (EXIF: above sea level), metres
 * @param gimbalYawDeg DJI {@code drone-dji:GimbalYawDegree}
 * @param gimbalPitchDeg DJI {@code drone-dji:GimbalPitchDegree}
 * @param gimbalRollDeg DJI {@code drone-dji:GimbalRollDegree}
 * @param relativeAltitudeM DJI {@code drone-dji:RelativeAltitude}: above the take-off point
 * @param absoluteAltitudeM DJI {@code drone-dji:AbsoluteAltitude}
 * @param calibratedFocalPx DJI {@code drone-dji:CalibratedFocalLength}, pixels at the full width
 * @param calibratedCentreXPx DJI {@code drone-dji:CalibratedOpticalCenterX}, pixels
 * @param calibratedCentreYPx DJI {@code drone-dji:CalibratedOpticalCenterY}, pixels
 * @param cameraYawDeg Pix4D camera XMP {@code Camera:Yaw} (senseFly), {@link
 *     AngleConvention#YAW_PITCH_ROLL}
 * @param cameraPitchDeg {@code Camera:Pitch}
 * @param cameraRollDeg {@code Camera:Roll}
 * @param perspectiveFocalMm {@code Camera:PerspectiveFocalLength}, mm
 * @param principalXMm {@code Camera:PrincipalPoint} x, mm from the image's left edge
 * @param principalYMm {@code Camera:PrincipalPoint} y, mm from the image's top edge
 * @param gpsXyAccuracyM {@code Camera:GPSXYAccuracy}, metres
 * @param gpsZAccuracyM {@code Camera:GPSZAccuracy}, metres
 */
public record CameraExif(
    int widthPx,
    int heightPx,
    Integer orientation,
    String make,
    String model,
    Double focalLengthMm,
    Double focalLength35mm,
    Integer exifImageWidthPx,
    Double focalPlaneXResolutionPerMm,
    Double lonDeg,
    Double latDeg,
    Double gpsAltitudeM,
    Double gimbalYawDeg,
    Double gimbalPitchDeg,
    Double gimbalRollDeg,
    Double relativeAltitudeM,
    Double absoluteAltitudeM,
    Double calibratedFocalPx,
    Double calibratedCentreXPx,
    Double calibratedCentreYPx,
    Double cameraYawDeg,
    Double cameraPitchDeg,
    Double cameraRollDeg,
    Double perspectiveFocalMm,
    Double principalXMm,
    Double principalYMm,
    Double gpsXyAccuracyM,
    Double gpsZAccuracyM) {

  /** The diagonal of a 36 × 24 mm frame, which 35-mm-equivalent focal lengths refer to. */
  static final double FULL_FRAME_DIAGONAL_MM = Math.hypot(36, 24);

  /** Sensor widths outside this range, in mm, mean the focal plane resolution is wrong. */
  private static final double MIN_SENSOR_MM = 1;
  private static final double MAX_SENSOR_MM = 100;

  /** Which height to give a photo's position. */
  public enum HeightSource {
    /** EXIF GPSAltitude, else DJI AbsoluteAltitude. */
    GPS_ALTITUDE,
    /** DJI AbsoluteAltitude, else EXIF GPSAltitude. */
    DJI_ABSOLUTE_ALTITUDE
  }

  /**
   * The camera's intrinsics, or empty when nothing gives a focal length in pixels. The focal
   * length comes from, in order: DJI's calibrated focal length (pixels); the focal length in mm
   * times the pixel pitch, the pitch from Pix4D's XMP focal length or the EXIF focal length with
   * the EXIF focal plane resolution, else with {@link CameraSensors}' sensor width; else the
   * 35-mm-equivalent focal length through the image diagonal. Values the camera wrote for its
   * full image width are scaled to this file's width (a resized copy). The principal point is
   * DJI's calibrated optical centre, or Pix4D's XMP principal point when the pixel pitch is
   * known, else the image centre.
   */
  public Optional<Intrinsics> intrinsics() {
    double scale = exifImageWidthPx != null && exifImageWidthPx > 0
        ? (double) widthPx / exifImageWidthPx : 1;
    double cx = widthPx / 2.0;
    double cy = heightPx / 2.0;
    Double pxPerMm = pixelsPerMm(scale);
    if (positive(calibratedFocalPx)) {
      if (calibratedCentreXPx != null && calibratedCentreYPx != null) {
        cx = calibratedCentreXPx * scale;
        cy = calibratedCentreYPx * scale;
      }
      return Optional.of(new Intrinsics(widthPx, heightPx, calibratedFocalPx * scale, cx, cy,
          FocalSource.CALIBRATED));
    }
    if (pxPerMm != null && principalXMm != null && principalYMm != null) {
      cx = principalXMm * pxPerMm;
      cy = principalYMm * pxPerMm;
    }
    Double focalMm = positive(perspectiveFocalMm) ? perspectiveFocalMm : focalLengthMm;
    if (positive(focalMm) && pxPerMm != null) {
      FocalSource source = validFocalPlane(scale) ? FocalSource.FOCAL_PLANE_RESOLUTION
          : FocalSource.SENSOR_TABLE;
      return Optional.of(new Intrinsics(widthPx, heightPx, focalMm * pxPerMm, cx, cy, source));
    }
    if (positive(focalLength35mm)) {
      double f = focalLength35mm / FULL_FRAME_DIAGONAL_MM * Math.hypot(widthPx, heightPx);
      return Optional.of(new Intrinsics(widthPx, heightPx, f, cx, cy, FocalSource.EQUIVALENT_35MM));
    }
    return Optional.empty();
  }

  /**
   * The photo's position and attitude, or empty without a GPS position. The attitude is DJI's
   * gimbal angles ({@link AngleConvention#DJI_GIMBAL}, roll 0 when absent), else Pix4D's
   * {@code Camera:Yaw/Pitch/Roll} ({@link AngleConvention#YAW_PITCH_ROLL}), else unknown (null).
   * A position without any height gets height 0.
   */
  public Optional<GeoPose> geoPose(HeightSource heights) {
    if (lonDeg == null || latDeg == null) {
      return Optional.empty();
    }
    Double h = heights == HeightSource.DJI_ABSOLUTE_ALTITUDE
        ? first(absoluteAltitudeM, gpsAltitudeM) : first(gpsAltitudeM, absoluteAltitudeM);
    return Optional.of(new GeoPose(
        new GeoPoint(lonDeg, latDeg, h == null ? 0 : h), attitude(), gpsXyAccuracyM, gpsZAccuracyM));
  }

  /**
   * The photo's position with its height as the take-off point's height plus DJI's
   * RelativeAltitude, for flights whose take-off height is known better than the GPS altitude;
   * empty without a GPS position or a relative altitude.
   */
  public Optional<GeoPose> geoPoseAboveTakeOff(double takeOffHeightM) {
    if (lonDeg == null || latDeg == null || relativeAltitudeM == null) {
      return Optional.empty();
    }
    return Optional.of(new GeoPose(
        new GeoPoint(lonDeg, latDeg, takeOffHeightM + relativeAltitudeM), attitude(),
        gpsXyAccuracyM, gpsZAccuracyM));
  }

  /** The attitude from the XMP angles (camera to ENU at the photo), or null. */
  public Rotation attitude() {
    if (gimbalYawDeg != null && gimbalPitchDeg != null) {
      return AngleConvention.DJI_GIMBAL.cameraToEnu(
          gimbalYawDeg, gimbalPitchDeg, gimbalRollDeg == null ? 0 : gimbalRollDeg);
    }
    if (cameraYawDeg != null && cameraPitchDeg != null) {
      return AngleConvention.YAW_PITCH_ROLL.cameraToEnu(
          cameraYawDeg, cameraPitchDeg, cameraRollDeg == null ? 0 : cameraRollDeg);
    }
    return null;
  }

  /** Pixels per mm on the focal plane for this file's width, or null when unknown. */
  private Double pixelsPerMm(double scale) {
    if (validFocalPlane(scale)) {
      return focalPlaneXResolutionPerMm * scale;
    }
    Optional<Double> sensor = CameraSensors.sensorWidthMm(make, model);
    return sensor.map(w -> widthPx / w).orElse(null);
  }

  private boolean validFocalPlane(double scale) {
    if (!positive(focalPlaneXResolutionPerMm)) {
      return false;
    }
    double sensorMm = widthPx / (focalPlaneXResolutionPerMm * scale);
    return sensorMm >= MIN_SENSOR_MM && sensorMm <= MAX_SENSOR_MM;
  }

  private static boolean positive(Double v) {
    return v != null && v > 0 && Double.isFinite(v);
  }

  private static Double first(Double a, Double b) {
    return a != null ? a : b;
  }
}
