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
  function tab(id, label, pressed) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'md-tab';
    b.id = id;
    b.textContent = label;
    b.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    return b;
  }

  function enhance(area) {
    if (area.getAttribute('data-markdown-ready')) { return; }
    area.setAttribute('data-markdown-ready', 'true');
    var id = area.id || ('md-' + (++counter));
    var bar = document.createElement('div');
    bar.className = 'md-tabs';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Markdown: write or preview');
    var write = tab(id + '-write', 'Write', true);
    var preview = tab(id + '-preview', 'Preview', false);
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
        // data-markdown="lines": the page shows single line breaks as written (acceptance criteria), so does the preview.
        body: 'text=' + encodeURIComponent(area.value) + (area.getAttribute('data-markdown') === 'lines' ? '&lines=true' : '') })
        .then(function (r) { return r.text(); })
        .then(function (html) { shown.innerHTML = html; })
        .catch(function () { shown.textContent = 'The preview could not be loaded; your text is kept.'; });
    }
    write.addEventListener('click', showWrite);
    preview.addEventListener('click', showPreview);
    mentions(area, id);
  }

  // @mentions: typing "@" and the start of a name offers the project's members (arrow keys, Enter or Tab to
  // take one, Escape to close). The list is announced through aria-activedescendant on the field itself.
  var project = location.pathname.match(/^\/projects\/([a-z0-9][a-z0-9-]+)/);
  function mentions(area, id) {
    if (!project || project[1] === 'new') { return; }
    var list = document.createElement('ul');
    list.className = 'mention-list';
    list.id = id + '-mentions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Members to mention');
    list.hidden = true;
    area.parentNode.insertBefore(list, area.nextSibling);
    area.setAttribute('aria-autocomplete', 'list');
    area.setAttribute('aria-controls', list.id);
    var active = -1, items = [], timer = null, asked = '';

    function word() {
      var before = area.value.slice(0, area.selectionStart);
      var m = before.match(/(^|[^A-Za-z0-9_.+\-@\/`])@([A-Za-z0-9_.-]{0,38})$/);
      return m ? m[2] : null;
    }
    function close() {
      list.hidden = true;
      list.innerHTML = '';
      items = [];
      active = -1;
      area.removeAttribute('aria-activedescendant');
    }
    function mark(i) {
      active = i;
      items.forEach(function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
      if (i >= 0) { area.setAttribute('aria-activedescendant', items[i].id); }
    }
    function take(i) {
      var name = items[i].getAttribute('data-username');
      var caret = area.selectionStart;
      var before = area.value.slice(0, caret).replace(/@([A-Za-z0-9_.-]*)$/, '@' + name + ' ');
      area.value = before + area.value.slice(caret);
      area.selectionStart = area.selectionEnd = before.length;
      close();
      area.focus();
    }
    function show(found) {
      close();
      found.forEach(function (m, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('data-username', m.username);
        li.textContent = '@' + m.username + (m.name ? ' · ' + m.name : '');
        li.addEventListener('mousedown', function (e) { e.preventDefault(); take(i); });
        list.appendChild(li);
        items.push(li);
      });
      if (items.length) {
        list.hidden = false;
        mark(0);
      }
    }
    area.addEventListener('input', function () {
      var w = word();
      if (w === null) { close(); return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        asked = w;
        fetch('/projects/' + project[1] + '/members/suggest?q=' + encodeURIComponent(w), { credentials: 'same-origin',
          headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) { if (asked === w && word() === w) { show(found); } })
          .catch(close);
      }, 150);
    });
    area.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); mark((active + 1) % items.length); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark((active - 1 + items.length) % items.length); }
      else if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); take(active); }
      else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); }
    });
    area.addEventListener('blur', function () { setTimeout(close, 150); });
  }
  function scan(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('textarea[data-markdown]').forEach(enhance);
  }
  document.addEventListener('DOMContentLoaded', function () { scan(document); });
  document.addEventListener('htmx:load', function (e) { scan(e.target); });
})();
