// Draws uPlot charts. A chart container either names compact data to fetch,
// data-chart-src="<url of JSON columns>" (the device page: its samples table is loaded only when
// opened), or a table the server rendered, data-chart-for="<table id>" (the table is the
// no-script fallback).
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

  // Each kind: the names of its columns (times first; the JSON's keys, the table's column order)
  // and the chart's options for its data.
  var kinds = {
    // Round-trip delay: min-max band with the median line; lost packets on a second axis.
    rtd: {
      columns: ["t", "min", "median", "max", "lost"],
      options: function (data) {
        return {
          data: data,
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
      }
    },
    // Speed tests: download and upload in Mbit/s.
    speed: {
      columns: ["t", "download", "upload"],
      options: function (data) {
        return {
          data: data,
          series: [{}, { label: "download Mbit/s", stroke: "#2e7d32", width: 2 }, { label: "upload Mbit/s", stroke: "#6a1b9a", width: 2 }],
          axes: [{}, { label: "Mbit/s" }]
        };
      }
    }
  };

  function fromTable(table, kind) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    return kinds[kind].columns.map(function (name, i) { return i === 0 ? times(rows) : column(rows, i); });
  }

  // The JSON is an object of equally long arrays, one per column name: t (epoch seconds), then the values.
  function fromColumns(json, kind) {
    return kinds[kind].columns.map(function (name) { return json[name] || []; });
  }

  function plot(el, data) {
    if (data[0].length === 0) {
      el.textContent = "No samples in this range.";
      return;
    }
    var options = kinds[el.dataset.kind].options(data);
    var zone = el.dataset.zone;
    options.width = width(el);
    options.height = 260;
    options.tzDate = function (ts) { return uPlot.tzDate(new Date(ts * 1000), zone); };
    el.textContent = "";
    charts.push({ el: el, plot: new uPlot(options, options.data, el) });
  }

  // Charts follow the window (a phone turned, a window resized); gone ones (a boosted page left) are dropped.
  var charts = [];
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      charts = charts.filter(function (chart) { return document.body.contains(chart.el); });
      charts.forEach(function (chart) { chart.plot.setSize({ width: width(chart.el), height: 260 }); });
    }, 100);
  });

  function draw(el) {
    if (!kinds[el.dataset.kind] || typeof uPlot === "undefined" || el.dataset.drawn) {
      return;
    }
    el.dataset.drawn = "yes";
    if (el.dataset.chartSrc) {
      fetch(el.dataset.chartSrc, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (json) { plot(el, fromColumns(json, el.dataset.kind)); })
        .catch(function () { el.textContent = "The chart could not be loaded; the samples table below has the figures."; });
      return;
    }
    var table = document.getElementById(el.dataset.chartFor);
    if (table) {
      plot(el, fromTable(table, el.dataset.kind));
    }
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-chart-for]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (event) { drawAll(event.target); });
})();
