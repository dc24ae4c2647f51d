using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>A request as the test site saw it.</summary>
internal sealed record SeenRequest(string Path, string Host, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince, string? AcceptEncoding);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) that serves scripted answers per path:
/// pages and faults. Unmapped paths answer 404. Every request is logged and announced on <see cref="NextArrivalAsync"/>.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly Channel<string> _arrivals = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Port { get; private set; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Cancelled when the site stops: handlers that hang wait on it, so nothing outlives a test.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static async Task<TestSite> StartAsync()
    {
        var site = new TestSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(site.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.Port = new Uri(address).Port;
        site._app = app;
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public TestSite Map(string path, Func<HttpContext, int, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public int PageHits => _hits.Where(h => h.Key != "/robots.txt").Sum(h => h.Value);

    /// <summary>Waits (at most 5 s of real time) until a request for <paramref name="path"/> arrives.</summary>
    public async Task NextArrivalAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (await _arrivals.Reader.ReadAsync(timeout.Token) != path)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var headers = context.Request.Headers;
        Requests.Enqueue(new SeenRequest(
            path,
            context.Request.Host.Value ?? "",
            headers.UserAgent.ToString(),
            NullIfEmpty(headers.IfNoneMatch.ToString()),
            NullIfEmpty(headers.IfModifiedSince.ToString()),
            NullIfEmpty(headers.AcceptEncoding.ToString())));
        _arrivals.Writer.TryWrite(path);
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context, hit);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
