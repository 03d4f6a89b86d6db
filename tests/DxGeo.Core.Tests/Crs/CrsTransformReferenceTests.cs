using DxGeo.Core.Crs;

namespace DxGeo.Core.Tests.Crs;

/// <summary>Our transforms against stored gdaltransform (GDAL/PROJ) results: within 1 mm, or 1e-8° for lon/lat.</summary>
public class CrsTransformReferenceTests
{
    private const double ToleranceM = 0.001;
    private const double ToleranceDeg = 1e-8; // ~1 mm on the ground

    public static TheoryData<int, int> Pairs()
    {
        var data = new TheoryData<int, int>();
        foreach (var (s, t) in CrsTestData.GdalReference().Select(r => (r.Source, r.Target)).Distinct()) data.Add(s, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transform_agrees_with_gdaltransform_within_1mm(int source, int target)
    {
        var transform = CrsRegistry.Default.CreateTransform(source, target);
        var tol = CrsRegistry.Default.IsGeographic(target) ? ToleranceDeg : ToleranceM;
        var points = CrsTestData.GdalReference().Where(r => r.Source == source && r.Target == target).ToList();
        Assert.NotEmpty(points);
        foreach (var p in points)
        {
            var (x, y) = transform.Transform(p.X, p.Y);
            Assert.True(Math.Abs(x - p.ExpectedX) <= tol && Math.Abs(y - p.ExpectedY) <= tol,
                $"{p}: got ({x:R}, {y:R}), gdaltransform ({p.ExpectedX:R}, {p.ExpectedY:R}), off by ({x - p.ExpectedX:E2}, {y - p.ExpectedY:E2})");
        }
    }

    [Fact]
    public void Span_path_gives_the_same_results_as_point_path()
    {
        var refs = CrsTestData.GdalReference().Where(r => r.Source == Epsg.Wgs84 && r.Target == 6677).ToList();
        var transform = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677);
        var xs = refs.Select(r => r.X).ToArray();
        var ys = refs.Select(r => r.Y).ToArray();
        transform.Transform(xs, ys);
        for (var i = 0; i < refs.Count; i++)
        {
            Assert.InRange(xs[i] - refs[i].ExpectedX, -ToleranceM, ToleranceM);
            Assert.InRange(ys[i] - refs[i].ExpectedY, -ToleranceM, ToleranceM);
        }
    }
}
