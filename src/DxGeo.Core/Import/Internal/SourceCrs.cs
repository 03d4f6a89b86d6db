using DxGeo.Core.Crs;
using DxGeo.Core.Formats;

namespace DxGeo.Core.Import.Internal;

/// <summary>The EPSG code a file's coordinates are in: --srid, else what the file declares, else EPSG:4326 assumed
/// (with a warning). A declared CRS DxGeo does not know is an error naming the file: guessing would misplace data.</summary>
internal static class SourceCrs
{
    public static (int Epsg, bool Assumed) Resolve(IFeatureSource source, int? srid, List<string> warnings)
    {
        if (srid is { } s) return (Require(source.Path, s, "--srid"), false);
        if (source.DeclaredEpsg is { } d) return (Require(source.Path, d, "the file declares"), false);
        if (source.UnidentifiedCrs is { } text)
            throw new UnknownCrsException(
                $"{source.Path}: its coordinate system is not one DxGeo knows ({Shorten(text)}); if you know its EPSG code, give it with --srid");
        warnings.Add("the file declares no coordinate system: assumed EPSG:4326 lon/lat (give --srid if it is not)");
        return (Epsg.Wgs84, true);
    }

    private static int Require(string path, int epsg, string where)
    {
        try
        {
            CrsRegistry.Default.GetWkt(epsg);
            return epsg;
        }
        catch (UnknownCrsException e) { throw new UnknownCrsException($"{path}: {where} EPSG:{epsg}, which is unknown: {e.Message}"); }
    }

    private static string Shorten(string s)
    {
        var one = s.ReplaceLineEndings(" ");
        return one.Length <= 120 ? one : one[..117] + "...";
    }
}
