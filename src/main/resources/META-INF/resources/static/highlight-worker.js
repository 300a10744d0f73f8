// Syntax highlighting for file pages (review.js), off the page's thread: answers the highlighted HTML of the
// text, or null when highlight.js does not know the language.
importScripts('/webjars/highlightjs/highlight.min.js');
self.onmessage = function (e) {
  var language = e.data.language;
  self.postMessage(hljs.getLanguage(language)
    ? hljs.highlight(e.data.text, { language: language, ignoreIllegals: true }).value
    : null);
};
