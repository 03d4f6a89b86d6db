using System.Text.Json;
using Microsoft.Playwright;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// A Chromium performance trace of one page over the DevTools protocol (Playwright's .NET API has no browser-level
/// tracing): the JSON opens in the DevTools performance panel, and <see cref="MainThreadSummary"/> sums the renderer
/// main thread's top-level work by kind (script compile and run, style/layout, paint, GC, idle gaps).
/// </summary>
internal sealed class ChromiumTrace
{
    private const string Categories = "devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,loading,v8";
    private readonly ICDPSession _cdp;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumTrace(ICDPSession cdp) => _cdp = cdp;

    public static async Task<ChromiumTrace> Start(IBrowserContext context, IPage page)
    {
        var t = new ChromiumTrace(await context.NewCDPSessionAsync(page));
        t._cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } v) lock (t._events) foreach (var x in v.GetProperty("value").EnumerateArray()) t._events.Add(x.Clone());
        };
        t._cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => t._done.TrySetResult();
        await t._cdp.SendAsync("Tracing.start", new() { ["categories"] = Categories, ["transferMode"] = "ReportEvents" });
        return t;
    }

    /// <summary>Ends the trace, writes it to <paramref name="path"/> and returns the main-thread summary.</summary>
    public async Task<string> Stop(string path)
    {
        await _cdp.SendAsync("Tracing.end");
        await _done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { traceEvents = _events }));
        return MainThreadSummary();
    }

    /// <summary>Top-level tasks of the renderer's main thread, their total ms by the kind of their longest child.</summary>
    private string MainThreadSummary()
    {
        int? pid = null, tid = null;
        foreach (var e in _events)
            if (e.GetProperty("name").GetString() == "thread_name" && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
            { pid = e.GetProperty("pid").GetInt32(); tid = e.GetProperty("tid").GetInt32(); }
        if (pid is null) return "no renderer main thread in the trace";
        var byName = new Dictionary<string, double>();
        double total = 0;
        foreach (var e in _events)
        {
            if (e.GetProperty("pid").GetInt32() != pid || e.GetProperty("tid").GetInt32() != tid) continue;
            if (e.GetProperty("ph").GetString() != "X" || !e.TryGetProperty("dur", out var d)) continue;
            var name = e.GetProperty("name").GetString()!;
            var ms = d.GetDouble() / 1000;
            if (name == "RunTask") total += ms;
            else if (name is "EvaluateScript" or "v8.compile" or "v8.compileModule" or "FunctionCall" or "TimerFire" or "FireAnimationFrame"
                     or "EventDispatch" or "ParseHTML" or "UpdateLayoutTree" or "Layout" or "Paint" or "PrePaint" or "Layerize" or "MajorGC" or "MinorGC"
                     or "XHRReadyStateChange" or "XHRLoad" or "RunMicrotasks" or "v8.evaluateModule" or "ResourceReceivedData")
                byName[name] = byName.GetValueOrDefault(name) + ms;
        }
        return $"main thread busy {total:F0} ms in tasks; " + string.Join(", ", byName.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:F0}"));
    }
}
