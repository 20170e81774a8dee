// The anchors of bench/missions: a bare Javalin app from the same jar as `tessera serve` (same
// Javalin, Jetty and defaults; no request log, no authentication, no database).
//   GET  /                -> "hello"
//   POST /sink            -> reads the whole request body and keeps nothing (raw upload rate)
//   POST /sink-multipart  -> streams the multipart parts through Commons FileUpload, as Tessera's
//                            Uploads.read does, and keeps nothing (upload + multipart parsing)
// The POST routes answer with the number of bytes they read.
// usage: java -cp target/tessera.jar bench/missions.d/Hello.java   (prints `listening on URL`)
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

public class Hello {
  public static void main(String[] args) {
    Javalin app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.routes.get("/", ctx -> ctx.result("hello"));
              c.routes.post(
                  "/sink",
                  ctx -> {
                    try (InputStream in = ctx.req().getInputStream()) {
                      ctx.result(Long.toString(in.transferTo(OutputStream.nullOutputStream())));
                    }
                  });
              c.routes.post(
                  "/sink-multipart",
                  ctx -> {
                    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
                    long n = 0;
                    FileItemInputIterator it = upload.getItemIterator(ctx.req());
                    while (it.hasNext()) {
                      FileItemInput item = it.next();
                      try (InputStream in = item.getInputStream()) {
                        n += in.transferTo(OutputStream.nullOutputStream());
                      }
                    }
                    ctx.result(Long.toString(n));
                  });
            });
    app.start("127.0.0.1", 0);
    System.out.println("listening on http://127.0.0.1:" + app.port());
  }
}
