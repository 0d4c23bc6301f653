// Stand-in for Meta Pixel's fbevents.js: sets _fbp, works off the queue the page's fbq() stub filled (init with
// the pixel id, then track), loads the pixel's further config script and fires the /tr PageView pixel.
window.__standInRan('fbevents');
(function () {
  document.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '; max-age=7776000; path=/; SameSite=Lax';
  var queue = (window.fbq && window.fbq.queue) || [];
  var pixel = '';
  queue.forEach(function (args) { if (args[0] === 'init') { pixel = args[1]; } });
  window.__standInLoad('https://connect.facebook.net/signals/config/' + pixel + '?v=2.9.0&r=stable');
  queue.forEach(function (args) {
    if (args[0] === 'track') {
      window.__standInPixel('https://www.facebook.com/tr/?id=' + pixel + '&ev=' + encodeURIComponent(args[1]) + '&noscript=0');
    }
  });
})();
