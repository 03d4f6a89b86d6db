using DxGeo.Core.Assets;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Features.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Risk.Features;

/// <summary>
/// Features for filling ledger gaps: diameter, district, pressure zone, position, and the install years and
/// materials of touching and nearby pipes (length-weighted). A value flagged as imputed counts as unknown, and
/// callers can hide more (<paramref name="hideYear"/>/<paramref name="hideMaterial"/>) to measure the models on
/// records whose value is known.
/// </summary>
public static class LedgerFeatureBuilder
{
    public static readonly PipeMaterial[] ShareMaterials =
        [PipeMaterial.DuctileIron, PipeMaterial.CastIron, PipeMaterial.Steel, PipeMaterial.Pvc, PipeMaterial.Polyethylene, PipeMaterial.AsbestosCement];

    public const double TouchDistanceM = 1.0;
    public const double NearbyRadiusM = 150;

    public static int? KnownYear(WaterPipe p) => p.InstallYearImputed ? null : p.InstallYear;
    public static PipeMaterial? KnownMaterial(WaterPipe p) => p.MaterialImputed || p.Material == PipeMaterial.Unknown ? null : p.Material;

    internal static LedgerRow[] Build(MetricNetwork net, Func<int, bool>? hideYear = null, Func<int, bool>? hideMaterial = null)
    {
        var pipes = net.Pipes;
        int? Year(int i) => hideYear?.Invoke(i) == true ? null : KnownYear(pipes[i]);
        PipeMaterial? Mat(int i) => hideMaterial?.Invoke(i) == true ? null : KnownMaterial(pipes[i]);

        var centre = new Envelope();
        foreach (var l in net.Lines) centre.ExpandToInclude(l.EnvelopeInternal);
        var rows = new LedgerRow[net.Count];
        for (var i = 0; i < net.Count; i++)
        {
            var line = net.Lines[i];
            var c = line.Centroid;
            var row = new LedgerRow
            {
                PipeId = pipes[i].PipeId,
                InstallYear = Year(i) is { } y ? y : float.NaN,
                Material = Mat(i) is { } m ? AssetCodes.Code(m) : "UNK",
                DiameterMm = pipes[i].DiameterMm > 0 ? pipes[i].DiameterMm : float.NaN,
                LogLengthM = (float)Math.Log(Math.Max(1, net.LengthM[i])),
                XKm = (float)((c.X - centre.Centre.X) / 1000),
                YKm = (float)((c.Y - centre.Centre.Y) / 1000),
                District = PipeYearPanelBuilder.Category(pipes[i].District),
                PressureZone = PipeYearPanelBuilder.Category(pipes[i].PressureZone),
                RoadClass = PipeYearPanelBuilder.Category(pipes[i].RoadClass),
            };
            row.OwnYearIfKnown = row.InstallYear;
            row.OwnMaterialIfKnown = row.Material;

            var touching = new List<int>();
            var ends = line.Factory.CreateMultiPoint([line.StartPoint, line.EndPoint]);
            foreach (var j in net.Within(ends, TouchDistanceM)) if (j != i) touching.Add(j);
            (row.TouchingYearMean, _) = YearStats(touching, net, Year);
            row.TouchingCount = touching.Count;
            row.TouchingMaterialShare = Shares(touching, net, Mat);

            var nearby = net.Within(line, NearbyRadiusM);
            nearby.Remove(i);
            (row.NearbyYearMean, row.NearbyYearSpread) = YearStats(nearby, net, Year);
            row.NearbyCount = nearby.Count;
            row.NearbyMaterialShare = Shares(nearby, net, Mat);

            var (nearYear, nearMat) = NearestKnown(nearby, line, net, Year, Mat);
            row.NearestKnownYear = nearYear;
            row.NearestKnownMaterial = nearMat;
            rows[i] = row;
        }
        return rows;
    }

    private static (float Mean, float Spread) YearStats(List<int> ids, MetricNetwork net, Func<int, int?> year)
    {
        double w = 0, s = 0, s2 = 0;
        foreach (var j in ids)
            if (year(j) is { } y) { var l = net.LengthM[j]; w += l; s += l * y; s2 += l * (double)y * y; }
        if (w <= 0) return (float.NaN, float.NaN);
        var mean = s / w;
        return ((float)mean, (float)Math.Sqrt(Math.Max(0, s2 / w - mean * mean)));
    }

    private static float[] Shares(List<int> ids, MetricNetwork net, Func<int, PipeMaterial?> mat)
    {
        var share = new float[LedgerRow.MaterialCount];
        double total = 0;
        foreach (var j in ids)
            if (mat(j) is { } m && Array.IndexOf(ShareMaterials, m) is var k and >= 0) { share[k] += (float)net.LengthM[j]; total += net.LengthM[j]; }
        if (total > 0) for (var k = 0; k < share.Length; k++) share[k] = (float)(share[k] / total);
        return share;
    }

    private static (float Year, string Material) NearestKnown(List<int> nearby, LineString line, MetricNetwork net,
        Func<int, int?> year, Func<int, PipeMaterial?> mat)
    {
        double bestY = double.PositiveInfinity, bestM = double.PositiveInfinity;
        float y = float.NaN;
        var m = "UNK";
        foreach (var j in nearby)
        {
            var d = net.Lines[j].Distance(line);
            if (year(j) is { } yy && d < bestY) { bestY = d; y = yy; }
            if (mat(j) is { } mm && d < bestM) { bestM = d; m = AssetCodes.Code(mm); }
        }
        return (y, m);
    }
}
