// Draw unit boundaries from our own GeoJSON with Leaflet, without any tile server.
(function () {
  document.querySelectorAll('.map[data-geojson]').forEach(function (el) {
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
    fetch(el.dataset.geojson, { headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          style: function (f) {
            var k = f.properties.kind;
            return { weight: 1, color: '#1f4e79', fillOpacity: 0.35,
                     fillColor: k === 'phuong' ? '#6fa8dc' : k === 'dac_khu' ? '#f6b26b' : '#93c47d' };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(f.properties.name + ' (' + f.properties.code + ')');
            if (data.features.length > 1 && f.properties.url) {
              l.on('click', function () { window.location = f.properties.url; });
            }
          }
        }).addTo(map);
        if (data.features.length) { map.fitBounds(layer.getBounds()); }
        el.dataset.ready = String(data.features.length);
      })
      .catch(function (e) { el.textContent = 'Không tải được ranh giới (' + e.message + ')'; });
  });
})();
