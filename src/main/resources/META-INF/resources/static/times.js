// Relative times stay true while a page stays open: every <time data-relative datetime="ISO"> (the {#time} tag) is
// re-worded once a minute and after htmx swaps, with the server's wording (web.TimeExtensions.relative): "just now",
// "3 minutes ago", "yesterday", "in 2 hours", then "on 3 Mar". Its title keeps the exact time.
// window.sbTimes.refresh(nowMs) re-words them all as of that moment (the current one when left out).
(function () {
  var words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAY = 24 * 3600 * 1000;

  function utcDay(ms) {
    return Math.floor(ms / DAY);
  }

  function around(n, unit, future) {
    return words.format(future ? n : -n, unit);
  }

  // The same steps as TimeExtensions.relative, in UTC days.
  function relative(time, now) {
    var future = time > now;
    var seconds = Math.floor(Math.abs(now - time) / 1000);
    if (seconds < 45) {
      return future ? 'in a moment' : 'just now';
    }
    if (seconds < 45 * 60) {
      return around(Math.max(1, Math.round(seconds / 60)), 'minute', future);
    }
    var days = Math.abs(utcDay(now) - utcDay(time));
    if (seconds < 22 * 3600 || days === 0) {
      return around(Math.max(1, Math.round(seconds / 3600)), 'hour', future);
    }
    if (days < 7) {
      return around(days, 'day', future);
    }
    var d = new Date(time);
    var sameYear = d.getUTCFullYear() === new Date(now).getUTCFullYear();
    return 'on ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + (sameYear ? '' : ' ' + d.getUTCFullYear());
  }

  function refresh(nowMs) {
    var now = typeof nowMs === 'number' ? nowMs : Date.now();
    document.querySelectorAll('time[data-relative][datetime]').forEach(function (el) {
      var time = Date.parse(el.getAttribute('datetime'));
      if (!isNaN(time)) {
        var text = relative(time, now);
        if (el.textContent !== text) {
          el.textContent = text;
        }
      }
    });
  }

  window.sbTimes = { refresh: refresh, relative: relative };
  document.addEventListener('htmx:afterSettle', function () { refresh(); });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', function () { refresh(); }); } else { refresh(); }
  window.setInterval(refresh, 60 * 1000);
})();
