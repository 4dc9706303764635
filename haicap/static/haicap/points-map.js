// Service points on a map drawn with the shared helper (maps.js): the province's communes (if they
// load) and one marker per point. The list beside the map works without it.
(function () {
  var el = document.getElementById('points-map');
  var data = document.getElementById('points-data');
  var M = window.haicapMap;
  if (!el || !data || !M) { return; }
  var points = JSON.parse(data.textContent);
  var map = M.create(el);
  var markers = L.featureGroup().addTo(map);
  // points placed at the same ward centre (no surveyed position) are spread a little apart
  var seen = {};
  points.forEach(function (p) {
    var key = p.lat.toFixed(4) + ',' + p.lon.toFixed(4);
    var n = seen[key] = (seen[key] || 0) + 1;
    if (n > 1) {
      p.lat += 0.0025 * Math.sin(n * 2.1);
      p.lon += 0.0025 * Math.cos(n * 2.1);
    }
  });
  points.forEach(function (p) {
    var box = document.createElement('div');
    var title = document.createElement('strong');
    title.textContent = p.name;
    box.appendChild(title);
    [p.address].concat(p.hours).forEach(function (line) {
      var row = document.createElement('div');
      row.textContent = line;
      box.appendChild(row);
    });
    L.circleMarker([p.lat, p.lon], { radius: 8, weight: 2, color: '#8a1c1c', fillColor: '#e06666', fillOpacity: 0.9 })
      .bindPopup(box).bindTooltip(p.name).addTo(markers)
      .on('click', function () {
        var item = document.getElementById('diem-' + p.code);
        if (item) { item.scrollIntoView({ block: 'nearest' }); }
      });
  });
  function fit() {
    if (points.length) { map.fitBounds(markers.getBounds().pad(0.6), { maxZoom: 14 }); }
    else { map.setView([16, 106], 5); }
    el.dataset.ready = String(points.length);
  }
  M.getJSON(el.dataset.geojson)
    .then(function (g) {
      M.boundaries(map, g, { style: { weight: 1, color: '#1f4e79', fillColor: '#cfe2f3', fillOpacity: 0.3 },
                             interactive: false }).bringToBack();
      fit();
    })
    .catch(fit);
})();
