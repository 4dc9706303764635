// The unit directory's maps: a province's communes or one commune, drawn with the shared helper
// (maps.js: names on the units, street tiles when configured, "my location").
(function () {
  var M = window.haicapMap;
  if (!M) { return; }
  document.querySelectorAll('.map[data-geojson]').forEach(function (el) {
    var map = M.create(el);
    M.getJSON(el.dataset.geojson)
      .then(function (data) {
        var layer = M.boundaries(map, data, {
          style: function (f) {
            var k = f.properties.kind;
            return { weight: 1, color: '#1f4e79', fillOpacity: M.config.tiles ? 0.2 : 0.35,
                     fillColor: k === 'phuong' ? '#6fa8dc' : k === 'dac_khu' ? '#f6b26b' : '#93c47d' };
          },
          tooltip: function (f) { return f.properties.name + ' (' + f.properties.code + ')'; },
          onEachFeature: function (f, l) {
            if (data.features.length > 1 && f.properties.url) {
              l.on('click', function () { window.location = f.properties.url; });
            }
          }
        });
        if (data.features.length) { map.fitBounds(layer.getBounds()); }
        el.dataset.ready = String(data.features.length);
      })
      .catch(function (e) { el.textContent = M.text.noBoundary + ' (' + e.message + ')'; });
  });
})();
