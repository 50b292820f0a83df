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
