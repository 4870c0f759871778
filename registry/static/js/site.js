/* Partnerregister – progressive enhancement only. Every page works without this file. */
(function () {
  'use strict';

  // Lower-case and strip accents so "malmo" matches "Malmö" and "kobenhavn" matches "København".
  function fold(text) {
    return (text || '').normalize('NFD').toLowerCase().replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/\s+/g, ' ').trim();
  }

  // 1. Language switcher: submit when a new language is chosen with the mouse or touch.
  // Keyboard users (arrow keys fire "change" in some browsers) keep using the visible button.
  function initLanguageForms() {
    document.querySelectorAll('form.language-form').forEach(function (form) {
      var select = form.querySelector('select[name="language"]');
      if (!select) return;
      var usingKeys = false;
      select.addEventListener('keydown', function () { usingKeys = true; });
      select.addEventListener('pointerdown', function () { usingKeys = false; });
      select.addEventListener('change', function () {
        if (!usingKeys) form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  }

  // Filter the options (and optgroups) of a <select>.
  function filterSelect(select, query) {
    select.querySelectorAll('option').forEach(function (opt) {
      opt.hidden = query !== '' && !opt.selected && fold(opt.textContent).indexOf(query) === -1;
    });
    select.querySelectorAll('optgroup').forEach(function (group) {
      group.hidden = !group.querySelector('option:not([hidden])');
    });
  }

  // Filter the .choice elements of a container; open/hide <details> groups.
  function filterContainer(box, query) {
    box.querySelectorAll('.choice').forEach(function (choice) {
      choice.hidden = query !== '' && fold(choice.textContent).indexOf(query) === -1;
    });
    var was = box.dataset.filtering === '1', now = query !== '';
    box.dataset.filtering = now ? '1' : '';
    box.querySelectorAll('details').forEach(function (details) {
      if (now && !was) details.dataset.wasOpen = details.open ? '1' : ''; // restore on clear
      details.hidden = now && !details.querySelector('.choice:not([hidden])');
      if (now) details.open = true;
      else if (was) details.open = details.dataset.wasOpen === '1';
    });
  }

  // 2. Municipality filter: <input class="filter-input" data-filter-target="ID">.
  function initFilters() {
    document.querySelectorAll('input.filter-input[data-filter-target]').forEach(function (input) {
      var target = document.getElementById(input.getAttribute('data-filter-target'));
      if (!target) return;
      input.hidden = false; // rendered hidden: without this script it would do nothing
      var run = function () {
        var query = fold(input.value);
        if (target.tagName === 'SELECT') filterSelect(target, query);
        else filterContainer(target, query);
      };
      input.addEventListener('input', run);
      // Enter in the filter box must not submit the surrounding form.
      input.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
      if (input.value) run();
    });
  }

  // 3. Move focus to the error summary so screen-reader users hear the errors first.
  function focusErrorSummary() {
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    initLanguageForms();
    initFilters();
    focusErrorSummary();
  });
})();
