package io.tessera.ui.scene3d;

import io.tessera.ui.scene3d.TerrainSource.TileGrid;
import io.tessera.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/**
 * The terrain's tiles in the scene graph: asks {@link LodSelector} which tiles a view needs, reads
 * and meshes the missing ones on the executor, and shows each needed tile as soon as it is ready
 * (until then its nearest loaded ancestor, or the descendants shown before). Lives on the FX
 * thread.
 */
final class TerrainLayer {
  private static final Logger LOG = Logger.getLogger(TerrainLayer.class.getName());
  /** Tiles kept in memory (grids, textures and meshes), beyond the ones shown. */
  private static final int CACHE_TILES = 400;

  private final Group group = new Group();
  private final TaskExecutor executor;
  private final Image ramp = SampleTerrain.colourRamp();
  private final Map<TileKey, Tile> tiles = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<TileKey> pending = new HashSet<>();
  private final Set<TileKey> failed = new HashSet<>();
  private final ReadOnlyIntegerWrapper triangles = new ReadOnlyIntegerWrapper(this, "triangles");
  private final ReadOnlyBooleanWrapper idle = new ReadOnlyBooleanWrapper(this, "idle", true);
  private TerrainSource source;
  private TerrainTextures textures;
  private double exaggeration = 1;
  private volatile int generation;
  private volatile Set<TileKey> wanted = Set.of();
  private List<TileKey> desired = List.of();
  private Set<TileKey> shown = Set.of();
  private boolean selected = true;

  private record Tile(TileGrid grid, Image texture, MeshView view, double exaggeration,
      int triangles) {}

  private record Built(TileGrid grid, Image texture, TriangleMesh mesh, double exaggeration,
      int triangles) {}

  TerrainLayer(TaskExecutor executor) {
    this.executor = executor;
    group.setId("terrain");
    // picking thousands of triangles on every mouse move costs; the pane ray-casts itself
    group.setMouseTransparent(true);
  }

  Group node() {
    return group;
  }

  /** Shows another DSM (null: none), dropping every tile of the previous one. */
  void setSource(TerrainSource src, TerrainTextures tex) {
    generation++;
    source = src;
    textures = tex;
    tiles.clear();
    pending.clear();
    failed.clear();
    desired = List.of();
    wanted = Set.of();
    shown = Set.of();
    group.getChildren().clear();
    triangles.set(0);
    // not idle until the first view has chosen its tiles
    selected = src == null;
    updateIdle();
  }

  TerrainSource source() {
    return source;
  }

  /** Heights are redrawn at this exaggeration; tiles are re-meshed as they are needed. */
  void setExaggeration(double e) {
    exaggeration = e;
    for (TileKey k : desired) {
      request(k);
    }
    updateIdle();
  }

  /** Chooses and loads the tiles for a view. */
  void update(LodSelector.View view, double maxPixelsPerCell, int budget) {
    if (source == null) {
      return;
    }
    desired = LodSelector.select(source, exaggeration, view, maxPixelsPerCell, budget).tiles();
    wanted = Set.copyOf(desired);
    selected = true;
    // coarse tiles first: they cover the view soonest
    List<TileKey> order = new ArrayList<>(desired);
    order.sort((a, b) -> Integer.compare(a.level(), b.level()));
    for (TileKey k : order) {
      request(k);
    }
    refresh();
  }

  private void request(TileKey k) {
    Tile have = tiles.get(k);
    if (pending.contains(k) || failed.contains(k)
        || have != null && have.exaggeration == exaggeration) {
      return;
    }
    pending.add(k);
    int gen = generation;
    TerrainSource src = source;
    TerrainTextures tex = textures;
    double ex = exaggeration;
    executor.run(
        () -> {
          if (gen != generation || !wanted.contains(k)) {
            return null;
          }
          TileGrid grid = have != null ? have.grid : src.read(k);
          Image img = have != null ? have.texture : tex == null ? null : image(tex, src, grid);
          TerrainMesh mesh = TerrainMesh.build(src, grid, ex, tex == null
              ? TerrainMesh.Texturing.ELEVATION_RAMP : TerrainMesh.Texturing.TILE_IMAGE);
          return new Built(grid, img, mesh.toTriangleMesh(), ex, mesh.triangles());
        },
        built -> {
          if (gen != generation) {
            return;
          }
          pending.remove(k);
          if (built != null) {
            install(k, built);
          }
          if ((built == null || built.exaggeration != exaggeration) && wanted.contains(k)) {
            request(k);
          }
          refresh();
        },
        e -> {
          if (gen != generation) {
            return;
          }
          pending.remove(k);
          failed.add(k);
          LOG.log(Level.WARNING, "terrain tile " + k + " could not be read", e);
          refresh();
        });
  }

  private static Image image(TerrainTextures tex, TerrainSource src, TileGrid grid)
      throws java.io.IOException {
    int size = TerrainTextures.tileSize(grid.size());
    int[] argb = tex.tileImage(src, grid);
    WritableImage img = new WritableImage(size, size);
    img.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0,
        size);
    return img;
  }

  private void install(TileKey k, Built b) {
    MeshView view = new MeshView(b.mesh);
    PhongMaterial m = new PhongMaterial(Color.WHITE);
    m.setDiffuseMap(b.texture != null ? b.texture : ramp);
    m.setSpecularColor(Color.gray(0.06));
    view.setMaterial(m);
    view.setCullFace(CullFace.NONE);
    tiles.put(k, new Tile(b.grid, b.texture, view, b.exaggeration, b.triangles));
    if (tiles.size() > CACHE_TILES) {
      var it = tiles.keySet().iterator();
      while (tiles.size() > CACHE_TILES && it.hasNext()) {
        TileKey old = it.next();
        if (!wanted.contains(old) && !shown.contains(old)) {
          it.remove();
        }
      }
    }
  }

  private void refresh() {
    Set<TileKey> reps = new LinkedHashSet<>();
    for (TileKey k : desired) {
      if (tiles.containsKey(k)) {
        reps.add(k);
        continue;
      }
      TileKey a = k;
      while (a.level() > 0 && !tiles.containsKey(a)) {
        a = a.parent();
      }
      if (tiles.containsKey(a)) {
        reps.add(a);
      } else {
        for (TileKey s : shown) {
          if (k.contains(s) && tiles.containsKey(s)) {
            reps.add(s);
          }
        }
      }
    }
    reps.removeIf(r -> reps.stream().anyMatch(o -> !o.equals(r) && o.contains(r)));
    List<Node> nodes = new ArrayList<>(reps.size());
    int count = 0;
    for (TileKey k : reps) {
      Tile t = tiles.get(k);
      nodes.add(t.view);
      count += t.triangles;
    }
    // compared node by node: a re-meshed tile (new exaggeration) has the same key, a new view
    if (!nodes.equals(group.getChildren())) {
      group.getChildren().setAll(nodes);
    }
    shown = reps;
    triangles.set(count);
    updateIdle();
  }

  private void updateIdle() {
    boolean done = selected && pending.isEmpty();
    for (TileKey k : desired) {
      Tile t = tiles.get(k);
      done &= failed.contains(k) || t != null && t.exaggeration == exaggeration;
    }
    idle.set(done);
  }

  /** Triangles shown now, skirts included. */
  ReadOnlyIntegerProperty trianglesProperty() {
    return triangles.getReadOnlyProperty();
  }

  /** True when every tile the view needs is shown at the current exaggeration. */
  ReadOnlyBooleanProperty idleProperty() {
    return idle.getReadOnlyProperty();
  }

  /** The tiles shown now. */
  Set<TileKey> shownTiles() {
    return shown;
  }
}
