// Task board: drag and drop with SortableJS submits the card's own move form (one htmx POST).
// The live refresh of the columns (polling and the sb:board event, both requests of #board-columns itself)
// never undoes what the user is doing: it is skipped while someone presses or drags a card or has focus in a
// card's form, and
// while the user's own move or filter request is on its way, and a refresh answer that was already on its
// way when the user acted is dropped: it would show the board from before and detach the form whose answer
// carries the move's message.
(function () {
  var actions = 0;    // the user's requests into the columns (moves, filters) on their way
  var generation = 0; // counts those requests; a refresh remembers the value it started with
  var pressing = false; // a pointer is down on a card: a drag may be starting
  var dragging = false;
  function isRefresh(elt) { return elt && elt.id === 'board-columns'; }
  function busy() {
    var active = document.activeElement;
    return pressing || dragging || actions > 0 || !!(active && active.closest && active.closest('#board-columns form'));
  }
  document.addEventListener('pointerdown', function (e) {
    pressing = !!(e.target.closest && e.target.closest('#board-columns .board-card'));
  }, true);
  ['pointerup', 'pointercancel'].forEach(function (type) {
    document.addEventListener(type, function () { pressing = false; }, true);
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    var d = e.detail;
    if (isRefresh(d.elt)) {
      if (busy()) { e.preventDefault(); return; }
      d.xhr.sbRefreshOf = generation;
    }
  });
  document.addEventListener('htmx:beforeSend', function (e) {
    var d = e.detail;
    if (!isRefresh(d.elt) && d.target && d.target.id === 'board-columns') {
      actions++;
      generation++;
      d.xhr.addEventListener('loadend', function () { actions--; });
    }
  });
  // (beforeSwap fires on the target, so the refresh is recognised by its request, not by the element.)
  document.addEventListener('htmx:beforeSwap', function (e) {
    var d = e.detail;
    if (d.xhr.sbRefreshOf !== undefined && (busy() || d.xhr.sbRefreshOf !== generation)) {
      d.shouldSwap = false;
    }
  });

  function init(root) {
    if (!window.Sortable) { return; }
    var scope = root.querySelectorAll ? root : document;
    var lists = scope.matches && scope.matches('.board-cards') ? [scope] : scope.querySelectorAll('.board-cards');
    lists.forEach(function (list) {
      if (list.sbSortable || !list.closest('#board-columns[data-can-move]')) { return; }
      list.sbSortable = Sortable.create(list, {
        group: 'board', sort: false, animation: 120, forceFallback: true, fallbackTolerance: 3,
        filter: 'select, button, a, input', preventOnFilter: false, draggable: '.board-card',
        onStart: function () { dragging = true; },
        onEnd: function (evt) {
          dragging = false;
          if (evt.from === evt.to) { return; }
          var form = evt.item.querySelector('form.card-move');
          if (!form) { return; }
          // A card offers only its allowed moves; a drop anywhere else is still sent, so that the server
          // answers why that move is refused.
          var select = form.querySelector('select[name=to]');
          var to = evt.to.getAttribute('data-status');
          if (!select.querySelector('option[value="' + to + '"]')) { select.add(new Option(to, to)); }
          select.value = to;
          form.requestSubmit();
        }
      });
    });
  }
  function start() {
    if (window.htmx) { htmx.onLoad(init); } else { init(document); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
