// Stand-in for the pixel configuration fbevents.js loads.
window.__standInRan('fb-signals');
