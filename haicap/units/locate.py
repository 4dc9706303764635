"""Point → commune: which unit in force contains a point, from our own boundaries (STRtree)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

from haicap.core.lazy import process_singleton
from haicap.units.models import Unit

# Vietnam's mainland and islands, with room: points outside cannot be in any commune.
VIETNAM_BBOX = (102.0, 8.0, 118.0, 23.5)


class Locator:
    def __init__(self, codes: Sequence[str], geometries: Sequence[shapely.Geometry]):
        self.codes = np.array(codes, dtype=object)
        self.geometries = np.array(geometries, dtype=object)
        shapely.prepare(self.geometries)
        self.tree = shapely.STRtree(self.geometries)

    @classmethod
    def from_database(cls) -> Locator:
        codes: list[str] = []
        shapes: list[shapely.Geometry] = []
        for code, boundary in (
            Unit.objects.current().communes().exclude(boundary="").values_list("code", "boundary")
        ):
            codes.append(code)
            shapes.append(shapely.from_geojson(boundary))
        return cls(codes, shapes)

    def locate(self, lat: float, lon: float) -> str | None:
        """The code of the commune containing (lat, lon), or None outside every commune."""
        return self.locate_many(np.array([lat]), np.array([lon]))[0]

    def locate_many(self, lats: np.ndarray, lons: np.ndarray) -> list[str | None]:
        """Codes for many points at once (vectorised); None where a point is in no commune."""
        lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
        # the tree narrows by bounding box; contains_xy then tests the candidates on raw
        # coordinates, twice as fast as a "within" query on point geometries (same answers)
        point_idx, geom_idx = self.tree.query(shapely.points(lons, lats))
        inside = shapely.contains_xy(self.geometries[geom_idx], lons[point_idx], lats[point_idx])
        point_idx, geom_idx = point_idx[inside], geom_idx[inside]
        found = np.full(len(lats), None, dtype=object)
        # a point on a shared edge may fall in two units: the first in tree order wins
        found[point_idx[::-1]] = self.codes[geom_idx[::-1]]
        return found.tolist()


METRES_PER_DEGREE = 111_320.0


def near_another_commune(
    locator: Locator, lats: np.ndarray, lons: np.ndarray, metres: float = 30.0
) -> np.ndarray:
    """For each point, whether a commune other than its own lies within `metres` (roughly:
    degrees, not projected). A report there may belong next door."""
    points = shapely.points(lons, lats)
    point_idx, _ = locator.tree.query(
        points, predicate="dwithin", distance=metres / METRES_PER_DEGREE
    )
    return np.bincount(point_idx, minlength=len(lats)) > 1


def inside_vietnam_bbox(lat: float, lon: float) -> bool:
    west, south, east, north = VIETNAM_BBOX
    return south <= lat <= north and west <= lon <= east


# built on first use in each process (about a second), dropped when reference data is reloaded
locator, reset_locator = process_singleton(Locator.from_database)
