// A plan's chat: the assistant's answer appears as it is written. The chat's event stream sends
// "token" pieces of a pending answer, "done" when it is stored and "changed" when a chat of the
// project changed on another server; the log then reloads its messages (rendered by the server).
(function () {
  var log = function () { return document.getElementById('chat-log'); };
  if (!log() || !window.EventSource) { return; }
  var buffered = {};   // text that arrived before its message was on the page
  var finished = {};   // answers already stored
  var source;

  function refresh() {
    var el = log();
    if (el && window.htmx) {
      htmx.ajax('GET', el.getAttribute('data-refresh'), { target: '#chat-log', swap: 'outerHTML' });
    }
  }

  function settle() {
    var el = log();
    if (!el) { return; }
    Object.keys(buffered).forEach(function (id) {
      var target = el.querySelector('[data-stream-for="' + id + '"]');
      if (target) { target.textContent = buffered[id]; }
    });
    // An answer stored before the page showed it as pending: ask for the stored version.
    var stale = Array.prototype.some.call(el.querySelectorAll('[data-stream-for]'), function (t) {
      return finished[t.getAttribute('data-stream-for')];
    });
    if (stale) { refresh(); }
  }

  function connect() {
    source = new EventSource(log().getAttribute('data-events'));
    source.addEventListener('ready', function () {
      var el = log();
      document.body.setAttribute('data-chat-live', 'ready');
      if (el && el.querySelector('[data-stream-for]')) { refresh(); }
    });
    source.addEventListener('token', function (e) {
      var piece = JSON.parse(e.data);
      buffered[piece.m] = (buffered[piece.m] || '') + piece.t;
      var target = log() && log().querySelector('[data-stream-for="' + piece.m + '"]');
      if (target) { target.textContent = buffered[piece.m]; }
    });
    source.addEventListener('done', function (e) {
      var piece = JSON.parse(e.data);
      finished[piece.m] = true;
      refresh();
    });
    source.addEventListener('changed', function () {
      if (log() && log().querySelector('[data-stream-for]')) { refresh(); }
    });
  }

  // Ctrl+Enter (Cmd+Enter on a Mac) sends, as in other chats; Enter alone still makes a new line.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !e.target || e.target.id !== 'chat-content') { return; }
    var form = e.target.form;
    if (!form) { return; }
    e.preventDefault();
    if (form.requestSubmit) { form.requestSubmit(); } else { form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })); }
  });

  // The page says the shortcut works only once it does: the hint is hidden in the page, shown here (again after each swap
  // of the form) and then describes the message box.
  function showHint() {
    var hint = document.getElementById('chat-hint');
    var box = document.getElementById('chat-content');
    if (!hint || !box) { return; }
    hint.hidden = false;
    var by = (box.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (by.indexOf('chat-hint') < 0) { box.setAttribute('aria-describedby', by.concat('chat-hint').join(' ')); }
  }
  showHint();
  document.body.addEventListener('htmx:afterSettle', showHint);

  // After a message is sent (or refused), the cursor is back in the message box for the next one, not on the Send button.
  document.body.addEventListener('htmx:afterSettle', function (e) {
    var from = e.detail && e.detail.requestConfig && e.detail.requestConfig.elt;
    var box = document.getElementById('chat-content');
    if (from && from.id === 'chat-form' && box) { box.focus(); }
  });

  document.body.addEventListener('htmx:afterSettle', settle);
  connect();
  window.addEventListener('beforeunload', function () { if (source) { source.close(); } });
})();
