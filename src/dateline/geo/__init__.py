"""Places: gazetteer, toponym recognition and resolution, the place of an event.

    from dateline.geo import geoparse, event_place, Gazetteer
"""
from dateline.geo.gazetteer import Gazetteer, default_gazetteer
from dateline.geo.parse import GeoRef, geoparse
from dateline.geo.event_place import event_place

__all__ = ["Gazetteer", "default_gazetteer", "GeoRef", "geoparse", "event_place"]
