// Runs before the page is drawn (not deferred), so a chosen theme never flashes the other one.
(function () {
  var stored = localStorage.getItem("sitedeck-theme");
  if (stored === "light" || stored === "dark") {
    document.documentElement.dataset.theme = stored;
  }
  document.documentElement.classList.add("js");
})();
