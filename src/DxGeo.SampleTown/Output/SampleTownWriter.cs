using System.Globalization;
using System.Text;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.SampleTown.Output;

/// <summary>
/// Writes the town as one GeoJSON file per layer plus a ready workspace GeoPackage (<c>town.gpkg</c>) in one folder,
/// and the ground truth as CSV in a separate folder. Every file is written beside its target and moved into place
/// only when complete, so an interrupted run never leaves a half-written layer.
/// </summary>
public static class SampleTownWriter
{
    public const string WorkspaceFileName = "town.gpkg";

    /// <summary>The layers in the order they are written: (schema, records).</summary>
    public static IReadOnlyList<(LayerSchema Schema, IReadOnlyList<FeatureRecord> Records)> Layers(SampleTown t) =>
    [
        Layer(AssetLayers.Pipes, t.Pipes), Layer(AssetLayers.Breaks, t.Breaks), Layer(AssetLayers.Bridges, t.Bridges),
        Layer(AssetLayers.Levees, t.Levees), Layer(AssetLayers.Roads, t.Roads), Layer(AssetLayers.Soil, t.SoilZones),
        Layer(AssetLayers.FloodZones, t.FloodZones), Layer(AssetLayers.NoFlyZones, t.NoFlyZones),
        Layer(AssetLayers.Facilities, t.Facilities), Layer(AssetLayers.RoadWorks, t.RoadWorks), Layer(AssetLayers.ElevationPoints, t.ElevationPoints),
        (TownLayers.Districts, t.Districts.Select(TownLayers.ToRecord).ToList()),
        (TownLayers.Waterways, t.Waterways.Select(TownLayers.ToRecord).ToList()),
        (TownLayers.WaterAreas, t.WaterAreas.Select(TownLayers.ToRecord).ToList()),
    ];

    private static (LayerSchema, IReadOnlyList<FeatureRecord>) Layer<T>(IAssetLayer<T> layer, IEnumerable<T> items) =>
        (layer.Schema, items.Select(layer.ToRecord).ToList());

    /// <summary>Writes <c>&lt;layer&gt;.geojson</c> for every layer and <c>town.gpkg</c> into <paramref name="outDir"/>
    /// (replacing earlier files) and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(SampleTown town, string outDir, IProgress<string>? progress = null)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        var layers = Layers(town);
        foreach (var (schema, records) in layers)
        {
            var path = Path.Combine(outDir, schema.Name + ".geojson");
            Atomically(path, tmp =>
            {
                using var stream = File.Create(tmp);
                using var writer = new GeoJsonLayerWriter(stream, schema, coordinateDecimals: 7);
                foreach (var r in records) writer.Write(r);
                writer.Complete();
            });
            progress?.Report($"{schema.Name}: {records.Count} features");
            written.Add(path);
        }

        var gpkg = Path.Combine(outDir, WorkspaceFileName);
        Atomically(gpkg, tmp =>
        {
            using var ws = GeoPackageWorkspace.Create(tmp);
            using var w = ws.BeginWrite();
            foreach (var (schema, records) in layers)
            {
                w.CreateLayer(schema);
                foreach (var r in records) w.Insert(schema.Name, r);
            }
            w.Commit();
        });
        progress?.Report($"{WorkspaceFileName}: {layers.Count} layers");
        written.Add(gpkg);
        return written;
    }

    /// <summary>Writes the ground truth (pipes_truth.csv, breaks_truth.csv, year_factors.csv) into <paramref name="truthDir"/>.</summary>
    public static IReadOnlyList<string> WriteTruth(SampleTown town, string truthDir)
    {
        Directory.CreateDirectory(truthDir);
        var g = town.GroundTruth;
        var files = new (string Name, string Header, IEnumerable<string> Rows)[]
        {
            ("pipes_truth.csv",
                "pipe_id,true_material,true_install_year,diameter_mm,length_m,soil_class,corrosivity,flood_depth_class,road_class,frailty,rate_per_km_2026,rate_per_km_2026_no_frailty,expected_breaks_2011_2025,observed_breaks_2011_2025",
                g.Pipes.Select(p => Csv(p.PipeId, p.TrueMaterial, p.TrueInstallYear, p.DiameterMm, p.LengthM, p.SoilClass, p.Corrosivity,
                    p.FloodDepthClass, p.RoadClass, p.Frailty, p.RatePerKm2026, p.RatePerKm2026NoFrailty, p.ExpectedBreaks2011To2025,
                    p.ObservedBreaks2011To2025))),
            ("breaks_truth.csv", "break_id,true_pipe_id,cause", g.Breaks.Select(b => Csv(b.BreakId, b.TruePipeId, b.Cause))),
            ("year_factors.csv", "year,factor", g.YearFactors.OrderBy(kv => kv.Key).Select(kv => Csv(kv.Key, kv.Value))),
        };
        var written = new List<string>();
        foreach (var (name, header, rows) in files)
        {
            var path = Path.Combine(truthDir, name);
            Atomically(path, tmp => File.WriteAllLines(tmp, rows.Prepend(header), new UTF8Encoding(false)));
            written.Add(path);
        }
        return written;
    }

    private static string Csv(params object[] values) =>
        string.Join(",", values.Select(v => v switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    private static void Atomically(string path, Action<string> write)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            Path.GetFileNameWithoutExtension(path) + ".partial" + Path.GetExtension(path));
        if (File.Exists(tmp)) File.Delete(tmp);
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
