// Specboard's small client script: htmx settings and a few progressive enhancements.
(function () {
  function configure() {
    if (!window.htmx) { return; }
    // Swap validation errors (422) and conflicts (409) like successes: they carry the re-rendered form.
    htmx.config.responseHandling = [
      { code: '204', swap: false },
      { code: '[23]..', swap: true },
      { code: '422', swap: true },
      { code: '409', swap: true },
      { code: '429', swap: true },
      { code: '[45]..', swap: true, error: true },
      { code: '...', swap: false }
    ];
    htmx.config.historyCacheSize = 0; // always ask the server: it answers full pages on history restore
    htmx.config.refreshOnHistoryMiss = true;
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', configure);
  } else {
    configure();
  }
  // Close the account menu with Escape, for keyboard users.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      document.querySelectorAll('details[open].account-menu').forEach(function (d) { d.removeAttribute('open'); });
    }
  });
})();
