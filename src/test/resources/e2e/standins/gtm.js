// Stand-in for Google Tag Manager's container script: its container holds a GA4 tag, which it loads.
window.__standInRan('gtm');
(function () {
  var id = '';
  try { id = new URL(document.currentScript.src).searchParams.get('id') || ''; } catch (e) { id = ''; }
  window.__standInLoad('https://www.googletagmanager.com/gtag/js?id=G-FROMGTM&l=dataLayer&cx=c');
  window.__standInPixel('https://www.googletagmanager.com/td?id=' + encodeURIComponent(id) + '&gtm=45be');
})();
