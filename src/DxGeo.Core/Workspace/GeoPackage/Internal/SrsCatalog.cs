using DxGeo.Core.Errors;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// The store's view of the CRS registry: what it needs to register a layer's CRS in gpkg_spatial_ref_sys.
/// Until DxGeo.Core.Crs.CrsRegistry lands this knows only EPSG:4326 (the workspace's storage CRS).
/// </summary>
internal static class SrsCatalog
{
    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433," +
        "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    public static bool IsKnown(int epsg) => epsg == Crs.Epsg.Wgs84;

    public static string Wkt(int epsg) => epsg == Crs.Epsg.Wgs84 ? Wgs84Wkt : throw Unknown(epsg);

    public static string Name(int epsg) => epsg == Crs.Epsg.Wgs84 ? "WGS 84 geodetic" : throw Unknown(epsg);

    private static DxGeoException Unknown(int epsg) => new($"unknown CRS EPSG:{epsg}: DxGeo has no definition for it");
}
