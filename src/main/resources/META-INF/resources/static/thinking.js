// Thinking chain: a link to one thought (the inbox's "Answer" on a question) opens that thought's answer
// form and puts the cursor in it.
(function () {
  function openTarget() {
    var id = window.location.hash.slice(1);
    if (id.indexOf('thought-') !== 0) {
      return;
    }
    var thought = document.getElementById(id);
    var details = thought && thought.querySelector('details.revise');
    if (!details) {
      return;
    }
    details.open = true;
    var field = details.querySelector('textarea');
    if (field) {
      field.focus();
    }
  }
  // After load: the browser's own scroll to the fragment would otherwise take the focus back.
  if (document.readyState === 'complete') {
    openTarget();
  } else {
    window.addEventListener('load', function () { setTimeout(openTarget, 0); });
  }
  window.addEventListener('hashchange', openTarget);
})();
