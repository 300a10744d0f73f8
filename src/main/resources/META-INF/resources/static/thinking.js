// Thinking chain: a link to one thought (the inbox's "Answer" on a question) opens that thought's answer
// form and puts the cursor in it. A rejected thought has no form: the page comes back at it after "Reject", and the focus
// fell to <body> (the link names the place, so the flash does not take it); it goes on to the next thought's first
// control, where a keyboard user carries on through the chain, else to the flash, else to the page's heading.
(function () {
  function openTarget() {
    var id = window.location.hash.slice(1);
    if (id.indexOf('thought-') !== 0) {
      return;
    }
    var thought = document.getElementById(id);
    if (thought && thought.classList.contains('status-rejected')) {
      afterRejecting(thought);
      return;
    }
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
  function afterRejecting(thought) {
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      return;
    }
    var control = null;
    for (var next = thought.nextElementSibling; next && !control; next = next.nextElementSibling) {
      control = next.querySelector('.actions button, .actions summary');
    }
    var flash = document.querySelector('#flash .flash');
    if (control) {
      control.focus();
      // The flash was on the page as it loaded, so its polite region did not read it: put it back to have it read.
      if (flash) {
        flash.parentNode.replaceChild(flash.cloneNode(true), flash);
      }
      return;
    }
    var place = flash || document.querySelector('main h1');
    if (place) {
      place.setAttribute('tabindex', '-1');
      place.focus();
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
