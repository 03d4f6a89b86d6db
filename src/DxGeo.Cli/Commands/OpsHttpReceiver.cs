using System.Net;
using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Ops.Supervision;
using DxGeo.Ops.Triggers;

namespace DxGeo.Cli.Commands;

/// <summary>
/// The alert endpoint of <c>ops listen</c>: <c>POST /alerts</c> with the alert document as body and the three
/// <c>X-DxGeo-*</c> signature headers. Answers as soon as the alert is judged (flights continue): 202 launched,
/// 200 duplicate or nothing to launch, 401 unsigned or bad signature, 409 stale or replayed, 400 unreadable, 413 too large.
/// Built on the BCL's <see cref="HttpListener"/> so neither the domain nor the CLI takes a web-framework dependency for
/// one small authenticated endpoint (see docs/ops.md).
/// </summary>
internal sealed class OpsHttpReceiver : IDisposable
{
    public const int MaxBodyBytes = 1 << 20;
    private readonly HttpListener _listener = new();
    private readonly OpsDispatcher _dispatcher;
    private readonly Action<string> _say;
    private readonly Task _loop;
    private readonly List<Task> _flights = [];

    public OpsHttpReceiver(string prefix, OpsDispatcher dispatcher, Action<string> say)
    {
        _dispatcher = dispatcher;
        _say = say;
        _listener.Prefixes.Add(prefix);
        try { _listener.Start(); }
        catch (HttpListenerException e) { throw new DxGeoException($"cannot listen on {prefix}: {e.Message}"); }
        _loop = Task.Run(Loop);
    }

    /// <summary>Flights launched through this endpoint (awaited on shutdown).</summary>
    public Task Flights { get { lock (_flights) return Task.WhenAll(_flights); } }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var req = ctx.Request;
        var res = ctx.Response;
        try
        {
            if (req.Url?.AbsolutePath.TrimEnd('/') != "/alerts") { await Reply(res, 404, new { error = "POST alerts to /alerts" }); return; }
            if (req.HttpMethod != "POST") { res.AddHeader("Allow", "POST"); await Reply(res, 405, new { error = "POST only" }); return; }
            if (req.ContentLength64 > MaxBodyBytes) { await Reply(res, 413, new { error = $"alert larger than {MaxBodyBytes} bytes" }); return; }
            using var ms = new MemoryStream();
            var buffer = new byte[16384];
            int n;
            while ((n = await req.InputStream.ReadAsync(buffer)) > 0)
            {
                ms.Write(buffer, 0, n);
                if (ms.Length > MaxBodyBytes) { await Reply(res, 413, new { error = $"alert larger than {MaxBodyBytes} bytes" }); return; }
            }
            var signature = AlertSignature.FromHeaders(h => req.Headers[h]);
            var source = $"http {req.RemoteEndPoint}";
            var start = _dispatcher.Start(ms.ToArray(), signature, source, TriggerSource.Http);
            lock (_flights) _flights.Add(start.Completion);
            var v = start.Intake.Verdict;
            _say($"{source}: {v} — {start.Intake.Reason}{(start.Launching.Count > 0 ? $"; launching {string.Join(", ", start.Launching)}" : "")}" +
                 $"{(start.Notes.Count > 0 ? $" ({string.Join("; ", start.Notes)})" : "")}");
            var status = v switch
            {
                IntakeVerdict.Accepted => start.Launching.Count > 0 ? 202 : 200,
                IntakeVerdict.Duplicate => 200,
                IntakeVerdict.Unsigned or IntakeVerdict.BadSignature => 401,
                IntakeVerdict.Stale or IntakeVerdict.ReplayedNonce => 409,
                _ => 400,
            };
            await Reply(res, status, new { verdict = v.ToString(), alertId = start.Intake.Alert?.Id, reason = start.Intake.Reason, launching = start.Launching, notes = start.Notes });
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
    }

    private static async Task Reply(HttpListenerResponse res, int status, object body)
    {
        res.StatusCode = status;
        res.ContentType = "application/json; charset=utf-8";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        res.ContentLength64 = bytes.Length;
        await res.OutputStream.WriteAsync(bytes);
        res.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
