using DxGeo.Imagery.Findings;
using DxGeo.Review.Audit;
using Microsoft.Playwright;

namespace DxGeo.Review.Tests.Web;

/// <summary>A two-reviewer project served on a loopback port for Debian's Chromium.</summary>
public sealed class TwoReviewerLiveServer : ReviewServer
{
    protected override bool TwoReviewers => true;
    protected override bool StartLive => true;
}

/// <summary>
/// The inspectors' screen in headless Debian Chromium (Playwright, /usr/bin/chromium, never a downloaded browser):
/// two inspectors settle a finding, a disagreement goes to a lead, a viewer cannot decide; the audit trail has
/// exactly those actions, in order, by those users. Screenshots go to DXGEO_ARTIFACTS (else screenshots/).
/// </summary>
public sealed class ReviewBrowserTests(TwoReviewerLiveServer s) : IClassFixture<TwoReviewerLiveServer>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright _pw = null!;
    private IBrowser _browser = null!;
    private readonly string _artifacts = Environment.GetEnvironmentVariable("DXGEO_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh does)");
        Directory.CreateDirectory(_artifacts);
        _pw = await Playwright.CreateAsync();
        _browser = await _pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        _pw.Dispose();
    }

    private async Task<IPage> SignIn(string user)
    {
        var ctx = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await ctx.NewPageAsync();
        await page.GotoAsync($"{s.LiveUrl}/review.html");
        await page.FillAsync("#login-user", user);
        await page.FillAsync("#login-password", ReviewServer.Password(user));
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#queue li");
        await page.WaitForFunctionAsync("() => window.dxgeoReview.current() !== undefined");
        return page;
    }

    private static Task<string> Current(IPage page) => page.EvaluateAsync<string>("() => window.dxgeoReview.current()");

    /// <summary>The colour drawn at the centre of a finding's marker on the overview map's canvas.</summary>
    private static async Task<int[]> MarkerPixel(IPage page, string findingId)
    {
        await page.WaitForTimeoutAsync(300); // let OpenLayers render the frame
        return await page.EvaluateAsync<int[]>(@"(id) => {
            const [x, y] = window.dxgeoReview.markerPixel(id);
            let rgba = [0, 0, 0, 0];
            for (const c of document.querySelectorAll('#overview canvas')) {
              const k = c.width / c.getBoundingClientRect().width;
              const p = c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
              if (p[3] > 0) rgba = Array.from(p);
            }
            return rgba;
        }", findingId);
    }

    private static async Task PressAndWaitSaved(IPage page, string key)
    {
        await page.Locator("#viewer").FocusAsync();
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => document.getElementById('decide-msg').textContent.includes('saved')");
    }

    private string Status(string id) => FindingView(id).Status.ToCode();
    private DxGeo.Review.Reviews.FindingView FindingView(string id) =>
        DxGeo.Review.Reviews.FindingView.From(s.Town.Workspace.Read(FindingsLayer.Name).Single(r => (string)r.Values[0]! == id));

    [Fact]
    public async Task Two_inspectors_settle_a_finding_disagreement_goes_to_a_lead_and_a_viewer_cannot_decide()
    {
        var auditStart = AuditTrail.Read(s.Town.Store).Count;
        string f0 = s.Town.FindingIds[0], f1 = s.Town.FindingIds[1];

        // Inspector A opens the top finding (highest score) and confirms it: its marker turns from orange to yellow (1 of 2).
        var a = await SignIn("insp-a");
        Assert.Equal(f0, await Current(a));
        Assert.Equal("to_review", await a.EvaluateAsync<string>("(id) => window.dxgeoReview.markerState(id)", f0));
        var before = await MarkerPixel(a, f0);
        Assert.Equal([0xf0, 0x8c, 0x00], before[..3]);
        await PressAndWaitSaved(a, "c");
        Assert.Equal("one_review", await a.EvaluateAsync<string>("(id) => window.dxgeoReview.markerState(id)", f0));
        var yellow = await MarkerPixel(a, f0);
        Assert.Equal([0xff, 0xd4, 0x00], yellow[..3]);
        await a.ScreenshotAsync(new() { Path = Path.Combine(_artifacts, "review-inspector-a.png") });
        Assert.Equal("to_review", Status(f0));

        // Inspector B agrees: settled, and the marker is red.
        var b = await SignIn("insp-b");
        Assert.Equal(f0, await Current(b));
        await PressAndWaitSaved(b, "c");
        Assert.Equal("confirmed", Status(f0));
        var red = await MarkerPixel(b, f0);
        Assert.Equal([0xd6, 0x28, 0x28], red[..3]);

        // Next finding: A confirms, B calls it a false alarm: disputed.
        await a.ReloadAsync();
        await a.WaitForFunctionAsync("() => window.dxgeoReview.current() !== undefined");
        Assert.Equal(f1, await Current(a));
        await PressAndWaitSaved(a, "c");
        await b.Keyboard.PressAsync("n");
        await b.WaitForFunctionAsync("(id) => window.dxgeoReview.current() === id", f1);
        await PressAndWaitSaved(b, "f");
        Assert.Equal("disputed", Status(f1));

        // The lead finds it in the disputed list and settles it.
        var lead = await SignIn("lead");
        await lead.ClickAsync("#tab-disputed");
        await lead.WaitForFunctionAsync("(id) => window.dxgeoReview.current() === id", f1);
        await lead.SelectOptionAsync("#d-severity", "II");
        await lead.ClickAsync("#btn-confirm");
        await lead.WaitForFunctionAsync("() => document.getElementById('decide-msg').textContent.includes('saved')");
        Assert.Equal("confirmed", Status(f1));
        Assert.Equal("II", FindingView(f1).Severity);
        await lead.ScreenshotAsync(new() { Path = Path.Combine(_artifacts, "review-lead-resolved.png") });

        // A viewer sees the finding but no decision buttons, and the API refuses a forged decision.
        var viewer = await SignIn("viewer");
        Assert.False(await viewer.Locator("#btn-confirm").IsVisibleAsync());
        Assert.False(await viewer.Locator("#btn-false").IsVisibleAsync());
        var version = FindingView(s.Town.FindingIds[2]).Version;
        var code = await viewer.EvaluateAsync<int>(@"async ([id, version]) => {
            const t = (await (await fetch('/api/auth/csrf')).json()).token;
            const r = await fetch(`/api/review/findings/${id}/decision`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': t },
              body: JSON.stringify({ verdict: 'confirmed', version, damageType: 'crack', severity: 'I' }) });
            return r.status; }", new object[] { s.Town.FindingIds[2], version });
        Assert.Equal(403, code);
        Assert.Equal(version, FindingView(s.Town.FindingIds[2]).Version);

        // The audit trail: each action once, in order, with the right user.
        var trail = AuditTrail.Read(s.Town.Store).Skip(auditStart).ToList();
        Assert.Equal(
            [("insp-a", "finding.confirm", f0), ("insp-b", "finding.confirm", f0), ("insp-a", "finding.confirm", f1),
             ("insp-b", "finding.false_alarm", f1), ("lead", "finding.resolve", f1)],
            trail.Select(e => (e.UserName, e.Action, e.EntityId)));
    }
}
