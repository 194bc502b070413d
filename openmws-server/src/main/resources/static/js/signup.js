// Sign-up: offer only further marketplaces of the home marketplace's region (the server checks too).
(function () {
  var home = document.getElementById('homeMarketplaceId');
  if (!home) { return; }
  var checks = document.querySelectorAll('.check[data-region]');
  function regionOf(id) {
    for (var i = 0; i < checks.length; i++) {
      if (checks[i].getAttribute('data-marketplace') === id) { return checks[i].getAttribute('data-region'); }
    }
    return null;
  }
  function update() {
    var region = regionOf(home.value);
    for (var i = 0; i < checks.length; i++) {
      var label = checks[i];
      var show = label.getAttribute('data-region') === region && label.getAttribute('data-marketplace') !== home.value;
      label.hidden = !show;
      if (!show) { label.querySelector('input').checked = false; }
    }
  }
  home.addEventListener('change', update);
  update();
})();
