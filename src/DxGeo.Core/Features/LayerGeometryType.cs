namespace DxGeo.Core.Features;

/// <summary>Geometry type of a layer (OGC simple-feature names as GeoPackage stores them). None = attribute table.</summary>
public enum LayerGeometryType { None, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, Geometry }
