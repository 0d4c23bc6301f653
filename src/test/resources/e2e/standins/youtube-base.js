// Stand-in for the YouTube player library the embed page loads: it pings watch-time stats.
new Image().src = '/api/stats/watchtime?ns=yt&el=embedded';
