// Sitedeck's page behaviour; no inline script anywhere (the CSP forbids it).

// htmx would inject its indicator styles inline, which the CSP refuses (a console error on every
// page): they are in sitedeck.css instead. Deferred scripts run before htmx initialises.
htmx.config.includeIndicatorStyles = false;

// A live stream that drops (the page is left, the server restarts) is normal: the extension
// reconnects and the page catches up. htmx would log each drop as "[object Event]" on the
// console, so the stream's error handler is called without the event object.
(function () {
  var create = htmx.createEventSource;
  if (!create) {
    return;
  }
  htmx.createEventSource = function (url) {
    var source = create(url);
    var handler = null;
    Object.defineProperty(source, "onerror", {
      get: function () { return handler; },
      set: function (fn) { handler = fn; }
    });
    source.addEventListener("error", function () {
      if (handler) {
        handler(null);
      }
    });
    return source;
  };
})();

// htmx requests carry the CSRF token from the page's meta tag.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers["X-CSRF-Token"] = meta.content;
  }
});

// A refused htmx request answered in HTML (422: a form back with the error next to its field;
// 409: notes saved by someone else first, both versions shown) is swapped in like a success.
// A plain-text refusal goes to the page's flash line as text, never as HTML, and the page stays.
document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  var type = xhr.getResponseHeader("Content-Type") || "";
  if (xhr.status >= 400 && type.indexOf("text/html") === 0) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

function showFlash(message) {
  var flash = document.getElementById("flash");
  if (flash) {
    flash.textContent = message;
    flash.hidden = !message;
  }
}

document.addEventListener("htmx:beforeRequest", function () {
  showFlash("");
});

document.addEventListener("htmx:responseError", function (event) {
  var xhr = event.detail.xhr;
  var type = xhr.getResponseHeader("Content-Type") || "";
  var text = type.indexOf("text/plain") === 0 && xhr.responseText
    ? xhr.responseText : "The request failed (" + xhr.status + " " + xhr.statusText + ").";
  showFlash(text);
});

document.addEventListener("htmx:sendError", function () {
  showFlash("Sitedeck did not answer: check the network and try again.");
});

// Light or dark: follows the system until the person chooses, then remembers the choice (theme.js applies it
// before the page is drawn). Delegated: the button is drawn again with every boosted page.
document.addEventListener("click", function (event) {
  if (!event.target || !event.target.closest || !event.target.closest("#theme-toggle")) {
    return;
  }
  var current = document.documentElement.dataset.theme
    || (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  var next = current === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  localStorage.setItem("sitedeck-theme", next);
});

// Boosted navigation is for reading: links and GET forms. Forms that change something, downloads, and links inside
// parts that set their own hx-target (which a boosted link would inherit) stay ordinary requests.
document.addEventListener("htmx:beforeProcessNode", function (event) {
  var elt = event.target;
  if (elt.tagName === "FORM") {
    if ((elt.getAttribute("method") || "get").toLowerCase() !== "get") {
      elt.setAttribute("hx-boost", "false");
    }
  } else if (elt.tagName === "A") {
    var href = elt.getAttribute("href") || "";
    var targeted = elt.parentElement && elt.parentElement.closest("[hx-target]");
    if (elt.hasAttribute("download") || /\.(csv|json)(\?|$)/.test(href) || (targeted && targeted !== document.body)) {
      elt.setAttribute("hx-boost", "false");
    }
  }
});

// The phone menu: the sections fold into a button below 900 px (CSS); the button opens and closes them.
window.sitedeckCloseMenu = function () {
  var menu = document.getElementById("sections");
  var button = document.getElementById("menu-button");
  if (!menu || !menu.classList.contains("open")) {
    return false;
  }
  menu.classList.remove("open");
  button.setAttribute("aria-expanded", "false");
  button.focus();
  return true;
};
document.addEventListener("click", function (event) {
  var button = event.target && event.target.closest ? event.target.closest("#menu-button") : null;
  if (button) {
    var open = document.getElementById("sections").classList.toggle("open");
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      var first = document.querySelector("#sections a");
      if (first) {
        first.focus();
      }
    }
    return;
  }
  // A click outside an open dropdown closes it, as menus do.
  document.querySelectorAll("details.dropdown[open]").forEach(function (details) {
    if (!details.contains(event.target)) {
      details.removeAttribute("open");
    }
  });
});

// The current section is marked in the top bar (aria-current), after full and boosted loads alike.
function markSection() {
  var path = window.location.pathname;
  var best = null;
  document.querySelectorAll("#sections a[data-section]").forEach(function (link) {
    var section = link.dataset.section;
    link.removeAttribute("aria-current");
    var matches = section === "/" ? path === "/" : path === section || path.indexOf(section + "/") === 0;
    if (matches && (!best || section.length > best.dataset.section.length)) {
      best = link;
    }
  });
  if (best) {
    best.setAttribute("aria-current", "page");
  }
}
document.addEventListener("DOMContentLoaded", markSection);
document.addEventListener("htmx:afterSettle", function (event) {
  if (event.detail && event.detail.boosted) {
    markSection();
  }
});
window.addEventListener("popstate", function () { setTimeout(markSection, 0); });

// A thin progress bar for whatever takes longer than 300 ms (boosted pages, panels, actions).
(function () {
  var pending = 0;
  var timer = null;
  function bar() {
    return document.getElementById("progress");
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail && event.detail.requestConfig && event.detail.requestConfig.verb === "get"
        && event.detail.elt && event.detail.elt.matches && event.detail.elt.matches(".fleet-search input")) {
      return;
    }
    pending++;
    if (!timer) {
      timer = setTimeout(function () {
        var b = bar();
        if (b && pending > 0) {
          b.classList.add("running");
        }
      }, 300);
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail && event.detail.elt && event.detail.elt.matches && event.detail.elt.matches(".fleet-search input")) {
      return;
    }
    pending = Math.max(0, pending - 1);
    if (pending === 0) {
      clearTimeout(timer);
      timer = null;
      var b = bar();
      if (b) {
        b.classList.remove("running");
      }
    }
  });
})();

// Live events (htmx SSE extension). Each message carries its event id; the stream's URL keeps
// the newest one, so when htmx opens a new connection after an outage it asks only for what the
// page missed. (A browser that reconnects by itself sends Last-Event-ID instead.)
document.addEventListener("htmx:sseMessage", function (event) {
  var id = event.detail && event.detail.lastEventId;
  var source = event.target && event.target.closest ? event.target.closest("[sse-connect]") : null;
  if (!id || !source) {
    return;
  }
  var url = source.getAttribute("sse-connect");
  var known = /[?&]after=(\d+)/.exec(url);
  // Events can arrive out of order; the newest id is where a new connection starts.
  if (!known || Number(id) > Number(known[1])) {
    source.setAttribute("sse-connect", url.replace(/([?&]after=)\d*/, "$1" + id));
  }
  var empty = document.getElementById("no-events");
  if (empty && source.id === "event-rows") {
    empty.remove();
  }
});

// Toasts (a vital device went down) leave by themselves after a while, or when dismissed.
document.addEventListener("htmx:sseMessage", function (event) {
  if (event.detail && event.detail.type === "toast") {
    var toasts = document.querySelectorAll("#toasts .toast");
    var toast = toasts[toasts.length - 1];
    if (toast) {
      setTimeout(function () { toast.remove(); }, 15000);
    }
  }
});
document.addEventListener("click", function (event) {
  if (event.target && event.target.classList && event.target.classList.contains("toast-close")) {
    event.target.closest(".toast").remove();
  }
});
