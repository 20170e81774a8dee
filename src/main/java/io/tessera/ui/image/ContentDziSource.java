package io.tessera.ui.image;

import io.tessera.client.ApiException;
import io.tessera.client.DeepZoomClient;
import java.io.IOException;

/**
 * The tiles of a content item of the service's deep-zoom API, over HTTP: a 404 while the service
 * is still tiling means "not written yet".
 *
 * @param contentId the content's id, for sharing it
 */
public record ContentDziSource(DeepZoomClient client, String contentId, DziInfo info)
    implements DziSource {

  @Override
  public byte[] tile(int level, int column, int row) throws IOException {
    try {
      return client.tile(contentId, level, column, row, info.format());
    } catch (ApiException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
