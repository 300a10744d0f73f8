// Inbox: "No answer needed" closes a question without leaving the page; the list comes back without it. The focus then
// goes to the item that took its place (the next one still waiting, its first link: "Answer" for a question), or to
// the last one when it was the last, or to "Nothing waits for you" when none is left; not to <body>, nor one further on.
(function () {
  var at = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest('form.inbox-close');
    var item = form && form.closest('li.inbox-item');
    if (!item) {
      return;
    }
    at = Array.prototype.indexOf.call(document.querySelectorAll('#inbox-items > li.inbox-item'), item);
  });
  document.addEventListener('htmx:responseError', function () {
    at = null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (at === null || !document.getElementById('inbox-list')) {
      return;
    }
    var index = at;
    at = null;
    var items = document.querySelectorAll('#inbox-items > li.inbox-item');
    if (!items.length) {
      var empty = document.getElementById('inbox-empty');
      if (empty) {
        empty.focus();
      }
      return;
    }
    var next = items[Math.min(index, items.length - 1)];
    var link = next.querySelector('a[href]');
    (link || next).focus();
  });
})();
