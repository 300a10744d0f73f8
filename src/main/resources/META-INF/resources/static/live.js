// Live updates: one EventSource per page. Each server event "x" becomes the DOM event "sb:x" on
// <body>, so any element can refresh itself with hx-trigger="sb:x from:body".
(function () {
  if (!window.EventSource) { return; }
  // Project pages live under /projects/{slug}/...: their stream also carries that project's events.
  var match = location.pathname.match(/^\/projects\/([a-z0-9][a-z0-9-]+)/);
  var project = match && match[1] !== 'new' ? match[1] : '';
  var url = '/events' + (project ? '?project=' + encodeURIComponent(project) : '');
  var kinds = ['notification', 'board', 'thread', 'sync', 'job', 'task-note', 'lease-expired'];
  var source;
  function connect() {
    source = new EventSource(url);
    source.addEventListener('ready', function () { document.body.setAttribute('data-live', 'ready'); });
    kinds.forEach(function (kind) {
      source.addEventListener(kind, function () {
        if (window.htmx) { htmx.trigger(document.body, 'sb:' + kind); }
      });
    });
  }
  connect();
  window.addEventListener('beforeunload', function () { if (source) { source.close(); } });
})();
