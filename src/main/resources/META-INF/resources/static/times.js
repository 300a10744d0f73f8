// Relative times stay true while a page stays open: every <time data-relative datetime="ISO"> (the {#time} tag) is
// re-worded once a minute and after htmx swaps, with the server's wording (web.TimeExtensions.relative): "just now",
// "3 minutes ago", "yesterday", "in 2 hours", then "on 3 Mar". Its title keeps the exact time, which the server writes in
// UTC and English ("7 Dec 2026, 20:34:22 UTC"): here it becomes the reader's own time zone and locale (Intl), on every
// <time datetime> whose title ends with it (a title may say more: "In this column since …"); without script it stays UTC.
// window.sbTimes.refresh(nowMs) re-words them all as of that moment (the current one when left out).
(function () {
  var words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DAY = 24 * 3600 * 1000;
  // The server's exact time at the end of a title (web.TimeExtensions.exact).
  var SERVER_EXACT = /\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d UTC$/;
  var exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });

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

  // The title in the reader's time zone and locale; once rewritten it no longer ends with the server's text.
  function localTitles() {
    document.querySelectorAll('time[datetime][title]').forEach(function (el) {
      var title = el.getAttribute('title');
      var time = Date.parse(el.getAttribute('datetime'));
      if (!isNaN(time) && SERVER_EXACT.test(title)) {
        el.setAttribute('title', title.replace(SERVER_EXACT, exact.format(new Date(time))));
      }
    });
  }

  function refresh(nowMs) {
    localTitles();
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

  window.sbTimes = { refresh: refresh, relative: relative, exact: function (ms) { return exact.format(new Date(ms)); } };
  document.addEventListener('htmx:afterSettle', function () { refresh(); });
  document.addEventListener('htmx:load', function () { localTitles(); });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', function () { refresh(); }); } else { refresh(); }
  window.setInterval(refresh, 60 * 1000);
})();
