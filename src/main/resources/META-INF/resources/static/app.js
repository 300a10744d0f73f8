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
  // Close the account menu with Escape, for keyboard users.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      document.querySelectorAll('details[open].account-menu').forEach(function (d) { d.removeAttribute('open'); });
    }
  });
})();
