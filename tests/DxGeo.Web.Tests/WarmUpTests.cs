using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace DxGeo.Web.Tests;

/// <summary>The start-up warm-up sends a first visitor's requests through the live server, and they succeed.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Warm_up_requests_the_page_the_config_and_a_pipe_tile_through_the_live_server()
    {
        using var town = new TestTown();
        var lines = new ConcurrentQueue<string>();
        var app = DxGeoWebServer.Build(town.Workspace, new WebServerOptions { Urls = "http://127.0.0.1:0", BaseMapUrl = null }, b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(new Collect(lines));
        });
        await app.StartAsync();
        try
        {
            await DxGeoWebServer.WarmUpAsync(app);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        var requests = lines.Select(l => Regex.Match(l, @"^HTTP GET (\S+) -> (\d+)")).Where(m => m.Success)
            .Select(m => (Path: m.Groups[1].Value, Status: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Contains(("/index.html", 200), requests);
        Assert.Contains(("/api/config", 200), requests);
        // One z14 tile of the first tiled layer, at the middle of the test town.
        Assert.Contains(requests, r => Regex.IsMatch(r.Path, @"^/tiles/\w+/14/\d+/\d+\.pbf$") && r.Status is 200 or 204);
    }

    private sealed class Collect(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
