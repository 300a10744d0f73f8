// Thinking chain: the inbox's "Answer" on a question links to #answer-<id>, which opens that thought's answer form and puts
// the cursor in it. A link to #thought-<id> (another thought's card, the page after "Confirm" or "Revise") only brings the
// card into view, as any fragment does: it opened the form too, so a decision ended in an answer form it did not ask for.
// A rejected thought has no form: the page comes back at it after "Reject", and the focus fell to <body> (the link names
// the place, so the flash does not take it); it goes on to the next thought's first control, where a keyboard user carries
// on through the chain, else to the flash, else to the page's heading.
(function () {
  function openTarget() {
    var id = window.location.hash.slice(1);
    if (id.indexOf('answer-') === 0) {
      answer(document.getElementById('thought-' + id.slice('answer-'.length)));
    } else if (id.indexOf('thought-') === 0) {
      var thought = document.getElementById(id);
      if (thought && thought.classList.contains('status-rejected')) {
        afterRejecting(thought);
      }
    }
  }
  // No element has the id answer-<id>, so the browser does not scroll to it: the card is brought into view here.
  function answer(thought) {
    if (!thought) {
      return;
    }
    thought.scrollIntoView();
    var details = thought.querySelector('details.revise');
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
