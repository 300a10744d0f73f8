// Page tree: drag a page by its handle within its level (SortableJS); the new order goes to the server as
// one htmx POST of the level's hidden order form. Move up / Move down buttons are the keyboard way; after
// a move the moved page's button keeps the focus.
(function () {
  function submitOrder(list, moved) {
    var form = list.nextElementSibling;
    if (!form || !form.classList.contains('page-order')) { return; }
    form.querySelectorAll('input[name=ids]').forEach(function (i) { i.remove(); });
    Array.prototype.forEach.call(list.children, function (li) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'ids';
      input.value = li.getAttribute('data-id');
      form.appendChild(input);
    });
    form.querySelector('input[name=moved]').value = moved || '';
    form.requestSubmit();
  }
  function init(root) {
    if (!window.Sortable) { return; }
    var scope = root.querySelectorAll ? root : document;
    var lists = scope.matches && scope.matches('.page-siblings') ? [scope] : scope.querySelectorAll('.page-siblings');
    lists.forEach(function (list) {
      if (list.sbSortable || !list.closest('#page-tree[data-can-move]')) { return; }
      list.sbSortable = Sortable.create(list, {
        group: 'pages-' + (list.getAttribute('data-parent') || 'root'), handle: '.drag-handle', draggable: '.page-node',
        animation: 120, forceFallback: true, fallbackTolerance: 3,
        onEnd: function (evt) {
          if (evt.oldIndex !== evt.newIndex) { submitOrder(list, evt.item.getAttribute('data-id')); }
        }
      });
    });
    var moved = scope.querySelector ? scope.querySelector('.page-node[data-moved]') : null;
    if (moved) {
      var button = moved.querySelector(':scope > .page-card .move-buttons button:not([disabled])');
      if (button && document.activeElement === document.body) { button.focus(); }
    }
  }
  function start() {
    if (window.htmx) { htmx.onLoad(init); } else { init(document); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
