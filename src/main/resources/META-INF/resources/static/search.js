// The project search box: "/" focuses it (like GitHub or Gitea), unless someone is typing in a field.
(function () {
  if (window.sbSearchShortcut) { return; }
  window.sbSearchShortcut = true;
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var box = document.querySelector('input[data-shortcut="/"]');
    if (!box) { return; }
    e.preventDefault();
    box.focus();
    box.select();
  });
})();
