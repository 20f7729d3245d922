using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMiner.SampleSite;

/// <summary>
/// Serves the bundled sample site (four imitated Vietnamese site kinds under /baotinh/, /congthongtin/, /huyen/ and
/// /baothainguyen/) from embedded resources on a loopback port, so the crawler and the end-to-end tests never need
/// the network.
/// </summary>
public sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private SampleSiteServer(WebApplication app, Uri baseAddress, IReadOnlyList<Uri> startUrls)
    {
        _app = app;
        BaseAddress = baseAddress;
        StartUrls = startUrls;
    }

    /// <summary>Root of the site, e.g. http://127.0.0.1:41234/ (always ends with a slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The first page of every section listing (where a crawl starts).</summary>
    public IReadOnlyList<Uri> StartUrls { get; }

    /// <param name="ct">Cancels the start-up.</param>
    /// <param name="port">0 picks a free port.</param>
    public static async Task<SampleSiteServer> StartAsync(CancellationToken ct, int port = 0)
    {
        var content = SampleSiteContent.Load();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SampleSiteServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // A test host or a CLI demo must not print Kestrel's start-up and request lines.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));

        var app = builder.Build();
        app.Run(context => ServeAsync(content, context));
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address");
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        var manifest = SampleSiteManifest.Load();
        var starts = manifest.StartPaths.Select(p => new Uri(baseAddress, p)).ToArray();
        return new SampleSiteServer(app, baseAddress, starts);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task ServeAsync(SampleSiteContent content, HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var page = 1;
        var pageText = request.Query["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1))
        {
            page = -1;
        }

        var resource = page < 1 ? null : content.Resolve(request.Path.Value ?? "/", page);
        if (resource is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = SampleSiteContent.HtmlContentType;
            if (!HttpMethods.IsHead(request.Method))
                await response.WriteAsync(NotFoundPage, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var bytes = content.Read(resource);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = SampleSiteContent.ContentTypeOf(resource);
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private const string NotFoundPage =
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>404 - Không tìm thấy trang</title></head>" +
        "<body><h1>Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p></body></html>\n";
}
