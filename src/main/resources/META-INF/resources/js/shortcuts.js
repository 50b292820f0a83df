// Keyboard: "/" search, "g" then h/s/e/a to go somewhere, "?" the list, Escape closes what is open.
// Keys typed into a field are the field's, except Escape.
(function () {
  var GO = { h: "/", s: "/agents", e: "/events", a: "/alerts" };
  var pendingG = 0;

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Through the section's own link, so a boosted page swaps without a full load, as a click would.
  // htmx boosts the links of a swapped-in page only when it settles (20 ms after the swap); a shortcut pressed in
  // between would follow an unboosted link with a full load, so the link is processed first (htmx skips a node it
  // has already processed).
  function go(path) {
    var link = document.querySelector('#sections a[href="' + path + '"]');
    if (link) {
      if (window.htmx) {
        window.htmx.process(link);
      }
      link.click();
    } else {
      window.location.href = path;
    }
  }

  function openShortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }

  // Escape closes open menus and confirmations (details elements), innermost first, and puts the focus back on
  // their summary; an open dialog closes itself.
  function closeOpen() {
    var open = Array.prototype.slice.call(document.querySelectorAll("details[open]"));
    if (open.length === 0) {
      return false;
    }
    open.reverse().forEach(function (details) {
      details.removeAttribute("open");
    });
    var summary = open[open.length - 1].querySelector("summary");
    if (summary) {
      summary.focus();
    }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "Escape") {
      var menu = document.getElementById("sections");
      if (closeOpen() || (menu && menu.classList.contains("open") && window.sitedeckCloseMenu())) {
        event.preventDefault();
      }
      return;
    }
    if (typing(event.target)) {
      return;
    }
    if (event.key === "/") {
      var search = document.querySelector('.fleet-search input[type="search"]') || document.querySelector('input[type="search"]');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (event.key === "?") {
      event.preventDefault();
      openShortcuts();
    } else if (event.key === "g") {
      pendingG = Date.now();
    } else if (GO[event.key] && Date.now() - pendingG < 1500) {
      pendingG = 0;
      event.preventDefault();
      go(GO[event.key]);
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("[data-shortcuts-open]")) {
      openShortcuts();
    }
  });
})();
