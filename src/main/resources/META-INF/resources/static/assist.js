// Assistant actions on a file page: the "Explain" form follows the selected lines (review.js selects
// them), "Rename…" starts from the word selected in the code, and the answer's link reloads the page
// so that the new thread shows at its lines.
(function () {
  'use strict';

  function syncLines() {
    var rows = document.querySelectorAll('#code tr.selected');
    var from = document.getElementById('explain-start'), to = document.getElementById('explain-end');
    if (!from || !to || rows.length === 0) { return; }
    from.value = rows[0].id.substring(1);
    to.value = rows[rows.length - 1].id.substring(1);
  }

  var lastWord = '';
  function rememberWord() {
    var sel = window.getSelection && window.getSelection();
    if (!sel || sel.rangeCount === 0) { return; }
    var code = document.getElementById('code');
    if (!code || !code.contains(sel.anchorNode)) { return; }
    var text = sel.toString().trim();
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text)) { lastWord = text; }
  }

  function init() {
    var code = document.getElementById('code');
    if (code) {
      code.addEventListener('click', function () { setTimeout(syncLines, 0); });
    }
    window.addEventListener('hashchange', function () { setTimeout(syncLines, 0); });
    setTimeout(syncLines, 0);
    document.addEventListener('selectionchange', rememberWord);
    var rename = document.getElementById('rename-symbol');
    if (rename) {
      rename.addEventListener('toggle', function () {
        var input = document.getElementById('rename-old');
        if (rename.open && input) {
          if (lastWord && !input.value) { input.value = lastWord; }
          (input.value ? document.getElementById('rename-new') : input).focus();
        }
      });
    }
    document.addEventListener('click', function (e) {
      var link = e.target.closest && e.target.closest('a.job-answer-link');
      if (!link) { return; }
      var url = new URL(link.href, location.href);
      if (url.pathname === location.pathname) {
        e.preventDefault();
        location.hash = url.hash;
        location.reload();
      }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
