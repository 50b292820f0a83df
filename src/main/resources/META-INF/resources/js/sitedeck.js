// Sitedeck's page behaviour; no inline script anywhere (the CSP forbids it).

// htmx requests carry the CSRF token from the page's meta tag.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers["X-CSRF-Token"] = meta.content;
  }
});

// Light or dark: follows the system until the person chooses, then remembers the choice.
(function () {
  var stored = localStorage.getItem("sitedeck-theme");
  if (stored) {
    document.documentElement.dataset.theme = stored;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (!toggle) {
      return;
    }
    toggle.addEventListener("click", function () {
      var current = document.documentElement.dataset.theme
        || (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var next = current === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      localStorage.setItem("sitedeck-theme", next);
    });
  });
})();

// Keyboard: "/" focuses the page's search, "g" then "s" goes to the sites.
(function () {
  var lastG = 0;
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    if (event.key === "/") {
      var search = document.querySelector('input[type="search"]');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (event.key === "g") {
      lastG = Date.now();
    } else if (event.key === "s" && Date.now() - lastG < 1000) {
      window.location.href = "/agents";
    }
  });
})();
