// The live page: reads the run's events from /events (server-sent events, one JSON object each) and
// draws the loss and accuracy curves: training points every few steps, validation once per epoch.
"use strict";

const run = { epochs: 0, train: [], val: [], done: false };
const charts = {
  loss: { canvas: document.getElementById("loss-chart"), train: "loss", val: "valLoss" },
  accuracy: { canvas: document.getElementById("accuracy-chart"), train: "accuracy", val: "valAccuracy", max: 1 },
};

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function duration(seconds) {
  if (seconds === undefined || seconds === null) return "–";
  const s = Math.round(seconds);
  return s >= 60 ? Math.floor(s / 60) + " min " + (s % 60) + " s" : s + " s";
}

function forget(afterEpoch) {
  run.train = run.train.filter(p => p.progress <= afterEpoch);
  run.val = run.val.filter(p => p.epoch <= afterEpoch);
  const rows = document.querySelectorAll("#epochs tbody tr");
  rows.forEach(r => { if (Number(r.dataset.epoch) > afterEpoch) r.remove(); });
}

function addEpochRow(e) {
  const row = document.createElement("tr");
  row.dataset.epoch = e.epoch;
  [e.epoch, e.loss.toFixed(4), e.accuracy.toFixed(4), e.valLoss.toFixed(4), e.valAccuracy.toFixed(4), e.seconds.toFixed(1)]
    .forEach(v => { const td = document.createElement("td"); td.textContent = v; row.appendChild(td); });
  document.querySelector("#epochs tbody").appendChild(row);
}

function receive(e) {
  switch (e.type) {
    case "start":
      run.epochs = e.epochs;
      text("network", "— " + e.message);
      text("status", "training");
      break;
    case "resume":
      run.epochs = e.epochs;
      forget(e.epoch);
      text("status", "resumed after epoch " + e.epoch);
      break;
    case "step":
      run.train.push({ progress: e.progress, loss: e.loss, accuracy: e.accuracy });
      text("epoch", e.epoch + " / " + run.epochs + " (step " + e.step + " of " + e.steps + ")");
      if (e.learningRate !== undefined) text("learning-rate", e.learningRate.toPrecision(3));
      if (e.examplesPerSecond !== undefined) text("speed", Math.round(e.examplesPerSecond).toString());
      text("time-left", duration(e.secondsLeft));
      break;
    case "epoch":
      run.val.push({ epoch: e.epoch, valLoss: e.valLoss, valAccuracy: e.valAccuracy });
      addEpochRow(e);
      text("time-left", duration(e.secondsLeft));
      break;
    case "end":
      run.done = true;
      text("status", "finished: " + e.message + "; best epoch " + e.epoch);
      text("time-left", "0 s");
      source.close();                          // the run is over: no reconnecting
      break;
  }
  text("points", run.train.length);
  draw();
}

function draw() {
  for (const chart of Object.values(charts)) {
    drawChart(chart);
  }
}

function drawChart(chart) {
  const c = chart.canvas;
  const g = c.getContext("2d");
  const w = c.width, h = c.height, left = 52, right = 12, top = 10, bottom = 30;
  g.clearRect(0, 0, w, h);
  const ys = run.train.map(p => p[chart.train]).concat(run.val.map(p => p[chart.val])).filter(Number.isFinite);
  c.dataset.points = run.train.length + run.val.length;
  if (ys.length === 0) return;
  let lo = Math.min(...ys), hi = Math.max(...ys);
  if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  const pad = (hi - lo) * 0.05;
  lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;          // losses and accuracies are not negative
  hi = chart.max !== undefined ? Math.min(chart.max, hi + pad) : hi + pad;
  const xMax = Math.max(run.epochs, 1);
  const x = v => left + (w - left - right) * v / xMax;
  const y = v => top + (h - top - bottom) * (1 - (v - lo) / (hi - lo));

  g.strokeStyle = "#ccc"; g.fillStyle = "#555"; g.font = "11px sans-serif"; g.lineWidth = 1;
  g.beginPath(); g.moveTo(left, top); g.lineTo(left, h - bottom); g.lineTo(w - right, h - bottom); g.stroke();
  for (let i = 0; i <= 4; i++) {
    const v = lo + (hi - lo) * i / 4;
    g.fillText(v.toFixed(3), 4, y(v) + 4);
  }
  for (let epoch = 0; epoch <= xMax; epoch++) {
    g.fillText(String(epoch), x(epoch) - 3, h - bottom + 14);
  }
  g.fillText("epoch", w - right - 32, h - 4);

  g.strokeStyle = "#1f77b4"; g.lineWidth = 1.5; g.beginPath();
  run.train.forEach((p, i) => { i === 0 ? g.moveTo(x(p.progress), y(p[chart.train])) : g.lineTo(x(p.progress), y(p[chart.train])); });
  g.stroke();
  g.fillStyle = "#d62728";
  run.val.forEach(p => { g.beginPath(); g.arc(x(p.epoch), y(p[chart.val]), 4, 0, 2 * Math.PI); g.fill(); });
}

const source = new EventSource("events");
source.onmessage = m => receive(JSON.parse(m.data));
source.onerror = () => {
  if (run.done) {
    source.close();
  } else if (source.readyState === EventSource.CLOSED) {
    text("status", "disconnected");
  }
};
window.addEventListener("beforeunload", () => source.close());
