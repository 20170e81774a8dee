// Tessera's share page: waits until the image is tiled, then opens it in OpenSeadragon.
// What happened is kept on the viewer element, for people and tests alike: data-state is
// waiting, preparing, opening, open, open-failed, failed or error; data-tiles-loaded and
// data-tiles-failed count OpenSeadragon's tile-loaded and tile-load-failed events.
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  var status = document.getElementById("status");
  var contentUrl = viewer.getAttribute("data-content");
  var counts = { "tiles-loaded": 0, "tiles-failed": 0 };

  function state(name, text) {
    viewer.setAttribute("data-state", name);
    status.textContent = text;
  }

  function count(name) {
    counts[name] += 1;
    viewer.setAttribute("data-" + name, String(counts[name]));
  }

  function open(dzi) {
    state("opening", "Loading the image…");
    viewer.setAttribute("data-tiles-loaded", "0");
    viewer.setAttribute("data-tiles-failed", "0");
    var osd = OpenSeadragon({
      id: "viewer",
      prefixUrl: viewer.getAttribute("data-images"),
      tileSources: dzi,
      showNavigator: true,
      navigatorPosition: "BOTTOM_RIGHT",
      maxZoomPixelRatio: 4,
      crossOriginPolicy: false
    });
    osd.addHandler("open", function () {
      state("open", "");
    });
    osd.addHandler("open-failed", function (e) {
      state("open-failed", "The image cannot be shown: " + (e.message || "it did not open"));
    });
    osd.addHandler("tile-loaded", function () {
      count("tiles-loaded");
    });
    osd.addHandler("tile-load-failed", function () {
      count("tiles-failed");
    });
    window.tesseraViewer = osd;
  }

  function poll() {
    fetch(contentUrl, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("the server answered " + r.status);
        }
        return r.json();
      })
      .then(function (content) {
        if (content.ready) {
          open(content.dzi.url);
        } else if (content.failed) {
          state("failed", "This image could not be tiled.");
        } else {
          state("preparing",
              "Preparing the image: " + Math.round(100 * content.progress) + "% done");
          setTimeout(poll, 1000);
        }
      })
      .catch(function (e) {
        state("error", "The image cannot be shown: " + e.message);
      });
  }

  state("waiting", "Loading…");
  poll();
})();
