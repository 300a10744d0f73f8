// Write / Preview on every markdown field (<textarea data-markdown>): Preview shows the text as the server's
// sanitising renderer will show it once saved; Write goes back to the text. Without script the field is a plain
// textarea. The tabs are buttons (keyboard and screen readers), the preview is announced when it changes.
(function () {
  var counter = 0;
  function csrf() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    } catch (e) {
      return {};
    }
  }
  function enhance(area) {
    if (area.getAttribute('data-markdown-ready')) { return; }
    area.setAttribute('data-markdown-ready', 'true');
    var id = area.id || ('md-' + (++counter));
    var bar = document.createElement('div');
    bar.className = 'md-tabs';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Markdown: write or preview');
    var write = document.createElement('button');
    write.type = 'button';
    write.className = 'md-tab';
    write.id = id + '-write';
    write.textContent = 'Write';
    write.setAttribute('aria-pressed', 'true');
    var preview = document.createElement('button');
    preview.type = 'button';
    preview.className = 'md-tab';
    preview.id = id + '-preview';
    preview.textContent = 'Preview';
    preview.setAttribute('aria-pressed', 'false');
    bar.appendChild(write);
    bar.appendChild(preview);
    var shown = document.createElement('div');
    shown.className = 'markdown md-preview';
    shown.id = id + '-shown';
    shown.hidden = true;
    shown.setAttribute('aria-live', 'polite');
    area.parentNode.insertBefore(bar, area);
    area.parentNode.insertBefore(shown, area.nextSibling);

    function showWrite() {
      shown.hidden = true;
      area.hidden = false;
      write.setAttribute('aria-pressed', 'true');
      preview.setAttribute('aria-pressed', 'false');
      area.focus();
    }
    function showPreview() {
      var headers = csrf();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      shown.textContent = 'Rendering…';
      shown.hidden = false;
      area.hidden = true;
      write.setAttribute('aria-pressed', 'false');
      preview.setAttribute('aria-pressed', 'true');
      fetch('/markdown/preview', { method: 'POST', headers: headers, credentials: 'same-origin',
        body: 'text=' + encodeURIComponent(area.value) })
        .then(function (r) { return r.text(); })
        .then(function (html) { shown.innerHTML = html; })
        .catch(function () { shown.textContent = 'The preview could not be loaded; your text is kept.'; });
    }
    write.addEventListener('click', showWrite);
    preview.addEventListener('click', showPreview);
  }
  function scan(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('textarea[data-markdown]').forEach(enhance);
  }
  document.addEventListener('DOMContentLoaded', function () { scan(document); });
  document.addEventListener('htmx:load', function (e) { scan(e.target); });
})();
