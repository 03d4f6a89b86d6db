using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxGeo.Web.Tests;

/// <summary>
/// One test town served twice for the whole test run: in memory (ASP.NET Core's TestServer, as Mvc.Testing's
/// WebApplicationFactory uses) for API tests, and on a real loopback port for GDAL and the browser.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestTown Town { get; } = new();
    public WebApplication InMemory { get; private set; } = null!;
    public WebApplication Live { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string LiveUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var options = new WebServerOptions { BaseMapUrl = null, MaxLimit = 25, DefaultLimit = 10 };
        InMemory = DxGeoWebServer.Build(Town.Workspace, options, b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
        });
        await InMemory.StartAsync();
        Client = InMemory.GetTestClient();

        Live = DxGeoWebServer.Build(Town.Workspace, options with { Urls = "http://127.0.0.1:0" }, b => b.Logging.ClearProviders());
        await Live.StartAsync();
        LiveUrl = Live.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await InMemory.StopAsync();
        await Live.StopAsync();
        await InMemory.DisposeAsync();
        await Live.DisposeAsync();
        Town.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
