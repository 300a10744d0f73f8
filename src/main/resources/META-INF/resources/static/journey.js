// Journey picture: a member drags a node (pointer) and its new place is saved; the server redraws the flow.
// Keyboard: every node is a link (Tab reaches each); the arrow keys move focus to the next or previous node,
// and Shift with an arrow key moves the focused node a step that way, saved like a drag; after the redraw
// the same node has the focus again. A locked node (data-locked) stays where it is. A keyboard move is told in the
// page's polite live region (#picture-status): the picture changing says nothing to a screen reader.
(function () {
  var box = document.getElementById('flow-picture');
  if (!box) {
    return;
  }
  var svg = box.querySelector('svg');
  if (!svg) {
    return;
  }
  var STEP = 20;
  var FOCUS_KEY = 'sb-journey-focus';
  var SAID_KEY = 'sb-journey-said';
  var status = document.getElementById('picture-status');

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // The node as the outline names it (its label), else its accessible name in the picture.
  function labelOf(node) {
    var entry = document.getElementById('node-' + node.dataset.key);
    var strong = entry && entry.querySelector('strong');
    return strong ? strong.textContent : node.getAttribute('aria-label');
  }

  function worded(dx, dy) {
    var parts = [];
    if (dx) {
      parts.push(Math.abs(dx) + (dx > 0 ? ' right' : ' left'));
    }
    if (dy) {
      parts.push(Math.abs(dy) + (dy > 0 ? ' down' : ' up'));
    }
    return parts.join(' and ');
  }

  function nodes() {
    return Array.prototype.slice.call(svg.querySelectorAll('a.flow-node'));
  }

  // said: what the live region tells once the move is saved (a keyboard move), or nothing (a drag).
  function save(node, x, y, said) {
    var body = new URLSearchParams();
    body.set('x', Math.max(0, Math.round(x)));
    body.set('y', Math.max(0, Math.round(y)));
    var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    headers['HX-Request'] = 'true';
    return fetch(box.dataset.positionUrl + encodeURIComponent(node.dataset.key) + '/position',
      { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) {
        if (r.ok) {
          try {
            window.sessionStorage.setItem(FOCUS_KEY, node.dataset.key);
            if (said) {
              window.sessionStorage.setItem(SAID_KEY, said);
            }
          } catch (e) { /* storage off: focus is lost, nothing else */ }
          window.location.reload();
        } else if (r.status === 409) {
          // Locked or removed since the picture was drawn: the journey as it is now, its flash saying what changed.
          window.location.reload();
        } else {
          node.removeAttribute('transform');
          if (said) {
            say(labelOf(node) + ' was not moved: the journey could not be saved. Reload the page and try again.');
          }
        }
      });
  }

  // After a keyboard move the page reloads: give the moved node its focus back, once loaded (the browser's own scroll to
  // the address's #node-… entry, there after Enter on a node, would otherwise take the focus to that entry).
  function focusAgain(key) {
    var back = nodes().filter(function (n) { return n.dataset.key === key; })[0];
    if (back) {
      back.focus();
    }
  }
  try {
    var again = window.sessionStorage.getItem(FOCUS_KEY);
    if (again) {
      window.sessionStorage.removeItem(FOCUS_KEY);
      focusAgain(again);
      if (document.readyState !== 'complete') {
        window.addEventListener('load', function () { setTimeout(function () { focusAgain(again); }, 0); });
      }
    }
    var said = window.sessionStorage.getItem(SAID_KEY);
    if (said) {
      window.sessionStorage.removeItem(SAID_KEY);
      // A moment after load, so that the region is there empty first and its change is announced.
      setTimeout(function () { say(said); }, 150);
    }
  } catch (e) { /* storage off */ }

  var pending = null;
  svg.addEventListener('keydown', function (evt) {
    var node = evt.target.closest && evt.target.closest('a.flow-node');
    if (!node) {
      return;
    }
    var dirs = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    var d = dirs[evt.key];
    if (!d) {
      return;
    }
    evt.preventDefault();
    if (!evt.shiftKey) {
      var all = nodes();
      var at = all.indexOf(node);
      var forward = evt.key === 'ArrowRight' || evt.key === 'ArrowDown';
      var next = all[(at + (forward ? 1 : all.length - 1)) % all.length];
      if (next) {
        next.focus();
      }
      return;
    }
    if (!box.dataset.positionUrl || node.dataset.locked) {
      return;
    }
    // Shift+arrow: show the move at once, save once the keys rest.
    if (!pending || pending.node !== node) {
      pending = { node: node, dx: 0, dy: 0, timer: null };
    }
    pending.dx += d[0] * STEP;
    pending.dy += d[1] * STEP;
    node.setAttribute('transform', 'translate(' + pending.dx + ' ' + pending.dy + ')');
    clearTimeout(pending.timer);
    var p = pending;
    p.timer = setTimeout(function () {
      pending = null;
      var x = Math.max(0, Math.round(parseFloat(p.node.dataset.x) + p.dx));
      var y = Math.max(0, Math.round(parseFloat(p.node.dataset.y) + p.dy));
      var how = worded(p.dx, p.dy);
      save(p.node, x, y, 'Moved ' + labelOf(p.node) + (how ? ' ' + how : '') + ', to x ' + x + ', y ' + y + '.');
    }, 400);
  });

  if (!box.dataset.positionUrl) {
    return;
  }
  var dragging = null;
  function point(evt) {
    var pt = svg.createSVGPoint();
    pt.x = evt.clientX;
    pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener('pointerdown', function (evt) {
    var node = evt.target.closest('a.flow-node');
    if (!node || evt.button !== 0 || node.dataset.locked) {
      return;
    }
    var p = point(evt);
    dragging = { node: node, startX: p.x, startY: p.y, x: parseFloat(node.dataset.x), y: parseFloat(node.dataset.y), moved: false };
    node.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener('pointermove', function (evt) {
    if (!dragging) {
      return;
    }
    var p = point(evt);
    var dx = p.x - dragging.startX;
    var dy = p.y - dragging.startY;
    if (Math.abs(dx) + Math.abs(dy) > 3) {
      dragging.moved = true;
    }
    dragging.node.setAttribute('transform', 'translate(' + dx + ' ' + dy + ')');
  });
  svg.addEventListener('pointerup', function (evt) {
    if (!dragging) {
      return;
    }
    var d = dragging;
    dragging = null;
    if (!d.moved) {
      return;
    }
    var p = point(evt);
    save(d.node, d.x + p.x - d.startX, d.y + p.y - d.startY);
  });
})();
