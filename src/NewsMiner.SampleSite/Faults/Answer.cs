using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NewsMiner.SampleSite.Faults;

/// <summary>The writing side of one connection of the fault site: well-formed answers and every way to break one.</summary>
internal sealed class Answer(TcpClient client, NetworkStream stream, int call, CancellationToken ct)
{
    /// <summary>How many times this URL (host and path) has been asked for, this request included.</summary>
    public int Call { get; } = call;

    public CancellationToken Token { get; } = ct;

    /// <summary>The connection was reset: nothing more may be written.</summary>
    public bool Reset { get; private set; }

    public Task HtmlAsync(string html) => BytesAsync(200, "OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public Task BytesAsync(int status, string reason, string? contentType, byte[] body, params string[] headers)
    {
        var all = new List<string>(headers) { $"Content-Length: {body.Length}" };
        if (contentType is not null) all.Add($"Content-Type: {contentType}");
        return WriteAsync(status, reason, all, body);
    }

    public Task StatusAsync(int status, string reason, params string[] headers) =>
        BytesAsync(status, reason, "text/html; charset=utf-8", Encoding.UTF8.GetBytes($"<html><body><h1>{status} {reason}</h1></body></html>"), headers);

    public Task RedirectAsync(string location, int status = 302) => StatusAsync(status, status == 301 ? "Moved Permanently" : "Found", $"Location: {location}");

    /// <summary>The status line and headers, then <paramref name="body"/> as is (framing is the caller's business).</summary>
    public async Task WriteAsync(int status, string reason, IEnumerable<string> headers, byte[] body)
    {
        await HeadAsync(status, reason, headers).ConfigureAwait(false);
        await stream.WriteAsync(body, Token).ConfigureAwait(false);
    }

    public async Task HeadAsync(int status, string reason, IEnumerable<string> headers)
    {
        var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"));
        foreach (var h in headers) head.Append(h).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Token).ConfigureAwait(false);
    }

    public async Task RawAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes, Token).ConfigureAwait(false);
        await stream.FlushAsync(Token).ConfigureAwait(false);
    }

    /// <summary>Drops the connection with a TCP reset (SO_LINGER 0), as a crashed or hostile server does.</summary>
    public void ResetConnection()
    {
        Reset = true;
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }
}
