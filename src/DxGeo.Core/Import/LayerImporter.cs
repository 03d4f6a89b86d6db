using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;
using DxGeo.Core.Import.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Import;

/// <summary>
/// Imports a file (GeoJSON, Shapefile, CSV, GeoPackage layer) into a workspace layer, all or nothing: features are
/// streamed from the file into one write transaction, each one mapped, converted, reprojected to EPSG:4326 and
/// validated first; if any feature has a problem nothing is committed and the error names the file, the feature
/// (index and id), the field and the reason, with a count and the first examples. The workspace is then exactly as
/// it was. Memory stays bounded: the file is never held whole (a new user layer's schema takes one extra pass).
/// </summary>
public static class LayerImporter
{
    public static ImportReport Import(IWorkspace ws, string path, ImportOptions o)
    {
        using var source = FeatureSources.Open(path, o.Encoding, o.Csv, o.SourceLayer);
        return Import(ws, source, o);
    }

    public static ImportReport Import(IWorkspace ws, IFeatureSource source, ImportOptions o)
    {
        var warnings = new List<string>();
        var (srcEpsg, assumedCrs) = SourceCrs.Resolve(source, o.Srid, warnings);
        var transform = srcEpsg == Epsg.Wgs84 ? null : CrsRegistry.Default.CreateTransform(srcEpsg, Epsg.Wgs84);

        var existing = ws.FindLayer(o.Layer);
        var rules = KnownLayerRules.For(o.Layer);
        LayerSchema schema;
        Dictionary<int, string> explicitMap;
        if (AssetLayers.Find(o.Layer) is { } known) (schema, explicitMap) = (known, o.Fields.Resolve(known));
        else if (existing is not null && o.Append) (schema, explicitMap) = (existing.Schema, o.Fields.Resolve(existing.Schema));
        else (schema, explicitMap) = InferredLayer.Create(source, o);
        var converter = new FeatureConverter(schema, explicitMap, o.Values.Resolve(schema), rules?.DerivedFields ?? []);
        var enrichers = o.Enrichers.Where(e => string.Equals(e.Layer, schema.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var e in enrichers) e.Prepare(ws);

        var problems = new List<ImportProblem>();
        var nulledExamples = new List<ImportProblem>();
        long problemCount = 0, nulledCount = 0, read = 0, imported = 0;
        var nulled = new List<(string Column, string Reason)>();
        string mode;
        using (var write = ws.BeginWrite())
        {
            if (existing is null) { write.CreateLayer(schema); mode = "created"; }
            else if (!o.Append) { write.CreateLayer(schema, replace: true); mode = "replaced"; }
            else mode = "appended";

            foreach (var f in source.Read())
            {
                read++;
                var values = new object?[schema.Fields.Count];
                nulled.Clear();
                FeatureRecord? record = null;
                var problem = converter.Convert(f, values, o.InvalidValuesAsNull, nulled) is { } bad
                    ? (bad.Column, bad.Reason)
                    : Build(f, values, schema, transform, rules, enrichers, assumedCrs, out record);
                var id = f.Id ?? IdOf(schema, values);
                foreach (var (column, reason) in nulled)
                {
                    nulledCount++;
                    if (nulledExamples.Count < o.MaxExamples) nulledExamples.Add(new ImportProblem(f.Index, id, column, reason + "; stored null"));
                }
                if (problem is { } p)
                {
                    problemCount++;
                    if (problems.Count < o.MaxExamples) problems.Add(new ImportProblem(f.Index, id, p.Field, p.Reason));
                }
                else if (problemCount == 0) // after the first problem only validate: nothing will be committed
                {
                    write.Insert(schema.Name, record!);
                    imported++;
                }
                if (read % 10_000 == 0) o.Progress?.Report((read, null, "features"));
            }
            o.Progress?.Report((read, null, "features"));

            var missing = explicitMap.Values.Where(c => !converter.SeenColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 && read > 0)
                throw new InputDataException(
                    $"mapped column(s) {string.Join(", ", missing.Select(c => $"'{c}'"))} not in the file (columns: {string.Join(", ", converter.SeenColumns)})",
                    source.Path);
            if (problemCount > 0) throw Failure(source.Path, problems, problemCount, Unfilled(schema, converter, rules));
            write.Commit();
        }

        foreach (var (column, field) in converter.IgnoredColumns)
            warnings.Add($"{field} is computed from the geometry: column '{column}' was not used");
        warnings.AddRange(source.Warnings);
        return new ImportReport
        {
            File = source.Path, Format = source.FormatName, Layer = schema.Name, Mode = mode,
            FeaturesRead = read, FeaturesImported = imported, SourceEpsg = srcEpsg,
            FieldSources = converter.FieldSources.ToDictionary(kv => schema.Fields[kv.Key].Name, kv => kv.Value),
            UnmappedColumns = converter.UnmappedColumns,
            UnfilledFields = schema.Fields.Where((_, i) => !converter.FieldSources.ContainsKey(i)).Select(x => x.Name).ToList(),
            UnparseableCount = nulledCount, UnparseableExamples = nulledExamples,
            ValuesMapped = converter.ValuesMapped, Warnings = warnings,
        };
    }

    /// <summary>Geometry (reprojected, fitted to the layer type) and the layer's own rules; null when the feature is fine.</summary>
    private static (string Field, string Reason)? Build(SourceFeature f, object?[] values, LayerSchema schema, ICoordinateTransform? transform,
        KnownLayerRules? rules, List<IImportEnricher> enrichers, bool assumedCrs, out FeatureRecord? record)
    {
        record = null;
        var g = f.Geometry;
        if (g is not null)
        {
            if (transform is null) g.SRID = Epsg.Wgs84;
            else
            {
                try { g = transform.Transform(g); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
                { return (FeatureValidator.GeometryField, $"cannot transform from EPSG:{transform.SourceEpsg}: {e.Message}"); }
            }
            if (GeometryCoercion.TryFit(g, schema.GeometryType, out g) is { } fit) return (FeatureValidator.GeometryField, fit);
        }
        var r = new FeatureRecord(g, values);
        if (rules is not null)
        {
            foreach (var field in schema.Fields)
                if (rules.MustBeProvided(field) && values[schema.IndexOf(field.Name)] is null)
                    return (field.Name, "value is required");
            if (g is not null && FeatureValidator.CheckGeometry(schema, g) is { } geomProblem)
                return (geomProblem.Field, Hint(geomProblem.Reason, assumedCrs));
            try { r = rules.Apply(r, schema); }
            catch (InputDataException e) { return (e.Field ?? "(value)", e.Reason); }
        }
        foreach (var e in enrichers)
            if (e.Enrich(schema, r) is { } ep) return (ep.Field, ep.Reason);
        // Known layers had their geometry checked above; only the values remain (IsValidOp is the costly part).
        var p = rules is null ? FeatureValidator.Check(schema, r)
            : FeatureValidator.Encode(schema, r, new object[schema.Fields.Count]);
        if (p is not null) return (p.Field, Hint(p.Reason, assumedCrs));
        r.Fid = null;
        record = r;
        return null;
    }

    private static string Hint(string reason, bool assumedCrs) =>
        assumedCrs && reason.Contains("outside lon/lat range", StringComparison.Ordinal)
            ? reason + " (the file declares no coordinate system: give it with --srid)" : reason;

    private static string? IdOf(LayerSchema schema, object?[] values) =>
        schema.IdField is { } idField && schema.IndexOf(idField) is var i and >= 0 ? values[i]?.ToString() : null;

    private static List<string> Unfilled(LayerSchema schema, FeatureConverter c, KnownLayerRules? rules) =>
        rules is null ? [] : schema.Fields.Where((f, i) => rules.MustBeProvided(f) && !c.FieldSources.ContainsKey(i)).Select(f => f.Name).ToList();

    private static InputDataException Failure(string path, List<ImportProblem> problems, long count, List<string> unfilled)
    {
        var first = problems[0];
        var reason = first.Reason;
        if (count > 1)
            reason += $" — {count:N0} features have problems; nothing was imported. Also: {string.Join("; ", problems.Skip(1))}";
        else reason += " — nothing was imported";
        if (unfilled.Count > 0)
            reason += $". No column fills the required field(s) {string.Join(", ", unfilled)}: map them, e.g. --map {unfilled[0]}=COLUMN";
        return new InputDataException(reason, path, first.FeatureIndex, first.FeatureId, first.Field);
    }
}
