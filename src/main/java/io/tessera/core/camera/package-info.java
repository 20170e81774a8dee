/**
 * The camera model for marking ground control points: pinhole cameras placed in a local
 * East-North-Up frame, their ground footprints, and predictions of where a GCP shows on each
 * photo that improve as marks arrive.
 *
 * <p>Conventions, decided once:
 * <ul>
 *   <li>World: a {@link io.tessera.core.camera.LocalFrame}, East-North-Up metres tangent to the
 *       WGS 84 ellipsoid at a project origin (WGS 84 → ECEF → ENU).
 *   <li>Camera axes: x image right, y image down, z the viewing direction; a {@link
 *       io.tessera.core.camera.Pose} holds the camera-to-ENU rotation and the projection centre.
 *   <li>Pixels: Tessera's convention ({@link io.tessera.core.image.ImagePoint}): origin at the
 *       top-left corner of the top-left pixel, x right, y down, first pixel centre (0.5, 0.5).
 *       The camera model works on the image as stored; {@link
 *       io.tessera.core.camera.ImageOrientation} maps to the image as displayed under its EXIF
 *       orientation, where marks are placed and {@link io.tessera.core.camera.GcpPredictor}
 *       answers.
 *   <li>Angles, degrees, in one of three {@link io.tessera.core.camera.AngleConvention}s: DJI
 *       gimbal yaw/pitch/roll (pitch −90 = nadir), Pix4D / senseFly yaw/pitch/roll (pitch 0 =
 *       nadir), or photogrammetric omega/phi/kappa.
 * </ul>
 *
 * <p>Entry points: {@link io.tessera.core.camera.CameraExifReader} (intrinsics and a pose from a
 * photo's EXIF and XMP), {@link io.tessera.core.camera.CameraPositionFile} (imported poses),
 * {@link io.tessera.core.camera.Footprint#of}, {@link io.tessera.core.camera.Triangulation},
 * {@link io.tessera.core.camera.PoseCorrection} and {@link io.tessera.core.camera.GcpPredictor}.
 */
package io.tessera.core.camera;
