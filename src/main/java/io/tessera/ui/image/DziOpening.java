package io.tessera.ui.image;

/**
 * A {@link DziSource} whose tiles may still be being made, as a {@link DziOpener} returns it. The
 * pane polls it on a timer while it is not {@linkplain #isComplete() complete}, and asks the
 * source again for the tiles it lacked. Implementations are thread-safe.
 */
public interface DziOpening {

  DziSource source();

  /** The share of the tiles made so far, 0..1. */
  double progress();

  /** Whether every tile exists: the source will not change any more. */
  boolean isComplete();

  /**
   * Why making the tiles stopped, in the user's words, or null while it goes on or went well.
   * The tiles made so far may be gone then.
   */
  ImageReadException failure();

  /** Stops making the tiles (nobody will look at them); the opening is of no use afterwards. */
  void cancel();

  /** An opening of a source whose tiles all exist. */
  static DziOpening complete(DziSource source) {
    return new DziOpening() {
      @Override
      public DziSource source() {
        return source;
      }

      @Override
      public double progress() {
        return 1;
      }

      @Override
      public boolean isComplete() {
        return true;
      }

      @Override
      public ImageReadException failure() {
        return null;
      }

      @Override
      public void cancel() {
        // nothing is being made
      }
    };
  }
}
