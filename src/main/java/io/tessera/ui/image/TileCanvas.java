package io.tessera.ui.image;

import io.tessera.core.dzi.DziPyramid;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Draws the image of an {@link ImageViewModel} from its pyramid's tiles, on a {@link Canvas} the
 * size of this region: the level whose pixels match the screen's, and where a tile of it is not
 * loaded yet, the nearest coarser one that is (scaled up, blurred) and any finer ones still
 * cached (after zooming out). Tiles load through a {@link TileLoader} into a {@link
 * TileImageCache}; each frame asks for the tiles it lacks, centre first, and drops the rest.
 *
 * <p>A canvas rather than image views: {@code ImageView.setSmooth(false)} is ignored by the ES2
 * and software pipelines (measured), while the canvas's {@code setImageSmoothing(false)} shows
 * zoomed full-resolution pixels as the crisp squares that pixel-exact marking needs.
 *
 * <p>Drawing happens in the layout pass after something changed ({@link #markDirty()}), at most
 * once a pulse however many tiles arrived or properties changed since the last. Where painting is
 * done in software, frames drawn while the view moves skip smoothing, and the view is redrawn
 * smoothly once it has been still for {@link #SETTLE}.
 */
final class TileCanvas extends Region {
  private static final System.Logger LOG = System.getLogger(TileCanvas.class.getName());
  /** Screen-pixel scale above which full-resolution pixels are drawn as crisp squares. */
  static final double CRISP_ABOVE_SCALE = 1.5;
  /** Where the image will be once its tiles are there. */
  private static final Color PENDING = Color.web("#e3e7ec");
  /** How long the view must stay still before a draft frame is redrawn smoothly. */
  static final Duration SETTLE = Duration.millis(150);
  /** Decoding threads: tiles decode in a few milliseconds, and the machine may have two cores. */
  private static final int LOADER_THREADS = 2;

  /**
   * What a frame drew.
   *
   * @param number frames drawn so far, this one included
   * @param level the level the view needs
   * @param tiles tiles of that level in view
   * @param sharpTiles those drawn from their own tile rather than a stand-in
   * @param images tile images drawn, stand-ins included (0: nothing of the image is on screen)
   * @param drawNanos time the FX thread took to draw it (the painting comes later, elsewhere)
   * @param draft drawn without image smoothing while the view moves
   */
  record Frame(long number, int level, int tiles, int sharpTiles, int images, long drawNanos,
      boolean draft) {
    /** Whether every tile in view was drawn at the level the view needs. */
    boolean sharp() {
      return sharpTiles == tiles;
    }
  }

  private final ImageViewModel viewModel;
  private final Canvas canvas = new Canvas();
  private final TileImageCache cache;
  private final TileLoader loader;
  /** Tiles the source did not have (yet) or could not give; asked again after a source change. */
  private final Set<TileId> missing = new HashSet<>();
  private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
  /** Bumped for every image and every source change; loads say which one asked for them. */
  private long generation;
  private long imageGeneration;
  private long frames;
  private boolean dirty = true;
  /**
   * Whether frames drawn while the view moves skip image smoothing. Only where painting is done
   * in software (no 3D there): smoothing triples what Prism's software pipeline spends on every
   * pixel (measured: 20 against 6 ms for a 1280 × 800 canvas of tiles on this machine, idle), and
   * zooming with the wheel paints a smoothed full canvas every frame; a GPU smooths for free.
   */
  private final boolean draftWhileMoving = !Platform.isSupported(ConditionalFeature.SCENE3D);
  private final PauseTransition settled = new PauseTransition(SETTLE);
  /** Whether the view moved less than {@link #SETTLE} ago: frames are drafts (no smoothing). */
  private boolean moving;
  private String lastFailureLogged;

  TileCanvas(ImageViewModel viewModel) {
    this.viewModel = viewModel;
    this.cache = new TileImageCache(TileImageCache.DEFAULT_BYTE_BUDGET);
    this.loader = new TileLoader(LOADER_THREADS, this::arrived);
    canvas.setManaged(false);
    getChildren().add(canvas);
    viewModel.imageProperty().addListener((o, was, is) -> {
      imageGeneration = ++generation;
      cache.clear();
      missing.clear();
      markDirty();
    });
    viewModel.sourceRevisionProperty().addListener((o, was, is) -> {
      ++generation;
      missing.clear();
      markDirty();
    });
    viewModel.scaleProperty().addListener((o, was, is) -> moved());
    viewModel.offsetXProperty().addListener((o, was, is) -> moved());
    viewModel.offsetYProperty().addListener((o, was, is) -> moved());
    settled.setOnFinished(e -> {
      moving = false;
      markDirty();
    });
  }

  /** The view moved: redraw, in draft while it goes on, and smoothly once it has stopped. */
  private void moved() {
    markDirty();
    if (draftWhileMoving) {
      moving = true;
      settled.playFromStart();
    }
  }

  /** Redraws in the next layout pass. */
  void markDirty() {
    dirty = true;
    requestLayout();
  }

  /** The last frame drawn; null before the first with an image. */
  ReadOnlyObjectProperty<Frame> frameProperty() {
    return frame.getReadOnlyProperty();
  }

  /** The cached tile of the overview level (the whole image in one tile), for the minimap; or null. */
  Image overview() {
    OpenImage img = viewModel.imageProperty().get();
    if (img == null) {
      return null;
    }
    return cache.get(new TileId(TileGrid.overviewLevel(img.getInfo(), img.coarsestLevel()), 0, 0));
  }

  /** Tiles queued or being fetched and decoded; for tests. */
  int pendingTiles() {
    return loader.pending();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      viewModel.setViewportSize(w, h);
      dirty = true;
    }
    if (dirty) {
      dirty = false;
      draw();
    }
  }

  private void draw() {
    long start = System.nanoTime();
    GraphicsContext g = canvas.getGraphicsContext2D();
    OpenImage img = viewModel.imageProperty().get();
    Viewport view = viewModel.viewport();
    if (img == null || !(view.scale() > 0) || view.width() <= 0 || view.height() <= 0) {
      g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
      loader.want(img, generation, List.of());
      return;
    }
    DziInfo info = img.getInfo();
    DziPyramid pyramid = info.pyramid();
    // on a high-density screen a screen pixel is several device pixels: finer levels show there
    double density = getScene() == null || getScene().getWindow() == null
        ? 1 : getScene().getWindow().getOutputScaleX();
    int level = TileGrid.levelFor(info, view.scale() * density, img.coarsestLevel());
    TileId overview = new TileId(TileGrid.overviewLevel(info, img.coarsestLevel()), 0, 0);
    clear(g, info, view, cache.contains(overview), level >= overview.level());
    List<TileId> visible = TileGrid.visible(info, level, view);
    TileGrid.Area shown = new TileGrid.Area(
        Math.max(0, view.pixelX(0)), Math.max(0, view.pixelY(0)),
        Math.min(info.width(), view.pixelX(view.width())),
        Math.min(info.height(), view.pixelY(view.height())));

    Set<TileId> wanted = new LinkedHashSet<>();
    if (!cache.contains(overview) && !missing.contains(overview)) {
      wanted.add(overview);
    }
    int sharp = 0;
    int drawn = 0;
    for (TileId tile : visible) {
      TileGrid.Area area = clip(TileGrid.area(info, tile), shown);
      Image own = cache.get(tile);
      if (own != null) {
        drawPart(g, pyramid, info, tile, own, area, view);
        sharp++;
        drawn++;
        continue;
      }
      if (!missing.contains(tile)) {
        wanted.add(tile);
      }
      drawn += drawStandIns(g, pyramid, info, tile, area, view, overview.level(), wanted);
    }
    cache.protectRecent(drawn + 1);
    loader.want(img, generation, List.copyOf(wanted));
    frame.set(new Frame(
        ++frames, level, visible.size(), sharp, drawn, System.nanoTime() - start, moving));
  }

  /**
   * Clears what the tiles will not paint over. With the overview loaded (and the view at its
   * level or finer: it stands in for every tile there), every tile in view gets at least that
   * drawn over it; when the tiles are also opaque (JPEG), only the margins around the image need
   * clearing. Clearing the whole canvas is a pass over every pixel, which the software pipeline
   * feels (a sixth of its painting time while panning, measured). Until the overview is there
   * (the tiles are still being made, or the first ones are on their way), the image's area is
   * shaded, so that its extent shows.
   */
  private void clear(GraphicsContext g, DziInfo info, Viewport view, boolean overviewLoaded,
      boolean overviewStandsIn) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    // to whole pixels outwards: tiles may leave a partly covered column at the image's edges
    double left = Math.max(0, Math.min(w, Math.ceil(view.screenX(0))));
    double top = Math.max(0, Math.min(h, Math.ceil(view.screenY(0))));
    double right = Math.max(left, Math.min(w, Math.floor(view.screenX(info.width()))));
    double bottom = Math.max(top, Math.min(h, Math.floor(view.screenY(info.height()))));
    String format = info.format().toLowerCase(Locale.ROOT);
    if (!overviewLoaded || !overviewStandsIn || !(format.equals("jpg") || format.equals("jpeg"))) {
      g.clearRect(0, 0, w, h);
      if (!overviewLoaded) {
        g.setFill(PENDING);
        g.fillRect(left, top, right - left, bottom - top);
      }
      return;
    }
    g.clearRect(0, 0, w, top);
    g.clearRect(0, bottom, w, h - bottom);
    g.clearRect(0, top, left, bottom - top);
    g.clearRect(right, top, w - right, bottom - top);
  }

  /**
   * Fills a tile not loaded yet with its finer tiles when they are all still cached (after
   * zooming out), else with the nearest coarser tile that is loaded and whichever finer ones are.
   * When its own tile is known to be missing (not made yet), asks for the nearest coarser one
   * that may exist instead. Returns how many images it drew.
   *
   * <p>Each screen pixel is drawn as few times as can be: in the software pipeline, painting
   * costs about the same for every pixel drawn, whatever the number of images.
   */
  private int drawStandIns(GraphicsContext g, DziPyramid pyramid, DziInfo info, TileId tile,
      TileGrid.Area area, Viewport view, int coarsest, Set<TileId> wanted) {
    List<TileId> children = TileGrid.children(info, tile);
    boolean allChildren = !children.isEmpty();
    for (TileId child : children) {
      allChildren &= cache.contains(child);
    }
    int drawn = 0;
    boolean asked = !missing.contains(tile);
    for (int level = tile.level() - 1; level >= coarsest && !allChildren; level--) {
      TileId up = tile.ancestor(level);
      Image image = cache.get(up);
      if (image != null) {
        drawPart(g, pyramid, info, up, image, area, view);
        drawn++;
        break;
      }
      if (!asked && !missing.contains(up)) {
        wanted.add(up);
        asked = true;
      }
    }
    for (TileId child : children) {
      Image image = cache.get(child);
      if (image != null) {
        drawPart(g, pyramid, info, child, image, clip(TileGrid.area(info, child), area), view);
        drawn++;
      }
    }
    return drawn;
  }

  /**
   * Draws the part of tile {@code source}'s image that covers {@code area} (image pixels) at its
   * place on screen.
   *
   * <p>Smoothed, screen edges are rounded from image positions, so that neighbouring tiles share
   * them exactly: no seams, no overlaps, and whole-pixel copies at 1:1. Crisp (full resolution
   * zoomed in), every pixel goes exactly where the view transform puts it, so that the square
   * under the cursor is the pixel the status bar names; each tile then also draws its overlap
   * with its neighbours, cut to whole screen pixels, which leaves no seam between them.
   */
  private void drawPart(GraphicsContext g, DziPyramid pyramid, DziInfo info,
      TileId source, Image image, TileGrid.Area area, Viewport view) {
    DziPyramid.TileBounds bounds = pyramid.tile(source.level(), source.column(), source.row());
    double f = TileGrid.factor(info, source.level());
    // a source may serve tiles of another size than the descriptor says (a stand-in, a preview)
    double kx = image.getWidth() / bounds.width();
    double ky = image.getHeight() / bounds.height();
    boolean crisp = source.level() == info.maxLevel() && view.scale() >= CRISP_ABOVE_SCALE;
    // the part to draw in the tile's own pixels
    double x0 = area.x0() / f - bounds.x();
    double y0 = area.y0() / f - bounds.y();
    double x1 = area.x1() / f - bounds.x();
    double y1 = area.y1() / f - bounds.y();
    double left;
    double top;
    double right;
    double bottom;
    if (crisp) {
      // with the overlap, then inwards to whole screen pixels: no edge is antialiased against
      // what lies below, and at 1.5 screen pixels per pixel or more the overlap still covers
      // the seam; only the image's outer edges may lose a partly covered screen column
      left = Math.ceil(view.screenX((bounds.x() + Math.max(0, x0 - info.overlap())) * f));
      top = Math.ceil(view.screenY((bounds.y() + Math.max(0, y0 - info.overlap())) * f));
      right = Math.floor(view.screenX((bounds.x() + Math.min(bounds.width(), x1 + info.overlap())) * f));
      bottom = Math.floor(view.screenY((bounds.y() + Math.min(bounds.height(), y1 + info.overlap())) * f));
      x0 = view.pixelX(left) / f - bounds.x();
      y0 = view.pixelY(top) / f - bounds.y();
      x1 = view.pixelX(right) / f - bounds.x();
      y1 = view.pixelY(bottom) / f - bounds.y();
    } else {
      left = Math.round(view.screenX(area.x0()));
      top = Math.round(view.screenY(area.y0()));
      right = Math.round(view.screenX(area.x1()));
      bottom = Math.round(view.screenY(area.y1()));
    }
    if (right <= left || bottom <= top) {
      return;
    }
    g.setImageSmoothing(!crisp && !moving);
    g.drawImage(image, x0 * kx, y0 * ky, (x1 - x0) * kx, (y1 - y0) * ky,
        left, top, right - left, bottom - top);
  }

  private static TileGrid.Area clip(TileGrid.Area a, TileGrid.Area to) {
    return new TileGrid.Area(Math.max(a.x0(), to.x0()), Math.max(a.y0(), to.y0()),
        Math.min(a.x1(), to.x1()), Math.min(a.y1(), to.y1()));
  }

  private void arrived(long gen, TileId tile, Image image, IOException failure) {
    if (gen < imageGeneration) {
      return; // a tile of an image closed meanwhile
    }
    if (image != null) {
      cache.put(tile, image);
      markDirty();
      return;
    }
    if (failure != null) {
      String why = String.valueOf(failure.getMessage());
      if (!why.equals(lastFailureLogged)) {
        lastFailureLogged = why;
        LOG.log(System.Logger.Level.WARNING, "image tiles fail to load (first: " + tile + ")",
            failure);
      }
    }
    if (gen == generation) {
      // (an answer from before the last source change says nothing about the tile now; the
      // loader asks again if it is still wanted)
      missing.add(tile);
      markDirty();
    }
  }
}
