// The site's own bundle: it calls each vendor's global the way sites do. First each call on its own, to say which
// one throws; then all of them unguarded, as a site's code runs them: one throwing stops the rest of the script.
window.vendorCalls = {};
var calls = {
  gtag: function () { gtag('event', 'sign_up', {method: 'email'}); },
  dataLayer: function () { dataLayer.push({event: 'signup'}); },
  fbq: function () { fbq('track', 'Lead'); },
  _paq: function () { _paq.push(['trackEvent', 'Account', 'Signup']); },
  uetq: function () { window.uetq.push('event', 'signup', {}); },
  analytics: function () { analytics.track('Signed Up'); },
  _hsq: function () { _hsq.push(['trackEvent', {id: 'signup'}]); },
  lintrk: function () { window.lintrk('track', {conversion_id: 1234}); },
  ttq: function () { ttq.track('CompleteRegistration'); },
  hj: function () { hj('event', 'signup'); },
  clarity: function () { clarity('set', 'plan', 'free'); }
};
Object.keys(calls).forEach(function (name) {
  try { calls[name](); window.vendorCalls[name] = 'ok'; } catch (e) { window.vendorCalls[name] = String(e); }
});
gtag('event', 'sign_up', {method: 'email'});
dataLayer.push({event: 'signup'});
fbq('track', 'Lead');
_paq.push(['trackEvent', 'Account', 'Signup']);
window.uetq.push('event', 'signup', {});
analytics.track('Signed Up');
_hsq.push(['trackEvent', {id: 'signup'}]);
window.lintrk('track', {conversion_id: 1234});
ttq.track('CompleteRegistration');
hj('event', 'signup');
clarity('set', 'plan', 'free');
window.appDone = true;
