// Specboard's small client script: a few progressive enhancements. htmx's settings are in the layout's
// <meta name="htmx-config"> (read before htmx starts): no eval, no inline <style>, 4xx forms swap.
// Templates carry no inline handlers (the Content-Security-Policy forbids them): behaviour reads data-* here.
(function () {
  // data-confirm="Question?" on a form, or on the button that submits it, asks before submitting. It listens
  // while capturing, so a refusal also stops htmx, whose submit listener sits on the form itself.
  // (htmx elements may use hx-confirm instead; both work under the policy.)
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var button = e.submitter;
    var question = (button && button.getAttribute('data-confirm')) || (form.getAttribute && form.getAttribute('data-confirm'));
    if (question && !window.confirm(question)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  // The same for links and plain buttons that do not submit a form.
  document.addEventListener('click', function (e) {
    var el = e.target.closest && e.target.closest('a[data-confirm], button[data-confirm][type=button]');
    if (el && !window.confirm(el.getAttribute('data-confirm'))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  // data-remember="key" on a checkbox keeps its state in this browser (the board's "hide empty columns").
  function remember() {
    document.querySelectorAll('input[type=checkbox][data-remember]').forEach(function (box) {
      try {
        box.checked = window.localStorage.getItem('sb:' + box.getAttribute('data-remember')) === 'true';
      } catch (ignored) { /* storage refused: the box simply starts unchecked */ }
    });
  }
  document.addEventListener('change', function (e) {
    var box = e.target;
    if (box.matches && box.matches('input[type=checkbox][data-remember]')) {
      try {
        window.localStorage.setItem('sb:' + box.getAttribute('data-remember'), String(box.checked));
      } catch (ignored) { /* storage refused: the choice lasts until the page changes */ }
    }
  });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', remember); } else { remember(); }

  // A live refresh (a part's own GET, every few seconds or on a server event) leaves a part alone while an action inside
  // it is on its way: the job's panel while its "Cancel" is sent (the cancel itself sends the job event). Replacing the
  // part took the action's form out of the page, and htmx looks the answer's out-of-band parts up from that form: the
  // flash found no #flash (htmx:oobErrorNoTarget) and the answer, the part as the action left it, was dropped. The
  // action's answer brings the part as it is now; the next refresh follows it.
  var acting = [];
  document.addEventListener('htmx:beforeSend', function (e) {
    var verb = e.detail.requestConfig && e.detail.requestConfig.verb;
    var elt = e.detail.elt;
    var xhr = e.detail.xhr;
    if (!verb || verb.toLowerCase() === 'get' || !elt || !xhr) { return; }
    acting.push(elt);
    // loadend comes after the load handler, in which htmx swapped the answer
    xhr.addEventListener('loadend', function () {
      var i = acting.indexOf(elt);
      if (i >= 0) { acting.splice(i, 1); }
    });
  });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var verb = e.detail.requestConfig && e.detail.requestConfig.verb;
    var target = e.detail.target;
    if (!verb || verb.toLowerCase() !== 'get' || !target || !target.contains) { return; }
    if (acting.some(function (elt) { return target.contains(elt); })) {
      e.detail.shouldSwap = false;
    }
  });

  // A flash tells what the last action did. An in-place answer to a newer action (a refused form, a panel redrawn) that
  // brings no message of its own makes the old one stale: "US-1 was submitted for approval." above "There is a problem"
  // read as if the refused request had worked. A live refresh (GET) is not an action and leaves the message be.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var verb = e.detail.requestConfig && e.detail.requestConfig.verb;
    var flash = document.getElementById('flash');
    var answer = e.detail.xhr && e.detail.xhr.responseText;
    if (!flash || !verb || verb.toLowerCase() === 'get' || typeof answer !== 'string' || /\bid="flash"/.test(answer)) {
      return;
    }
    flash.replaceChildren();
  });

  // A flash that says what an action did to a part ("Job queued again.") speaks of the state the action left it in (a part
  // says its state in data-state): once a live refresh brings the part in another state (the job ran, and finished), the
  // message is stale and goes. It stayed over the finished job until the page was left.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var verb = e.detail.requestConfig && e.detail.requestConfig.verb;
    var target = e.detail.target;
    var flash = document.getElementById('flash');
    var answer = e.detail.xhr && e.detail.xhr.responseText;
    if (!e.detail.shouldSwap || !flash || !verb || verb.toLowerCase() !== 'get' || !target || !target.id
        || !target.hasAttribute || !target.hasAttribute('data-state') || typeof answer !== 'string') {
      return;
    }
    var parsed = document.createElement('template');
    parsed.innerHTML = answer;
    var next = parsed.content.getElementById(target.id);
    if (next && next.getAttribute('data-state') !== target.getAttribute('data-state')) {
      flash.replaceChildren();
    }
  });

  // The project's navigation is two rows (the groups, the current group's sections) that scroll sideways on a narrow
  // screen: bring the current link of each into view, or on a phone a later one (Code, Team) opens out of sight.
  function showCurrentSection() {
    document.querySelectorAll('.projectnav ul').forEach(function (row) {
      var current = row.querySelector('a[aria-current]');
      if (!current || row.scrollWidth <= row.clientWidth) {
        return;
      }
      var box = row.getBoundingClientRect();
      var link = current.getBoundingClientRect();
      if (link.left < box.left || link.right > box.right) {
        row.scrollLeft += link.left - box.left - (box.width - link.width) / 2;
      }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', showCurrentSection); } else { showCurrentSection(); }
  // A link reached with Tab in a row that scrolls sideways is brought into view: on a phone the row showed only the
  // current section's neighbours, and the focus moved on to links out of sight.
  document.addEventListener('focusin', function (e) {
    var link = e.target;
    if (link.closest && link.closest('.projectnav ul') && link.scrollIntoView) {
      link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  // A member's code blocks and tables scroll in regions the server names "Code" and "Table" (web/Markdown). A page
  // showing several (a story's comments, a chat's answers) numbers them, so each region's name tells them apart.
  function numberMarkdownRegions() {
    ['Code', 'Table'].forEach(function (label) {
      var regions = document.querySelectorAll('[role=region][data-md-label="' + label + '"], [role=region][aria-label="' + label + '"]');
      regions.forEach(function (region, i) {
        region.setAttribute('data-md-label', label);
        region.setAttribute('aria-label', regions.length > 1 ? label + ' ' + (i + 1) : label);
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', numberMarkdownRegions); } else { numberMarkdownRegions(); }
  document.addEventListener('htmx:afterSettle', numberMarkdownRegions);

  // data-open-dialog="id" on a button opens that <dialog> (the keyboard shortcuts, from the account menu).
  document.addEventListener('click', function (e) {
    var opener = e.target.closest && e.target.closest('[data-open-dialog]');
    if (opener) {
      openDialog(document.getElementById(opener.getAttribute('data-open-dialog')));
    }
  });
  function openDialog(dialog) {
    if (dialog && !dialog.open) {
      // Closing the menu hides the item that opened the dialog, so the browser could not give the focus back to it:
      // it goes back to what the person can still see, the menu's own button (or whatever had the focus before "?").
      var back = document.activeElement;
      var menu = back && back.closest && back.closest('details.account-menu, details[data-menu]');
      back = menu ? menu.querySelector('summary') : back;
      closeMenus();
      dialog.addEventListener('close', function () {
        if (back && back.isConnected && back.focus) { back.focus(); }
      }, { once: true });
      dialog.showModal();
    }
  }
  // A menu closed while the focus was in it gives the focus to its button, not to the page's top.
  function closeMenus() {
    document.querySelectorAll('details[open].account-menu, details[open][data-menu]').forEach(function (d) {
      var inside = d.contains(document.activeElement);
      d.removeAttribute('open');
      var button = d.querySelector('summary');
      if (inside && button) { button.focus(); }
    });
  }

  // Keyboard shortcuts, listed in the layout's #shortcuts dialog: "?" shows them, j/k move through the rows and
  // cards marked data-nav-item, Enter opens the current one, Escape closes menus and dialogs. None fires while
  // someone types in a field or holds a modifier ("/" for the search box is in search.js).
  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function navItems() {
    return Array.prototype.filter.call(document.querySelectorAll('[data-nav-item]'), function (el) {
      return el.getClientRects().length > 0;
    });
  }
  function currentItem() {
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-nav-item]');
    return focused || document.querySelector('[data-nav-item].nav-current');
  }
  function move(step) {
    var items = navItems();
    if (!items.length) { return; }
    var at = items.indexOf(currentItem());
    var next = items[at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step))];
    items.forEach(function (el) { el.classList.remove('nav-current'); });
    focusItem(next);
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function focusItem(item) {
    item.classList.add('nav-current');
    var link = item.querySelector('[data-nav-open], a[href]');
    if (link) {
      link.focus();
    } else {
      item.setAttribute('tabindex', '-1');
      item.focus();
    }
  }
  // A live refresh (the board's columns every few seconds) replaces the rows: the current one stays current.
  var kept = null;
  document.addEventListener('htmx:beforeSwap', function () {
    var item = document.querySelector('[data-nav-item].nav-current');
    kept = item && item.id ? { id: item.id, focused: item.contains(document.activeElement) } : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    var item = kept && document.getElementById(kept.id);
    if (item && !item.classList.contains('nav-current')) {
      var active = document.activeElement;
      if (kept.focused && (!active || active === document.body)) {
        focusItem(item);
      } else {
        item.classList.add('nav-current');
      }
    }
    kept = null;
  });
  // An htmx action replaces the part of the page that held the focus (the approval box after "Approve", the columns
  // after a card's "Move", a thread after "Resolve"): the focus fell to <body>, sending keyboard and screen-reader users
  // back to the top. It goes to the same control in the new part when there is one (by id, else by its place: the
  // nearest element with an id, then a control of the same kind, name and words), else to the new part itself. It runs
  // after the other handlers, so an error summary or a chat box that took the focus keeps it.
  var held = null;
  document.addEventListener('htmx:beforeSwap', function (e) {
    var active = document.activeElement;
    var target = e.detail.target;
    held = null;
    if (!active || active === document.body || !target || target === document.body || !target.contains(active)) { return; }
    var holder = active.parentElement && active.parentElement.closest('[id]');
    held = {
      id: active.id, holder: holder && target.contains(holder) ? holder.id : '', region: target.id,
      tag: active.tagName, name: active.getAttribute('name'), text: (active.textContent || '').trim()
    };
  });
  // Only a control the person can see: a comment's "Save" comes back inside its closed "Edit", where focus() does nothing.
  function sameControl(scope, was) {
    var found = null;
    Array.prototype.some.call(scope.querySelectorAll(was.tag), function (el) {
      if (el.getAttribute('name') === was.name && (el.textContent || '').trim() === was.text
          && (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0)) { found = el; }
      return found;
    });
    return found;
  }
  function focusPart(part) {
    if (!part.matches('a[href], button, input, select, textarea, [tabindex]')) { part.setAttribute('tabindex', '-1'); }
    part.focus();
  }
  document.addEventListener('htmx:afterSettle', function () {
    var was = held;
    held = null;
    window.setTimeout(function () {
      var active = document.activeElement;
      if (active && active !== document.body && active.isConnected) { return; }
      if (!was) { focusFlash(); return; }
      // The same element again: a part focused after an earlier swap (the job's panel after "Cancel") comes back from the
      // server without the tabindex this script gave it, and focus() on it did nothing when the live update replaced it.
      var same = was.id && document.getElementById(was.id);
      if (same) { focusPart(same); return; }
      var scopes = [was.holder && document.getElementById(was.holder), was.region && document.getElementById(was.region)];
      for (var i = 0; i < scopes.length; i++) {
        if (!scopes[i]) { continue; }
        var control = sameControl(scopes[i], was);
        if (control) { control.focus(); }
        if (document.activeElement !== control) { focusPart(scopes[i]); }
        return;
      }
    }, 0);
  });
  // A page reached after an action (a redirect, or htmx's HX-Location) says what happened in its flash: the focus goes
  // there, as it goes to the error summary after a refusal, so a screen reader reads it and Tab goes on from it, instead
  // of starting again at the top of the page. Each message takes the focus once (a live refresh does not bring it back),
  // and only when nothing else holds it (a field with autofocus, the error summary) and no #anchor names the place.
  function focusFlash() {
    var message = document.querySelector('#flash .flash:not([data-focused])');
    if (!message) { return; }
    message.setAttribute('data-focused', '');
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) { return; }
    if (window.location.hash.length > 1 && document.getElementById(decodeURIComponent(window.location.hash.substring(1)))) { return; }
    message.setAttribute('tabindex', '-1');
    message.focus({ preventScroll: true });
  }
  // After the other scripts' own load handlers (errors.js focuses a summary when the page loads).
  function focusFlashSoon() { window.setTimeout(focusFlash, 0); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', focusFlashSoon); } else { focusFlashSoon(); }
  function openItem(item) {
    var link = item && item.querySelector('[data-nav-open], a[href]');
    if (link) { link.click(); }
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      closeMenus();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) { return; }
    if (document.querySelector('dialog[open]')) { return; }
    if (e.key === '?') {
      e.preventDefault();
      openDialog(document.getElementById('shortcuts'));
    } else if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      move(e.key === 'j' ? 1 : -1);
    } else if (e.key === 'Enter' && e.target.hasAttribute && e.target.hasAttribute('data-nav-item')) {
      e.preventDefault();
      openItem(e.target);
    }
  });
})();
