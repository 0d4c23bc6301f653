// Stand-in for gtag.js (Google Analytics 4): sets the _ga client id and the session cookie from JavaScript,
// loads a further Google Analytics library and sends the page_view hit.
window.__standInRan('gtag');
(function () {
  var client = Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=GA1.1.' + client + '; max-age=63072000; path=/; SameSite=Lax';
  document.cookie = '_ga_DEMO12345=GS1.1.' + Math.floor(Date.now() / 1000) + '.1.0; max-age=63072000; path=/; SameSite=Lax';
  window.__standInLoad('https://www.google-analytics.com/analytics.js');
  window.__standInPixel('https://www.google-analytics.com/g/collect?v=2&tid=G-DEMO12345&cid=' + client + '&en=page_view');
})();
