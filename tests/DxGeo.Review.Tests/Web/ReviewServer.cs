using System.Net.Http.Json;
using System.Text.Json;
using DxGeo.Review.Accounts;
using DxGeo.Review.Reviews;
using DxGeo.Web;
using DxGeo.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxGeo.Review.Tests.Web;

/// <summary>
/// A review town served in memory (TestServer, for API tests) and on a loopback port (for the browser), with one
/// account per role. Passwords are the account name + "-password".
/// </summary>
public class ReviewServer : IAsyncLifetime
{
    public static readonly (string Name, Role Role)[] Users =
        [("admin", Role.Admin), ("insp-a", Role.Inspector), ("insp-b", Role.Inspector), ("insp-c", Role.Inspector),
         ("lead", Role.Lead), ("lead-2", Role.Lead), ("viewer", Role.Viewer), ("planner", Role.Planner)];

    public static string Password(string user) => user + "-password";

    public ReviewTown Town { get; }
    public WebApplication InMemory { get; private set; } = null!;
    public WebApplication? Live { get; private set; }
    public string LiveUrl { get; private set; } = "";
    protected virtual bool TwoReviewers => false;
    protected virtual bool StartLive => false;
    protected virtual int Findings => 12;
    protected virtual Action<ReviewWebOptions>? Options => null;

    public ReviewServer() => Town = new ReviewTown(Findings);

    public async Task InitializeAsync()
    {
        var accounts = new AccountStore(Town.Store);
        foreach (var (name, role) in Users) accounts.Add(Actor.LocalAdmin, name, role, Password(name));
        if (TwoReviewers) ReviewSettings.SetTwoReviewers(Town.Store, Actor.LocalAdmin, true);
        var options = new WebServerOptions { BaseMapUrl = null };
        InMemory = DxGeoWebServer.Build(Town.Workspace, options, b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
            b.Services.Configure<ReviewWebOptions>(o => { o.LoginAttemptsPerMinute = 1000; Options?.Invoke(o); });
        });
        await InMemory.StartAsync();
        if (StartLive)
        {
            Live = DxGeoWebServer.Build(Town.Workspace, options with { Urls = "http://127.0.0.1:0" }, b =>
            {
                b.Logging.ClearProviders();
                b.Services.Configure<ReviewWebOptions>(o => o.LoginAttemptsPerMinute = 1000);
            });
            await Live.StartAsync();
            LiveUrl = Live.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }
    }

    /// <summary>A client that keeps cookies, not signed in.</summary>
    public HttpClient Anonymous()
    {
        var server = InMemory.GetTestServer();
        return new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }

    /// <summary>A client signed in as <paramref name="user"/> that sends the CSRF token with every request.</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var c = Anonymous();
        await Csrf(c);
        var res = await c.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password(user) });
        res.EnsureSuccessStatusCode();
        await Csrf(c); // the token is bound to the signed-in identity: fetch a new one
        return c;
    }

    public static async Task Csrf(HttpClient c)
    {
        var json = await c.GetFromJsonAsync<JsonElement>("/api/auth/csrf");
        c.DefaultRequestHeaders.Remove(WriteGuard.HeaderName);
        c.DefaultRequestHeaders.Add(WriteGuard.HeaderName, json.GetProperty("token").GetString());
    }

    public async Task DisposeAsync()
    {
        await InMemory.StopAsync();
        await InMemory.DisposeAsync();
        if (Live is not null) { await Live.StopAsync(); await Live.DisposeAsync(); }
        Town.Dispose();
    }
}
