// The service index dashboards: a choropleth of commune scores (our own boundaries), the daily
// trend, late dossiers by procedure. Data comes from the page (json_script "chart-data").
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var words = data.words || {};
  var charts = [];
  // Figures as the page writes them (ADR 17): 1.234 and 84,4 in Vietnamese, 1,234 and 84.4 in English.
  var numbers = new Intl.NumberFormat(document.documentElement.lang || "vi", { maximumFractionDigits: 1 });
  function number(v) { return (v === null || v === undefined || isNaN(v)) ? "—" : numbers.format(v); }
  function make(id) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) return null;
    var chart = echarts.init(el, null, { renderer: "canvas" });
    charts.push(chart);
    return chart;
  }
  var bands = { pieces: [
    { min: 90, label: "≥ 90", color: "#2e7d32" },
    { min: 75, max: 90, label: "75–90", color: "#f9a825" },
    { max: 75, label: "< 75", color: "#c62828" }
  ], left: 8, bottom: 8 };

  // The first view frames where most communes are: a province's far islands (HCMC's Côn Đảo)
  // would otherwise shrink the mainland to a corner. The islands stay one scroll away.
  function mainView(geo) {
    var boxes = geo.features.map(function (f) {
      var box = [Infinity, Infinity, -Infinity, -Infinity];
      (function walk(c) {
        if (typeof c[0] === "number") {
          box[0] = Math.min(box[0], c[0]); box[1] = Math.min(box[1], c[1]);
          box[2] = Math.max(box[2], c[0]); box[3] = Math.max(box[3], c[1]);
        } else { c.forEach(walk); }
      })(f.geometry.coordinates);
      return box;
    });
    function pct(values, q) { values.sort(function (a, b) { return a - b; }); return values[Math.floor(q * (values.length - 1))]; }
    var cx = boxes.map(function (b) { return (b[0] + b[2]) / 2; }), cy = boxes.map(function (b) { return (b[1] + b[3]) / 2; });
    var lo = [pct(cx.slice(), 0.02), pct(cy.slice(), 0.02)], hi = [pct(cx.slice(), 0.98), pct(cy.slice(), 0.98)];
    var all = [Infinity, Infinity, -Infinity, -Infinity], main = [Infinity, Infinity, -Infinity, -Infinity];
    boxes.forEach(function (b, i) {
      all = [Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])];
      if (cx[i] >= lo[0] && cx[i] <= hi[0] && cy[i] >= lo[1] && cy[i] <= hi[1]) {
        main = [Math.min(main[0], b[0]), Math.min(main[1], b[1]), Math.max(main[2], b[2]), Math.max(main[3], b[3])];
      }
    });
    if (!isFinite(main[0])) return { center: null, zoom: 1 };
    var zoom = Math.min((all[2] - all[0]) / (main[2] - main[0]), (all[3] - all[1]) / (main[3] - main[1]));
    return { center: [(main[0] + main[2]) / 2, (main[1] + main[3]) / 2], zoom: Math.max(1, zoom * 0.95) };
  }

  var trend = make("trend");
  if (trend && data.trend) {
    trend.setOption({
      tooltip: { trigger: "axis", valueFormatter: number },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 32, bottom: 32 },
      xAxis: { type: "category", data: data.trend.map(function (d) { return d.day; }) },
      yAxis: [{ type: "value", name: words.dossiers, axisLabel: { formatter: number } }, { type: "value", name: "%", min: function (v) { return Math.max(0, Math.floor(v.min - 2)); }, max: 100 }],
      series: [
        { name: words.received, type: "bar", data: data.trend.map(function (d) { return d.received; }) },
        { name: words.on_time + " %", type: "line", yAxisIndex: 1, data: data.trend.map(function (d) { return d.on_time; }) },
        { name: words.online + " %", type: "line", yAxisIndex: 1, data: data.trend.map(function (d) { return d.online; }) }
      ]
    });
  }

  var procedures = make("procedures");
  if (procedures && data.procedures) {
    procedures.setOption({
      tooltip: { valueFormatter: number },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: number } },
      yAxis: { type: "category", inverse: true, data: data.procedures.map(function (p) { return p.name; }),
               axisLabel: { width: 220, overflow: "truncate" } },
      series: [{ type: "bar", data: data.procedures.map(function (p) { return p.value; }), itemStyle: { color: "#c62828" } }]
    });
  }

  var map = make("map");
  if (map && data.shapes_url) {
    map.showLoading();
    fetch(data.shapes_url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (geo) {
      echarts.registerMap("province", geo);
      var view = mainView(geo);
      var labels = {};
      data.scores.forEach(function (s) { labels[s.name] = s.label; });
      map.hideLoading();
      map.setOption({
        tooltip: { formatter: function (p) { return (labels[p.name] || p.name) + ": " + (isNaN(p.value) ? words.not_measured : number(p.value)); } },
        visualMap: bands,
        series: [{ type: "map", map: "province", nameProperty: "code", roam: true, data: data.scores,
                   center: view.center, zoom: view.zoom,
                   emphasis: { label: { show: false } }, itemStyle: { borderColor: "#fff", borderWidth: 0.5 } }]
      });
      map.on("click", function (p) {
        if (p.name) window.location.href = data.unit_url.replace("00000", p.name);
      });
      document.getElementById("map").dataset.ready = "1";
    });
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
