// Feedback maps drawn from our own boundaries (no tile server): the reports of a province as
// points, or a map where a click pins the place of a new report and fills in lat / lon.
(function () {
  function boundaries(map, url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, { style: { weight: 0.6, color: '#1f4e79', fillOpacity: 0.08 },
        onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); } }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }
  var list = document.getElementById('report-map');
  if (list) {
    var map = L.map(list, { attributionControl: false });
    boundaries(map, list.dataset.boundaries).then(function () {
      return fetch(list.dataset.points).then(function (r) { return r.json(); });
    }).then(function (data) {
      var points = L.geoJSON(data, { pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 6, weight: 1, color: '#222',
          fillColor: f.properties.open ? '#e06666' : '#6aa84f', fillOpacity: 0.9 });
      }, onEachFeature: function (f, l) {
        l.bindTooltip(f.properties.code + ' · ' + f.properties.category + ' · ' + f.properties.status);
        l.on('click', function () { window.location = f.properties.url; });
      } }).addTo(map);
      // the reports, not the province's far islands, decide the view
      if (data.features.length) { map.fitBounds(points.getBounds(), { maxZoom: 15, padding: [20, 20] }); }
      list.dataset.ready = String(data.features.length);
    });
  }
  var pin = document.getElementById('pin-map');
  if (pin) {
    var pmap = L.map(pin, { attributionControl: false });
    var marker = null;
    var lat = document.getElementById('lat'), lon = document.getElementById('lon');
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.circleMarker(latlng, { radius: 8, color: '#a4161a', fillOpacity: 0.8 }).addTo(pmap); }
    }
    boundaries(pmap, pin.dataset.boundaries).then(function () {
      // a province may reach far islands: start on its central commune, close enough to pin a street
      if (pin.dataset.centre) { pmap.setView(pin.dataset.centre.split(',').map(Number), 14); }
      if (lat.value && lon.value) { place([Number(lat.value), Number(lon.value)]); }
      pin.dataset.ready = '1';
    });
    pmap.on('click', function (e) {
      place(e.latlng);
      lat.value = e.latlng.lat.toFixed(6); lon.value = e.latlng.lng.toFixed(6);
      lat.dispatchEvent(new Event('change'));
    });
    [lat, lon].forEach(function (input) {
      input.addEventListener('change', function () {
        if (lat.value && lon.value && !isNaN(lat.value) && !isNaN(lon.value)) { place([Number(lat.value), Number(lon.value)]); }
      });
    });
  }
})();
