// Shared by every stand-in script: how a stand-in reports that it ran (window.__standIns, and a visible badge so
// a screenshot shows it), loads a further tag and fires a pixel, the three things real tags do that matter here.
window.__standInRan = window.__standInRan || function (name) {
  (window.__standIns = window.__standIns || []).push(name);
  var show = function () {
    var box = document.getElementById('e2e-stand-ins');
    if (!box) {
      box = document.createElement('div');
      box.id = 'e2e-stand-ins';
      box.setAttribute('style', 'position:fixed;top:8px;right:8px;z-index:2147483646;max-width:24rem;' +
        'padding:6px 10px;background:#b00020;color:#fff;font:13px/1.4 monospace;border-radius:4px');
      document.body.appendChild(box);
    }
    box.textContent = 'Tracker stand-ins that ran: ' + window.__standIns.join(', ');
  };
  if (document.body) { show(); } else { document.addEventListener('DOMContentLoaded', show); }
};
window.__standInLoad = window.__standInLoad || function (src) {
  var s = document.createElement('script');
  s.async = true;
  s.src = src;
  (document.head || document.documentElement).appendChild(s);
};
window.__standInPixel = window.__standInPixel || function (url) {
  new Image().src = url;
};
