'use strict';
// The drawing page: white ink on a black pad; after each stroke the pad is sent as a PNG to the
// prediction API and the answer, the ten probabilities and the 28x28 picture the model saw are shown.
(function () {
  const STROKE_WIDTH = 20;   // on the 280x280 pad: strokes as thick, relative to the digit, as MNIST's
  const pad = document.getElementById('pad');
  const ctx = pad.getContext('2d');
  const prediction = document.getElementById('prediction');
  const confidence = document.getElementById('confidence');
  const top3 = document.getElementById('top3');
  const probabilities = document.getElementById('probabilities');
  const preprocessed = document.getElementById('preprocessed');
  const status = document.getElementById('status');
  const picker = document.getElementById('model-picker');
  let models = [];           // every loaded model version, from api/models
  let drawing = null;        // the pointer id drawing now, or null
  let inked = false;
  let sending = false;
  let pending = false;

  const bars = [];
  for (let d = 0; d < 10; d++) {
    const li = document.createElement('li');
    li.innerHTML = '<span class="digit">' + d + '</span><span class="bar"><span class="fill"></span></span>' +
      '<span class="value">0.000</span>';
    probabilities.appendChild(li);
    bars.push(li);
  }

  function clearPad() {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, pad.width, pad.height);
    inked = false;
    showNothing();
  }

  function showNothing() {
    prediction.textContent = '–';
    prediction.classList.remove('refused');
    confidence.textContent = '';
    top3.textContent = '';
    status.textContent = '';
    preprocessed.hidden = true;
    preprocessed.removeAttribute('src');
    bars.forEach(li => { li.classList.remove('top'); li.querySelector('.fill').style.width = '0';
      li.querySelector('.value').textContent = '0.000'; });
  }

  function point(event) {
    const r = pad.getBoundingClientRect();
    return { x: (event.clientX - r.left) * pad.width / r.width, y: (event.clientY - r.top) * pad.height / r.height };
  }

  pad.addEventListener('pointerdown', event => {
    if (drawing !== null) return;
    event.preventDefault();
    drawing = event.pointerId;
    pad.setPointerCapture(event.pointerId);
    const p = point(event);
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#fff';
    ctx.lineWidth = STROKE_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.arc(p.x, p.y, STROKE_WIDTH / 2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    inked = true;
  });

  pad.addEventListener('pointermove', event => {
    if (event.pointerId !== drawing) return;
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
    for (const e of (events.length ? events : [event])) {
      const p = point(e);
      ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
    const last = point(event);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
  });

  function endStroke(event) {
    if (event.pointerId !== drawing) return;
    drawing = null;
    send();
  }
  pad.addEventListener('pointerup', endStroke);
  pad.addEventListener('pointercancel', endStroke);

  document.getElementById('clear').addEventListener('click', clearPad);

  document.getElementById('upload').addEventListener('change', event => {
    const file = event.target.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('image', file, file.name);
    clearPad();
    request(form, null).finally(() => { event.target.value = ''; });
  });

  // Sends the pad; strokes finished while a request is on its way are sent once it is back.
  function send() {
    if (!inked) return;
    if (sending) { pending = true; return; }
    sending = true;
    pad.toBlob(blob => {
      request(blob, 'image/png').finally(() => {
        sending = false;
        if (pending) { pending = false; send(); }
      });
    }, 'image/png');
  }

  function request(body, contentType) {
    const headers = contentType ? { 'Content-Type': contentType } : {};
    return fetch('api/predict?preprocessed=true&probabilities=true' + chosenModelQuery(),
      { method: 'POST', headers: headers, body: body })
      .then(response => response.json().then(json => ({ ok: response.ok, json: json })))
      .then(({ ok, json }) => { if (ok) show(json); else showError(json.error || 'the server refused the picture'); })
      .catch(() => showError('the server cannot be reached'));
  }

  // A digit, or "not a digit" in plain words with the model's best guess (none for a blank page).
  function show(result) {
    status.textContent = '';
    const refused = result.notADigit === true;
    prediction.textContent = refused ? 'not a digit' : String(result.prediction);
    prediction.classList.toggle('refused', refused);
    const percent = c => c.digit + ': ' + (100 * c.probability).toFixed(1) + '%';
    if (result.top3) {
      confidence.textContent = (refused ? 'best guess ' + result.bestGuess + ', ' : '') + 'probability ' +
        result.probability.toFixed(3) + (result.calibrated ? '' : ' (uncalibrated)');
      top3.textContent = 'Most likely: ' + result.top3.map(percent).join(', ');
    } else {
      confidence.textContent = result.reason || '';
      top3.textContent = '';
    }
    const p = result.probabilities || [];
    const byDigit = new Array(10).fill(0);
    for (const c of result.top3 || []) byDigit[c.digit] = c.probability;
    bars.forEach((li, d) => {
      const value = p.length === 10 ? p[d] : byDigit[d];
      li.classList.toggle('top', !refused && d === result.prediction);
      li.querySelector('.fill').style.width = (100 * value).toFixed(1) + '%';
      li.querySelector('.value').textContent = value.toFixed(3);
    });
    if (result.preprocessed) {
      preprocessed.src = 'data:image/png;base64,' + result.preprocessed;
      preprocessed.hidden = false;
    }
  }

  function showError(message) {
    showNothing();
    status.textContent = message.charAt(0).toUpperCase() + message.slice(1) + '.';
  }

  // The model picker: one entry per loaded version, the default model's latest version chosen first.
  function chosenModelQuery() {
    const model = models[picker.selectedIndex];
    return model ? '&model=' + encodeURIComponent(model.name) + '&version=' + model.version : '';
  }

  function describe(model) {
    const name = model.file;
    document.getElementById('model').textContent = model.name + ' version ' + model.version + ' (' + model.architecture +
      '): ' + name + (model.testAccuracy != null ? ' (test accuracy ' + model.testAccuracy.toFixed(4) + ')' : '') +
      ', sha256 ' + model.sha256.slice(0, 12);
  }

  picker.addEventListener('change', () => {
    describe(models[picker.selectedIndex]);
    send();
  });

  fetch('api/models').then(r => r.json()).then(list => {
    models = list.models;
    let chosen = 0;
    models.forEach((model, i) => {
      const option = document.createElement('option');
      option.textContent = model.name + ' v' + model.version + ' (' + model.architecture + ')';
      picker.appendChild(option);
      if (model.name === list.default && (models[chosen].name !== list.default || model.version > models[chosen].version)) chosen = i;
    });
    picker.selectedIndex = chosen;
    describe(models[chosen]);
  }).catch(() => { document.getElementById('model').textContent = 'unknown'; });

  clearPad();
})();
