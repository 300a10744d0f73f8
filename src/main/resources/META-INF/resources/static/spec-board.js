// Task board: drag and drop with SortableJS submits the card's own move form (one htmx POST);
// polling pauses while someone drags or has focus inside a card's form.
(function () {
  function init(root) {
    if (!window.Sortable) { return; }
    var scope = root.querySelectorAll ? root : document;
    var lists = scope.matches && scope.matches('.board-cards') ? [scope] : scope.querySelectorAll('.board-cards');
    lists.forEach(function (list) {
      if (list.sbSortable || !list.closest('#board-columns[data-can-move]')) { return; }
      list.sbSortable = Sortable.create(list, {
        group: 'board', sort: false, animation: 120, forceFallback: true, fallbackTolerance: 3,
        filter: 'select, button, a, input', preventOnFilter: false, draggable: '.board-card',
        onStart: function () { window.sbBoardBusy = true; },
        onEnd: function (evt) {
          window.sbBoardBusy = false;
          if (evt.from === evt.to) { return; }
          var form = evt.item.querySelector('form.card-move');
          if (!form) { return; }
          form.querySelector('select[name=to]').value = evt.to.getAttribute('data-status');
          form.requestSubmit();
        }
      });
    });
  }
  function start() {
    if (window.htmx) { htmx.onLoad(init); } else { init(document); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
  document.addEventListener('focusin', function (e) {
    if (e.target.closest && e.target.closest('#board-columns form')) { window.sbBoardBusy = true; }
  });
  document.addEventListener('focusout', function (e) {
    if (e.target.closest && e.target.closest('#board-columns form')) { window.sbBoardBusy = false; }
  });
})();
