// File pages: syntax highlighting by line, line selection (click, shift-click) with #L10-L14 permalinks,
// and the inline form that opens a review thread under the selected lines.
(function () {
  'use strict';
  var table, anchor = null, selection = null;
  // A line's row has no classes (review/CodeRows): <tr id=L7><td><a href=#L7>7</a><td>code. Thread rows have one cell.
  var CODE_CELLS = ':scope > tbody > tr[id^="L"] > td + td';
  var NUMBER_LINKS = 'tr[id^="L"] > td:first-child > a';

  // Highlights the whole file at once (so multi-line comments and strings stay right) in a worker, off the
  // page's thread (a 10,000-line file held the page for seconds), then cuts the result into lines, closing and
  // reopening the spans that cross a line break, and fills the rows a few hundred a frame.
  function highlight() {
    var lang = table.getAttribute('data-language');
    if (!lang || !window.Worker) { return; }
    var cells = table.querySelectorAll(CODE_CELLS);
    var text = Array.prototype.map.call(cells, function (c) { return c.textContent; }).join('\n');
    var worker = new Worker('/static/highlight-worker.js');
    worker.onmessage = function (e) {
      worker.terminate();
      if (e.data === null) { return; }
      var lines = split(e.data);
      if (lines.length !== cells.length) { return; }
      var i = 0;
      (function fill() {
        for (var end = Math.min(i + 400, cells.length); i < end; i++) {
          cells[i].innerHTML = lines[i];
          cells[i].classList.add('hljs');
        }
        if (i < cells.length) { requestAnimationFrame(fill); }
      })();
    };
    worker.postMessage({ text: text, language: lang });
  }

  function split(html) {
    var lines = [], open = [], current = '', re = /(<span[^>]*>)|(<\/span>)|(\n)|([^<\n]+)/g, m;
    while ((m = re.exec(html)) !== null) {
      if (m[1]) { open.push(m[1]); current += m[1]; }
      else if (m[2]) { open.pop(); current += m[2]; }
      else if (m[3]) { lines.push(current + '</span>'.repeat(open.length)); current = open.join(''); }
      else { current += m[4]; }
    }
    lines.push(current);
    return lines;
  }

  function row(n) { return document.getElementById('L' + n); }

  function select(start, end, updateHash) {
    if (end < start) { var t = start; start = end; end = t; }
    table.querySelectorAll('tr.selected').forEach(function (r) { r.classList.remove('selected'); });
    for (var i = start; i <= end; i++) { var r = row(i); if (r) { r.classList.add('selected'); } }
    selection = { start: start, end: end };
    var hash = start === end ? '#L' + start : '#L' + start + '-L' + end;
    if (updateHash) { history.replaceState(null, '', hash); }
    var bar = document.getElementById('line-selection');
    if (bar) {
      bar.hidden = false;
      document.getElementById('line-selection-label').textContent =
        start === end ? 'Line ' + start + ' selected' : 'Lines ' + start + '–' + end + ' selected';
    }
    var from = document.getElementById('range-start'), to = document.getElementById('range-end');
    if (from && to) { from.value = start; to.value = end; }
  }

  function openForm() {
    if (!selection || !window.htmx) { return; }
    var url = table.getAttribute('data-new-thread');
    var old = document.getElementById('new-thread-row');
    if (old) { old.remove(); }
    var after = row(selection.end);
    var tr = document.createElement('tr');
    tr.id = 'new-thread-row';
    tr.innerHTML = '<td colspan="2">Loading…</td>';
    after.parentNode.insertBefore(tr, after.nextSibling);
    htmx.ajax('GET', url + '?path=' + encodeURIComponent(table.getAttribute('data-path')) +
      '&lineStart=' + selection.start + '&lineEnd=' + selection.end +
      '&manifestVersion=' + encodeURIComponent(table.getAttribute('data-manifest-version') || '') +
      // On a page read at a branch or commit, the form and the thread it opens stay on it.
      (table.getAttribute('data-ref') ? '&ref=' + encodeURIComponent(table.getAttribute('data-ref')) : ''), { target: '#new-thread-row', swap: 'outerHTML' });
  }

  function fromHash() {
    var m = /^#L(\d+)(?:-L(\d+))?$/.exec(location.hash);
    if (!m) { return; }
    var start = parseInt(m[1], 10), end = m[2] ? parseInt(m[2], 10) : start;
    if (!row(start)) { return; }
    select(start, end, false);
    anchor = start;
    row(start).scrollIntoView({ block: 'center' });
  }

  function init() {
    table = document.getElementById('code');
    if (!table) { return; }
    table.addEventListener('click', function (e) {
      var link = e.target.closest(NUMBER_LINKS);
      if (!link) { return; }
      e.preventDefault();
      var n = parseInt(link.textContent, 10);
      if (e.shiftKey && anchor !== null) { select(anchor, n, true); } else { anchor = n; select(n, n, true); }
    });
    var button = document.getElementById('comment-selection');
    if (button) { button.addEventListener('click', openForm); }
    document.addEventListener('click', function (e) {
      if (e.target.classList && e.target.classList.contains('cancel-thread')) {
        var tr = e.target.closest('tr');
        if (tr) { tr.remove(); }
      }
    });
    document.body.addEventListener('htmx:afterSwap', function () {
      var body = document.getElementById('new-thread-body');
      if (body && !body.value) { body.focus(); }
    });
    fromHash();
    window.addEventListener('hashchange', fromHash);
    highlight();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
