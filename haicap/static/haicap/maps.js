// The one map helper of the platform (docs/adr/0020-maps.md). Every map is made here, so each
// one gets the same things: our own boundaries with the units' names written on them where they
// fit, the street map underneath when the server has a tile source (HAICAP_MAP_TILES; none by
// default, and then no request leaves this site), a "my location" button, and markers gathered
// into clusters. Pages call window.haicapMap; small maps (data-small-map) draw themselves.
(function () {
  'use strict';
  if (typeof L === 'undefined') { return; }
  var node = document.getElementById('map-config');
  var cfg = node ? JSON.parse(node.textContent) : { tiles: '', text: {} };
  var T = cfg.text || {};

  function say(text, values) {
    return String(text || '').replace(/%\((\w+)\)s/g, function (all, key) { return values[key]; });
  }

  function getJSON(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    });
  }

  // "My location": the browser's own position (navigator.geolocation), shown as a dot with its
  // accuracy; the map fires 'haicap:located' so a page can use it (the report form pins it).
  var Locate = L.Control.extend({
    options: { position: 'topleft' },
    onAdd: function (map) {
      var box = L.DomUtil.create('div', 'leaflet-bar map-locate');
      var button = L.DomUtil.create('a', '', box);
      button.href = '#';
      button.setAttribute('role', 'button');
      button.title = T.locate || '';
      button.setAttribute('aria-label', T.locate || '');
      button.dataset.testid = 'locate';
      button.textContent = '\u25CE';
      var status = L.DomUtil.create('span', 'map-locate-status', box);
      status.setAttribute('role', 'status');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.on(button, 'click', function (e) {
        L.DomEvent.preventDefault(e);
        locate(map, status);
      });
      return box;
    }
  });

  function locate(map, status) {
    if (!navigator.geolocation) { status.textContent = say(T.noLocation, { reason: '—' }); return; }
    status.textContent = T.locating || '';
    navigator.geolocation.getCurrentPosition(function (pos) {
      var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
      var metres = Math.round(pos.coords.accuracy || 0);
      if (!map.haicapHere) { map.haicapHere = L.layerGroup().addTo(map); }
      map.haicapHere.clearLayers();
      L.circle(here, { radius: metres, weight: 1, color: '#1a73e8', fillOpacity: 0.08, interactive: false })
        .addTo(map.haicapHere);
      L.marker(here, { icon: L.divIcon({ className: 'my-location', iconSize: [18, 18] }), keyboard: false,
                       title: say(T.here, { m: metres }) })
        .addTo(map.haicapHere);
      status.textContent = '';
      // Leaflet drops a new view asked for during a zoom animation: wait for it to end
      var go = function () { map.setView(here, Math.max(map.getZoom() || 0, 16)); };
      if (map._animatingZoom) { map.once('zoomend', go); } else { go(); }
      map.fire('haicap:located', { latlng: here, accuracy: metres });
    }, function (err) {
      status.textContent = say(T.noLocation, { reason: err.message || err.code });
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  // A map on `el`: the street tiles if configured (with their attribution), and "my location".
  function create(el, options) {
    // a maximum zoom even without tiles: the clusters need one to know when to stop gathering
    var map = L.map(el, L.extend({ attributionControl: !!cfg.tiles, zoomSnap: 0.25, maxZoom: cfg.maxZoom || 19 },
                                 options || {}));
    if (cfg.tiles) {
      L.tileLayer(cfg.tiles, { attribution: cfg.attribution, maxZoom: cfg.maxZoom || 19 }).addTo(map);
      el.dataset.tiles = '1';
    }
    new Locate().addTo(map);
    return map;
  }

  // Boundaries from our GeoJSON (properties: name, label, centre), each unit's name written on it
  // when the unit is in view and large enough on screen for the name to fit; its full name on hover.
  function boundaries(map, data, options) {
    options = options || {};
    var labels = L.layerGroup().addTo(map);
    var items = [];
    var layer = L.geoJSON(data, {
      style: options.style,
      interactive: options.interactive !== false,
      onEachFeature: function (f, l) {
        var p = f.properties || {};
        if (options.interactive !== false) {
          l.bindTooltip(options.tooltip ? options.tooltip(f) : p.name, { sticky: true });
        }
        if (options.onEachFeature) { options.onEachFeature(f, l); }
        var text = p.label || p.name || '';
        if (!text || options.labels === false) { return; }
        var at = p.centre ? L.latLng(p.centre[0], p.centre[1]) : l.getBounds().getCenter();
        items.push({
          layer: l, width: text.length * 6.5 + 8,
          label: L.tooltip({ permanent: true, direction: 'center', className: 'unit-label', interactive: false })
            .setLatLng(at).setContent(text)
        });
      }
    }).addTo(map);
    function place() {
      if (!map._loaded) { return; }
      var view = map.getBounds().pad(0.25);
      items.forEach(function (it) {
        var b = it.layer.getBounds();
        var a = map.latLngToContainerPoint(b.getNorthWest()), z = map.latLngToContainerPoint(b.getSouthEast());
        var fits = z.x - a.x >= it.width && z.y - a.y >= 18 && view.contains(it.label.getLatLng());
        if (fits !== labels.hasLayer(it.label)) {
          if (fits) { labels.addLayer(it.label); } else { labels.removeLayer(it.label); }
        }
      });
    }
    map.on('moveend', place);  // after every zoom and pan: only the names in view are written
    map.whenReady(place);
    layer.labels = labels;
    return layer;
  }

  // Markers gathered into clusters (Leaflet.markercluster): a number where many are close, the
  // markers themselves once zoomed in.
  function cluster(options) {
    if (!L.markerClusterGroup) { return L.featureGroup(); }
    return L.markerClusterGroup(L.extend({ showCoverageOnHover: false, maxClusterRadius: 45,
                                           chunkedLoading: true, spiderfyOnMaxZoom: true }, options || {}));
  }

  function pin(className) {
    return L.divIcon({ className: 'map-pin ' + (className || ''), iconSize: [14, 14] });
  }

  // A small map of one place: data-point "lat,lon", data-boundary (the commune's GeoJSON),
  // data-centre (the commune's centre when it has no boundary), data-label.
  function small(el) {
    var map = create(el, { scrollWheelZoom: false });
    var point = el.dataset.point ? el.dataset.point.split(',').map(Number) : null;
    var centre = el.dataset.centre ? el.dataset.centre.split(',').map(Number) : null;
    function finish(layer) {
      var bounds = layer && layer.getBounds();
      if (point) {
        L.marker(point, { icon: pin('here'), title: el.dataset.label || '', keyboard: false }).addTo(map);
      }
      // with streets underneath, the point's street; on our boundaries alone, the point in its ward
      if (point && (cfg.tiles || !bounds || !bounds.isValid())) {
        map.setView(point, cfg.tiles ? 17 : 15);
      } else if (bounds && bounds.isValid()) {
        if (point) { bounds.extend(point); }
        map.fitBounds(bounds, { maxZoom: 16, padding: [8, 8] });
      } else if (centre) {
        L.marker(centre, { icon: pin('centre'), title: el.dataset.unit || '', keyboard: false }).addTo(map);
        map.setView(centre, 14);
      }
      el.dataset.ready = '1';
    }
    if (!el.dataset.boundary) { finish(null); return; }
    getJSON(el.dataset.boundary).then(function (data) {
      finish(data.features.length ? boundaries(map, data, {
        style: { weight: 2, color: '#1f4e79', fillColor: '#6fa8dc', fillOpacity: point ? 0.08 : 0.25 }
      }) : null);
    }).catch(function () { finish(null); });
  }

  window.haicapMap = { config: cfg, text: T, say: say, getJSON: getJSON, create: create,
                       boundaries: boundaries, cluster: cluster, pin: pin, small: small };
  document.querySelectorAll('[data-small-map]').forEach(small);
})();
