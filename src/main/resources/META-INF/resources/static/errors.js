// The error summary above a form that came back with errors (tags/errorSummary.html): focus moves to it, so a screen
// reader reads the problems and a keyboard user starts from them; its links move focus to the field itself.
(function () {
  // A form swapped into a page full of others (a reply under each thread) names its field by name, not by a page-wide id.
  function fieldOf(link) {
    var name = link.getAttribute('data-field');
    // a group of checkboxes is named by its legend, not by its first box's label
    var group = document.getElementById('f-' + name);
    if (group && group.tagName === 'FIELDSET') { return group; }
    var form = link.closest('form');
    var named = form && form.querySelector('[name="' + CSS.escape(name) + '"]:not([type="hidden"])');
    // A field of a repeated part is keyed by its place (phases[0].hours) and has the id of its part (phase-0-hours).
    var part = /^([a-z]+?)s\[(\d+)\]\.(\w+)$/i.exec(name);
    var inPart = part && document.getElementById(part[1] + '-' + part[2] + '-' + part[3]);
    // A summary at the top of a page of row forms links to the refused row's field by that field's own id (name-<row>).
    var href = link.getAttribute('href') || '';
    var own = href.length > 1 && href !== '#f-' + name ? document.getElementById(href.slice(1)) : null;
    return named || own || document.getElementById('f-' + name) || inPart || document.getElementById('e-' + name);
  }
  // The server lists the problems in the order it found them; people read them in the form's order.
  function inFormOrder(summary) {
    var list = summary.querySelector('ul');
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      var fa = fieldOf(a.querySelector('a')), fb = fieldOf(b.querySelector('a'));
      if (!fa || !fb || fa === fb) { return fa ? -1 : (fb ? 1 : 0); }
      return fa.compareDocumentPosition(fb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    items.forEach(function (item) { list.appendChild(item); });
  }
  // The server names each field by its name as words; the field's own label is what the person saw beside it.
  function nameFields(summary) {
    Array.prototype.forEach.call(summary.querySelectorAll('a[data-field]'), function (link) {
      var field = fieldOf(link);
      var label = field && (field.tagName === 'FIELDSET' ? field.querySelector(':scope > legend') : field.labels && field.labels[0]);
      var shown = link.querySelector('[data-error-label]');
      if (!label || !shown) { return; }
      var copy = label.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('.hint, .error, small'), function (h) { h.remove(); });
      var text = copy.textContent.replace(/\s+/g, ' ').replace(/[\s:*]+$/, '').trim();
      if (text) { shown.textContent = text; }
    });
  }
  function focusSummary() {
    var summary = document.querySelector('[data-error-summary]:not([data-shown])');
    if (!summary) { return; }
    // A page of fragment forms can hold two refused ones (replies under two threads): the id stays with the newest.
    Array.prototype.forEach.call(document.querySelectorAll('[data-error-summary][data-shown][id]'), function (old) {
      old.removeAttribute('id');
    });
    summary.setAttribute('data-shown', '');
    nameFields(summary);
    inFormOrder(summary);
    summary.focus();
    summary.scrollIntoView({ block: 'start' });
    // A refused form answered at the address of its own page (POST /context) counts as a return to that page: the
    // browser put back the old scroll position once the page had loaded, and the summary left the screen.
    if ('scrollRestoration' in window.history) { window.history.scrollRestoration = 'manual'; }
    window.addEventListener('load', function () {
      if (document.activeElement === summary) { summary.scrollIntoView({ block: 'start' }); }
    }, { once: true });
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('[data-error-summary] a[data-field]');
    var field = link && fieldOf(link);
    if (!field) { return; }
    e.preventDefault();
    if (!field.matches('input, select, textarea, button')) { field.setAttribute('tabindex', '-1'); }
    field.focus();
    // the label and the message sit above the field: show them too
    var box = field.closest('.field') || field;
    box.scrollIntoView({ block: 'start' });
  });
  // A part of a refused form swapped on its own ("Add a phase") comes back without its errors: the summary keeps the
  // problems still shown at their fields and goes once none is left, so it never lists what the form no longer says.
  function pruneSummary(e) {
    var target = e.detail && e.detail.target;
    if (target && !target.isConnected && target.id) {
      // an outerHTML swap: the new part took the old one's place (and id)
      target = document.getElementById(target.id);
    }
    var form = target && target.closest && target.closest('form');
    var summary = form && form.querySelector('[data-error-summary][data-shown]');
    if (!summary || target.contains(summary)) { return; }
    Array.prototype.forEach.call(summary.querySelectorAll('li'), function (item) {
      var link = item.querySelector('a[data-field]');
      var field = link && fieldOf(link);
      if (!field || (target.contains(field) && field.getAttribute('aria-invalid') !== 'true')) { item.remove(); }
    });
    var left = summary.querySelectorAll('li').length;
    var heading = summary.querySelector('h2');
    if (!left) {
      summary.remove();
    } else if (heading) {
      heading.textContent = left === 1 ? 'There is a problem' : 'There are ' + left + ' problems';
    }
  }
  document.addEventListener('htmx:afterSettle', pruneSummary);
  document.addEventListener('htmx:afterSettle', focusSummary);
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', focusSummary); } else { focusSummary(); }
})();
