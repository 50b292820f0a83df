// Draws uPlot charts from the data tables the server renders (the tables stay as the
// no-script fallback). A chart container names its table: data-chart-for="<table id>".
(function () {
  function column(rows, index) {
    return rows.map(function (row) {
      var text = row.cells[index].textContent.trim();
      return text === "" ? null : Number(text);
    });
  }

  function times(rows) {
    return rows.map(function (row) { return Number(row.dataset.t); });
  }

  function width(el) {
    return Math.max(300, el.clientWidth || 800);
  }

  var kinds = {
    // Round-trip delay: min-max band with the median line; lost packets on a second axis.
    rtd: function (rows) {
      return {
        data: [times(rows), column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4)],
        series: [
          {},
          { label: "min ms", stroke: "rgba(33,150,243,0.5)" },
          { label: "median ms", stroke: "#1565c0", width: 2 },
          { label: "max ms", stroke: "rgba(33,150,243,0.5)" },
          { label: "lost packets", stroke: "#c62828", scale: "packets", paths: uPlot.paths.bars({ size: [0.6, 6] }) }
        ],
        bands: [{ series: [3, 1], fill: "rgba(33,150,243,0.15)" }],
        axes: [{}, { label: "ms" }, { side: 1, scale: "packets", label: "lost", grid: { show: false } }]
      };
    },
    // Speed tests: download and upload in Mbit/s.
    speed: function (rows) {
      return {
        data: [times(rows), column(rows, 1), column(rows, 2)],
        series: [{}, { label: "download Mbit/s", stroke: "#2e7d32", width: 2 }, { label: "upload Mbit/s", stroke: "#6a1b9a", width: 2 }],
        axes: [{}, { label: "Mbit/s" }]
      };
    }
  };

  function draw(el) {
    var table = document.getElementById(el.dataset.chartFor);
    var build = kinds[el.dataset.kind];
    if (!table || !build || typeof uPlot === "undefined") {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length === 0) {
      el.textContent = "No samples in this range.";
      return;
    }
    var options = build(rows);
    var zone = el.dataset.zone;
    options.width = width(el);
    options.height = 260;
    options.tzDate = function (ts) { return uPlot.tzDate(new Date(ts * 1000), zone); };
    el.textContent = "";
    new uPlot(options, options.data, el);
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-chart-for]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (event) { drawAll(event.target); });
})();
