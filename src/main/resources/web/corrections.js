// "That's wrong, it is a …": sends the drawing on the pad with the right digit to api/corrections, which
// keeps both for fine-tuning (train --fine-tune MODEL --corrections DIR). Kept apart from app.js.
"use strict";
(function () {
  const form = document.getElementById('correction');
  const pad = document.getElementById('pad');
  const label = document.getElementById('correct-label');
  const status = document.getElementById('correction-status');

  form.addEventListener('submit', event => {
    event.preventDefault();
    status.textContent = 'sending…';
    pad.toBlob(blob => {
      fetch('api/corrections?label=' + encodeURIComponent(label.value),
            { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: blob })
        .then(response => response.json().then(json => ({ ok: response.ok, json: json })))
        .then(({ ok, json }) => {
          status.textContent = ok ? 'kept as a ' + json.label + ', thank you' : (json.error || 'not kept');
        })
        .catch(() => { status.textContent = 'the server cannot be reached'; });
    }, 'image/png');
  });
})();
