// The console's only own script (the CSP allows scripts from this folder alone).
// Charts read their figures from data-chart attributes rendered by the server.
"use strict";

function drawTrend(element) {
  const data = JSON.parse(element.dataset.chart);
  const chart = echarts.init(element, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: data.days },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ name: element.dataset.seriesName, type: "line", data: data.counts,
               areaStyle: { opacity: 0.15 }, smooth: false }],
  });
  element.dataset.drawn = "1";
  window.addEventListener("resize", () => chart.resize());
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-chart]").forEach(drawTrend);
});
