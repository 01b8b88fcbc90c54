/* global document, window, fetch */
// Progressive enhancement only: without JavaScript a reload shows the current count.
// Polls the petition's count endpoint every few seconds and updates the number in place.
(function () {
  'use strict';
  var el = document.querySelector('[data-live-count]');
  if (!el || !window.fetch) return;
  var src = el.getAttribute('data-src');
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'mn-MN';
  var format = new Intl.NumberFormat(lang);
  var delay = 3000;
  function tick() {
    fetch(src, { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && typeof data.count === 'number') {
          var text = format.format(data.count);
          if (el.textContent !== text) el.textContent = text;
        }
        delay = 3000;
      })
      .catch(function () { delay = Math.min(delay * 2, 60000); })
      .then(function () { if (!document.hidden || delay > 3000) setTimeout(tick, delay); else setTimeout(tick, 10000); });
  }
  setTimeout(tick, delay);
})();
