// First-party script of the demo shop: it must keep working whatever the gateway removes.
(function () {
  document.documentElement.setAttribute('data-first-party-ran', 'yes');
  var button = document.getElementById('add-to-cart');
  if (button) {
    button.addEventListener('click', function () {
      document.getElementById('cart-status').textContent = 'Added to cart.';
    });
  }
  var match = document.cookie.match(/(?:^|; )userId=([^;]*)/);
  if (match) {
    document.getElementById('greeting').textContent = 'Welcome back, ' + decodeURIComponent(match[1]) + '.';
  }
})();
