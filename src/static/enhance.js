// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // Move focus to an error summary so screen-reader users hear what went wrong.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();

  // Character counters for text areas with a limit.
  var areas = document.querySelectorAll('textarea[data-maxlength]');
  Array.prototype.forEach.call(areas, function (area) {
    var max = Number(area.getAttribute('data-maxlength'));
    if (!max) return;
    var counter = document.createElement('p');
    counter.className = 'char-count';
    counter.id = area.id + '-count';
    counter.setAttribute('aria-live', 'polite');
    area.parentNode.insertBefore(counter, area.nextSibling);
    var template = document.documentElement.lang === 'en' ? ' characters left' : ' тэмдэгт үлдсэн';
    var update = function () {
      counter.textContent = (max - area.value.length) + template;
    };
    area.addEventListener('input', update);
    update();
  });
})();
