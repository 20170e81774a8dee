/**
 * Ground control points and their file formats. The model: {@link
 * io.tessera.core.gcp.ControlPointSet} holds GCPs and checkpoints ({@link
 * io.tessera.core.gcp.ControlPoint}) in one CRS ({@link io.tessera.core.gcp.GcpCrs}), manual tie
 * points ({@link io.tessera.core.gcp.Mtp}) and marks on photos ({@link io.tessera.core.gcp.Mark}).
 * The formats, each a class with static {@code read} and {@code write}:
 *
 * <ul>
 *   <li>{@link io.tessera.core.gcp.OpfControlPoints}: OPF {@code input_control_points.json};
 *   <li>{@link io.tessera.core.gcp.OpfBundle}: the photogrammetry API's inputs zip with {@code
 *       manifest.json}, checked against its rules;
 *   <li>{@link io.tessera.core.gcp.OdmGcpList}: OpenDroneMap's {@code gcp_list.txt};
 *   <li>{@link io.tessera.core.gcp.Pix4dGcpCsv}: PIX4D's {@code label,x,y,z[,accH,accV]} CSV.
 * </ul>
 *
 * <p>Inside Tessera, coordinates are east first (x on the east–west axis, see {@link
 * io.tessera.core.crs}) and pixels follow ARCHITECTURE §11 ({@link io.tessera.core.image.ImagePoint}:
 * first pixel centre at (0.5, 0.5)); each reader and writer converts its format's conventions at the
 * boundary and documents them, with their sources. Numbers are read and written independently of
 * the default locale. Bad input is reported as a {@link io.tessera.core.gcp.GcpFormatException}
 * listing every problem with its line, what was expected and what was found.
 */
package io.tessera.core.gcp;
