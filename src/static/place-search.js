// Place picker search-as-you-type (ARIA 1.2 combobox), words from its data-* attributes.
// Enhancement only: the picker's lists work without it.
(function () {
  'use strict';

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    if (text) node.textContent = text;
    return node;
  }

  function setUp(picker, n) {
    var levels = picker.querySelector('.place-picker-levels');
    if (!levels || !window.fetch) return;
    var text = function (key) { return picker.getAttribute('data-' + key) || ''; };
    var english = document.documentElement.lang === 'en';
    var id = 'place-search-' + n;
    var input = make('input', {
      id: id, type: 'text', class: 'input', role: 'combobox', autocomplete: 'off',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id + '-list', 'aria-describedby': id + '-hint',
    });
    var list = make('ul', { id: id + '-list', role: 'listbox', class: 'combo-list', 'aria-label': text('label') });
    var status = make('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    var code = make('input', { type: 'hidden', name: text('code-field') });
    var wrap = make('div', { class: 'field combo' });
    [make('label', { for: id, class: 'label' }, text('label')), make('p', { id: id + '-hint', class: 'hint' }, text('hint')), input, list, status, code].forEach(function (node) { wrap.appendChild(node); });
    list.hidden = true;
    levels.parentNode.insertBefore(wrap, levels);

    var results = [], active = -1, timer, seq = 0;

    // "5-р хороо, Баянзүрх, Улаанбаатар"
    function describe(hit) {
      return hit.path.map(function (p) { return english ? p.name_en : p.name_mn; }).reverse().join(', ');
    }
    function open(isOpen) {
      list.hidden = !isOpen;
      input.setAttribute('aria-expanded', String(isOpen));
      if (!isOpen) highlight(-1);
    }
    function highlight(index) {
      var items = list.children;
      active = index;
      for (var i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', String(i === index));
      if (index < 0) return input.removeAttribute('aria-activedescendant');
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    }
    function release() {
      code.value = '';
      levels.hidden = false;
    }
    function show(hits) {
      results = hits;
      list.textContent = '';
      hits.forEach(function (hit, i) {
        var item = make('li', { id: id + '-option-' + i, role: 'option', 'aria-selected': 'false' }, describe(hit));
        item.addEventListener('mousedown', function (event) { event.preventDefault(); choose(i); });
        list.appendChild(item);
      });
      open(hits.length > 0);
      status.textContent = hits.length ? text(hits.length === 1 ? 'one' : 'many').replace('%d', hits.length) : text('none');
    }
    function choose(index) {
      var hit = results[index];
      clearTimeout(timer);
      seq++;
      code.value = hit.code;
      input.value = describe(hit);
      open(false);
      levels.hidden = true;
      status.textContent = text('chosen').replace('%s', input.value);
    }
    function search() {
      var query = input.value.trim();
      var mine = ++seq;
      if (query.length < 2) {
        results = [];
        return open(false);
      }
      fetch('/api/places/search?limit=8&q=' + encodeURIComponent(query), { headers: { accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (body) {
          if (mine === seq) show(body.results);
        })
        .catch(function () {
          if (mine === seq) status.textContent = text('failed');
        });
    }

    input.addEventListener('input', function () {
      if (code.value) release();
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener('keydown', function (event) {
      var key = event.key, all = results.length, count = list.hidden ? 0 : all;
      if ((key === 'ArrowDown' || key === 'ArrowUp') && all) {
        event.preventDefault();
        open(true);
        var step = key === 'ArrowDown' ? 1 : -1;
        highlight(active < 0 && step < 0 ? all - 1 : (active + step + all) % all);
      } else if (key === 'Enter' && count) {
        event.preventDefault();
        if (active >= 0) choose(active);
      } else if (key === 'Escape' && (count || input.value)) {
        event.preventDefault();
        if (count) return open(false);
        input.value = '';
        release();
      }
    });
    input.addEventListener('blur', function () { setTimeout(open, 150, false); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-place-picker]'), setUp);
})();
