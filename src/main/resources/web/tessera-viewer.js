// Tessera's share page: waits until the image is tiled, then opens it in OpenSeadragon.
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  var status = document.getElementById("status");
  var contentUrl = viewer.getAttribute("data-content");

  function show(text) {
    status.textContent = text;
  }

  function open(dzi) {
    show("");
    window.tesseraViewer = OpenSeadragon({
      id: "viewer",
      prefixUrl: viewer.getAttribute("data-images"),
      tileSources: dzi,
      showNavigator: true,
      navigatorPosition: "BOTTOM_RIGHT",
      maxZoomPixelRatio: 4,
      crossOriginPolicy: false
    });
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
          show("This image could not be tiled.");
        } else {
          show("Preparing the image: " + Math.round(100 * content.progress) + "% done");
          setTimeout(poll, 1000);
        }
      })
      .catch(function (e) {
        show("The image cannot be shown: " + e.message);
      });
  }

  poll();
})();
