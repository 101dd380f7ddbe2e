// The organisation's dashboard: draws the radar and progress charts from the JSON in #dashboard-data, then asks
// /api/v1/benchmarks/me every few seconds (with the ETag, so an unchanged state costs a 304) and writes new figures
// into the tables, the box plots and the charts. The server renders every figure, so the page says everything
// without this file; the geometry of the box plots is the one of Features/Dashboard/BoxPlotSvg.cs.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source) return;
  var page = JSON.parse(source.textContent);
  var data = page.data;
  var texts = page.texts;
  var one = new Intl.NumberFormat(page.culture, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var whole = new Intl.NumberFormat(page.culture, { maximumFractionDigits: 0 });
  var status = document.getElementById("dashboard-status");
  var svgNs = "http://www.w3.org/2000/svg";
  var box = { plotLeft: 225, plotWidth: 400 };

  var styles = getComputedStyle(document.documentElement);
  var brand = styles.getPropertyValue("--brand").trim() || "#0b4f9c";
  var ink = styles.getPropertyValue("--ink").trim() || "#1b1f24";
  var palette = [brand, "#b35900", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64"];

  function number(value) { return value === null || value === undefined ? texts.none : one.format(value); }

  function selectedGroup() {
    for (var i = 0; i < data.groups.length; i++) {
      if (data.groups[i].key === page.group) return data.groups[i];
    }
    return null;
  }

  function suppressedText(measure) { return measure.reason === "differencing" ? texts.differencing : texts.tooFew; }

  function cell(row, field) { return row.querySelector("[data-field='" + field + "']"); }

  // Writes the figures of a row: the own cells, then either the statistics or one cell saying why there are none.
  function fillRow(row, own, rank, statistics, fields) {
    cell(row, "score").textContent = number(own);
    cell(row, "rank").textContent = number(rank);
    var first = row.querySelector("[data-field='suppressed'], [data-field='" + fields[0] + "']");
    Array.prototype.forEach.call(row.querySelectorAll("[data-field='suppressed'], [data-field='count'], [data-field='p10'], [data-field='q1'], [data-field='median'], [data-field='q3'], [data-field='p90']"), function (td) {
      if (td !== first) td.remove();
    });
    var cells = [];
    if (statistics.suppressed) {
      var td = document.createElement("td");
      td.colSpan = fields.length;
      td.dataset.field = "suppressed";
      td.textContent = suppressedText(statistics);
      cells.push(td);
    } else {
      fields.forEach(function (field) {
        var figure = document.createElement("td");
        figure.className = "number";
        figure.dataset.field = field;
        figure.textContent = field === "count" ? whole.format(statistics.count) : number(statistics[field]);
        cells.push(figure);
      });
    }
    cells.forEach(function (c) { row.insertBefore(c, first); });
    first.remove();
  }

  function updateTables() {
    data.groups.forEach(function (group) {
      var row = document.querySelector("#groups-table tr[data-group='" + group.key + "']");
      var overall = group.measures[0];
      if (row) fillRow(row, overall.score, overall.percentileRank, overall.group, ["count", "median"]);
    });
    var selected = selectedGroup();
    if (selected) {
      selected.measures.forEach(function (measure) {
        var row = document.querySelector("#measures-table tr[data-measure='" + measure.measure + "']");
        if (row) fillRow(row, measure.score, measure.percentileRank, measure.group, ["count", "p10", "q1", "median", "q3", "p90"]);
      });
    }
    data.targets.forEach(function (target) {
      var row = document.querySelector("#targets-table tr[data-target='" + target.measure + "']");
      if (!row) return;
      cell(row, "target").textContent = whole.format(target.target);
      cell(row, "gap").textContent = target.gap === null ? texts.none : target.gap === 0 ? texts.reached : number(target.gap);
    });
  }

  function x(score) { return box.plotLeft + Math.min(100, Math.max(0, score)) * box.plotWidth / 100; }

  function shape(name, attributes) {
    var element = document.createElementNS(svgNs, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }

  function updateBoxPlots() {
    var selected = selectedGroup();
    if (!selected) return;
    var targets = {};
    data.targets.forEach(function (t) { targets[t.measure] = t.target; });
    selected.measures.forEach(function (measure) {
      var row = document.querySelector("#box-plot g.box-row[data-measure='" + measure.measure + "']");
      if (!row) return;
      var figures = row.querySelector("g.box-figures");
      var c = Number(row.getAttribute("data-center"));
      while (figures.firstChild) figures.removeChild(figures.firstChild);
      var s = measure.group;
      if (s.suppressed || s.p10 === null) {
        var text = shape("text", { "class": "box-suppressed", x: box.plotLeft + 4, y: c + 4 });
        text.textContent = suppressedText(s);
        figures.appendChild(text);
      } else {
        figures.appendChild(shape("line", { "class": "box-whisker", x1: x(s.p10), x2: x(s.p90), y1: c, y2: c }));
        figures.appendChild(shape("line", { "class": "box-whisker", x1: x(s.p10), x2: x(s.p10), y1: c - 6, y2: c + 6 }));
        figures.appendChild(shape("line", { "class": "box-whisker", x1: x(s.p90), x2: x(s.p90), y1: c - 6, y2: c + 6 }));
        figures.appendChild(shape("rect", { "class": "box-iqr", x: x(s.q1), y: c - 9, width: x(s.q3) - x(s.q1), height: 18 }));
        figures.appendChild(shape("line", { "class": "box-median", x1: x(s.median), x2: x(s.median), y1: c - 9, y2: c + 9 }));
      }
      if (targets[measure.measure] !== undefined) {
        var t = x(targets[measure.measure]);
        figures.appendChild(shape("line", { "class": "box-target", x1: t, x2: t, y1: c - 13, y2: c + 13 }));
      }
      if (measure.score !== null) figures.appendChild(shape("circle", { "class": "box-own", cx: x(measure.score), cy: c, r: 6 }));
    });
  }

  var pointStyles = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded", "cross"];
  var dashes = [[], [8, 4], [2, 3], [12, 4, 2, 4], [], [8, 4], [2, 3], [12, 4, 2, 4]];

  var radar = null;
  var progress = null;

  function radarData() {
    var selected = selectedGroup();
    var topics = selected ? selected.measures.slice(1) : [];
    return {
      labels: topics.map(function (m) { return m.title; }),
      datasets: [{
        label: texts.own,
        data: topics.map(function (m) { return m.score; }),
        borderColor: brand,
        backgroundColor: "rgba(11, 79, 156, 0.2)",
        pointBackgroundColor: brand,
        borderWidth: 2
      }, {
        label: texts.median,
        data: topics.map(function (m) { return m.group.suppressed ? null : m.group.median; }),
        borderColor: ink,
        backgroundColor: "rgba(0, 0, 0, 0)",
        borderDash: [6, 4],
        pointBackgroundColor: ink,
        borderWidth: 2
      }]
    };
  }

  function progressData() {
    var titles = {};
    var selected = selectedGroup();
    if (selected) selected.measures.forEach(function (m) { titles[m.measure] = m.title; });
    var keys = data.progress.length ? data.progress[0].scores.map(function (s) { return s.measure; }) : [];
    return {
      labels: data.progress.map(function (p) { return String(p.round); }),
      datasets: keys.map(function (key, i) {
        return {
          label: titles[key] || key,
          data: data.progress.map(function (p) { return p.scores[i].score; }),
          borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length],
          borderWidth: i === 0 ? 4 : 2,
          // Not by colour alone: each line has its own point shape and dash pattern, shown in the legend too.
          borderDash: dashes[i % dashes.length],
          pointStyle: pointStyles[i % pointStyles.length],
          pointRadius: 5,
          spanGaps: true
        };
      })
    };
  }

  function drawCharts() {
    if (typeof window.Chart === "undefined") return;
    var radarCanvas = document.getElementById("dashboard-radar");
    if (radarCanvas) {
      if (radar) { radar.data = radarData(); radar.update(); } else {
        radar = new window.Chart(radarCanvas, {
          type: "radar",
          data: radarData(),
          options: {
            animation: false,
            responsive: true,
            plugins: { legend: { labels: { color: ink } } },
            scales: { r: { min: 0, max: 100, ticks: { stepSize: 20, color: ink, backdropColor: "rgba(255, 255, 255, 0.8)" }, pointLabels: { color: ink, font: { size: 13 } } } }
          }
        });
      }
    }
    var progressCanvas = document.getElementById("dashboard-progress");
    if (progressCanvas) {
      if (progress) { progress.data = progressData(); progress.update(); } else {
        progress = new window.Chart(progressCanvas, {
          type: "line",
          data: progressData(),
          options: {
            animation: false,
            responsive: true,
            plugins: { legend: { labels: { color: ink, usePointStyle: true } } },
            scales: { y: { min: 0, max: 100, ticks: { color: ink } }, x: { ticks: { color: ink } } }
          }
        });
      }
    }
  }

  var etag = page.etag;

  function poll() {
    if (document.hidden) { schedule(); return; }
    var headers = { "Accept": "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    fetch(page.api, { headers: headers, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        etag = response.headers.get("ETag") || etag;
        return response.json();
      })
      .then(function (fresh) {
        if (fresh) {
          data = fresh;
          updateTables();
          updateBoxPlots();
          drawCharts();
          status.textContent = texts.updated.replace("{0}", new Date().toLocaleTimeString(page.culture));
        }
      })
      .catch(function () { status.textContent = texts.failed; })
      .then(schedule);
  }

  function schedule() { window.setTimeout(poll, page.intervalMs); }

  drawCharts();
  if (data.round !== null) schedule();
})();
