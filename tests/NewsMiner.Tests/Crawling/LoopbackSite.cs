using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMiner.Tests.Crawling;

/// <summary>A Kestrel server on 127.0.0.1 with a random port, recording every request it receives.</summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Hit> _hits;

    public sealed record Hit(string Host, string PathAndQuery, DateTimeOffset At);

    private LoopbackSite(WebApplication app, ConcurrentQueue<Hit> hits, Uri baseUrl)
    {
        _app = app;
        _hits = hits;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; }

    /// <summary>The same server under another host name, which the crawler must treat as off-site.</summary>
    public Uri OtherHostUrl => new($"http://localhost:{BaseUrl.Port}/");

    public IReadOnlyList<Hit> Hits => [.. _hits];

    public Uri Url(string relative) => new(BaseUrl, relative);

    /// <param name="certificate">When given, the site speaks only HTTPS with this certificate.</param>
    public static async Task<LoopbackSite> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is null) builder.WebHost.UseUrls("http://127.0.0.1:0");
        else builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
        var hits = new ConcurrentQueue<Hit>();
        app.Use(async (context, next) =>
        {
            hits.Enqueue(new Hit(context.Request.Host.Host, context.Request.Path + context.Request.QueryString, DateTimeOffset.UtcNow));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackSite(app, hits, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
