package io.tessera.api.http;

import io.javalin.http.Context;
import io.tessera.service.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Streamed multipart uploads (Commons FileUpload's streaming API): each part is handed over as a
 * stream while the request is read, so files go straight into the blob store and never whole into
 * memory or a temp folder. Limits are per route; a body whose declared length is over the route's
 * limit is refused before any of it is read.
 */
public final class Uploads {
  private static final int MAX_FIELD_BYTES = 64 * 1024;

  private Uploads() {}

  /**
   * The limits of one route.
   *
   * @param maxFileBytes one file part
   * @param maxTotalBytes the whole request body
   * @param maxParts files and fields together
   */
  public record Limits(long maxFileBytes, long maxTotalBytes, int maxParts) {}

  /** Receives the parts in the order they arrive. */
  public interface Parts {
    void field(String name, String value);

    /** Must read {@code content} (or not) before returning; it is gone afterwards. */
    void file(String field, String fileName, String contentType, InputStream content)
        throws IOException;
  }

  /**
   * Reads a {@code multipart/form-data} request part by part.
   *
   * @throws DomainException.UnsupportedMediaType when the body is not multipart
   * @throws DomainException.TooLarge over a limit
   * @throws DomainException.BadRequest when the body is not well-formed multipart
   */
  public static void read(Context ctx, Limits limits, Parts parts) throws IOException {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new DomainException.UnsupportedMediaType(
          "send the files as multipart/form-data, not " + (type == null ? "no content type" : type));
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limits.maxTotalBytes()) {
      throw new DomainException.TooLarge(limits.maxTotalBytes());
    }
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setSizeMax(limits.maxTotalBytes());
    upload.setFileSizeMax(limits.maxFileBytes());
    upload.setFileCountMax(limits.maxParts());
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    try {
      FileItemInputIterator it = upload.getItemIterator(ctx.req());
      while (it.hasNext()) {
        FileItemInput item = it.next();
        try (InputStream in = item.getInputStream()) {
          if (item.isFormField()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
              throw new DomainException.TooLarge(MAX_FIELD_BYTES);
            }
            parts.field(item.getFieldName(), new String(value, StandardCharsets.UTF_8));
          } else {
            parts.file(item.getFieldName(), item.getName(), item.getContentType(), in);
          }
        }
      }
    } catch (IOException e) {
      throw translate(e, limits);
    }
  }

  private static IOException translate(IOException e, Limits limits) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileUploadSizeException s) {
        throw new DomainException.TooLarge(
            s.getPermitted() > 0 ? s.getPermitted() : limits.maxTotalBytes());
      }
      if (t instanceof FileUploadFileCountLimitException) {
        throw new DomainException.Invalid("at most " + limits.maxParts() + " parts per request");
      }
      if (t instanceof FileUploadException) {
        throw new DomainException.BadRequest("malformed multipart body: " + t.getMessage());
      }
    }
    return e;
  }
}
