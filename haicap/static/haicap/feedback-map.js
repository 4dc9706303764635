// Feedback maps, drawn with the shared helper (maps.js): the reports of a province as clustered
// markers over the communes, or a map where a click (or "my location") pins the place of a new
// report and fills in lat / lon.
(function () {
  var M = window.haicapMap;
  if (!M) { return; }
  function boundaries(map, url) {
    return M.getJSON(url).then(function (data) {
      var layer = M.boundaries(map, data, { style: { weight: 0.6, color: '#1f4e79', fillOpacity: 0.08 } });
      map.fitBounds(layer.getBounds());
    });
  }
  var list = document.getElementById('report-map');
  if (list) {
    var map = M.create(list);
    boundaries(map, list.dataset.boundaries).then(function () {
      return M.getJSON(list.dataset.points);
    }).then(function (data) {
      var group = M.cluster();
      data.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        L.marker([c[1], c[0]], { icon: M.pin(p.open ? 'open' : 'closed'), title: p.code })
          .bindTooltip(p.code + ' · ' + p.category + ' · ' + p.status)
          .on('click', function () { window.location = p.url; })
          .addTo(group);
      });
      group.addTo(map);
      // the reports, not the province's far islands, decide the view
      if (data.features.length) { map.fitBounds(group.getBounds(), { maxZoom: 15, padding: [20, 20] }); }
      list.dataset.ready = String(data.features.length);
    });
  }
  var pin = document.getElementById('pin-map');
  if (pin) {
    var pmap = M.create(pin);
    var marker = null;
    var lat = document.getElementById('lat'), lon = document.getElementById('lon');
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng, { icon: M.pin('here') }).addTo(pmap); }
    }
    function pinAt(latlng) {
      place(latlng);
      lat.value = latlng.lat.toFixed(6); lon.value = latlng.lng.toFixed(6);
      lat.dispatchEvent(new Event('change'));
    }
    boundaries(pmap, pin.dataset.boundaries).then(function () {
      // a province may reach far islands: start on its central commune, close enough to pin a street
      if (pin.dataset.centre) { pmap.setView(pin.dataset.centre.split(',').map(Number), 14); }
      if (lat.value && lon.value) { place([Number(lat.value), Number(lon.value)]); }
      pin.dataset.ready = '1';
    });
    pmap.on('click', function (e) { pinAt(e.latlng); });
    pmap.on('haicap:located', function (e) { pinAt(e.latlng); });
    [lat, lon].forEach(function (input) {
      input.addEventListener('change', function () {
        if (lat.value && lon.value && !isNaN(lat.value) && !isNaN(lon.value)) { place([Number(lat.value), Number(lon.value)]); }
      });
    });
  }
})();
