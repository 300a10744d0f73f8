// Journey picture: a member drags a node (pointer) and its new place is saved; the server redraws the flow.
// Keyboard users reach every node with Tab (each is a link to its outline entry) and edit positions nowhere:
// without dragging, the layout engine places every node.
(function () {
  var box = document.getElementById('flow-picture');
  if (!box || !box.dataset.positionUrl) {
    return;
  }
  var svg = box.querySelector('svg');
  if (!svg) {
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
    if (!node || evt.button !== 0) {
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
    var body = new URLSearchParams();
    body.set('x', Math.max(0, Math.round(d.x + p.x - d.startX)));
    body.set('y', Math.max(0, Math.round(d.y + p.y - d.startY)));
    var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    headers['HX-Request'] = 'true';
    fetch(box.dataset.positionUrl + encodeURIComponent(d.node.dataset.key) + '/position', { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) { if (r.ok) { window.location.reload(); } });
  });
})();
