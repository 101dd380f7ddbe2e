// Draws the radar chart of the results page from the JSON in #results-data. The table below the chart holds the same
// figures, so the page says everything without this file.
(function () {
  "use strict";
  var data = document.getElementById("results-data");
  var canvas = document.getElementById("results-chart");
  if (!data || !canvas || typeof window.Chart === "undefined") return;
  var results = JSON.parse(data.textContent);

  var styles = getComputedStyle(document.documentElement);
  var brand = styles.getPropertyValue("--brand").trim() || "#0b4f9c";
  var ink = styles.getPropertyValue("--ink").trim() || "#1b1f24";

  new window.Chart(canvas, {
    type: "radar",
    data: {
      labels: results.labels,
      datasets: [{
        label: results.label,
        data: results.values,
        spanGaps: false,
        borderColor: brand,
        backgroundColor: "rgba(11, 79, 156, 0.2)",
        pointBackgroundColor: brand,
        borderWidth: 2
      }]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      plugins: { legend: { display: false } },
      scales: {
        r: {
          min: 0,
          max: results.max,
          ticks: { stepSize: 20, color: ink, backdropColor: "rgba(255, 255, 255, 0.8)" },
          pointLabels: { color: ink, font: { size: 13 } }
        }
      }
    }
  });
})();
