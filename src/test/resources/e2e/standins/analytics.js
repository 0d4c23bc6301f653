// Stand-in for analytics.js, loaded by the gtag stand-in: sets _gid and sends its own hit.
window.__standInRan('analytics.js');
document.cookie = '_gid=GA1.1.' + Math.floor(Math.random() * 1e9) + '; max-age=86400; path=/; SameSite=Lax';
window.__standInPixel('https://www.google-analytics.com/j/collect?v=1&t=pageview&tid=UA-000000-1');
