using System.Net;
using System.Net.Sockets;

namespace NewsEtl.Fetching;

/// <summary>
/// Builds the fetcher's own handler: no automatic redirects or decompression (the fetcher does both, with limits),
/// no cookies, and a connect step that refuses non-public addresses unless the request allows them.
/// </summary>
internal static class FetchHandler
{
    /// <summary>Set on each request: may this connection go to a loopback/private/link-local address?</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowNonPublicKey = new("NewsEtl.AllowNonPublicAddress");

    public static SocketsHttpHandler Create(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        var lookup = resolve ?? Dns.GetHostAddressesAsync;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context, lookup, cancellationToken),
        };
    }

    // Checking the resolved address (not only the URL's text) stops a public name that resolves to 10.x or 127.x.
    private static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        Func<string, CancellationToken, Task<IPAddress[]>> resolve,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var allowNonPublic = context.InitialRequestMessage.Options.TryGetValue(AllowNonPublicKey, out var allow) && allow;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, cancellationToken);
        var usable = allowNonPublic ? addresses : [.. addresses.Where(a => !AddressGuard.IsNonPublic(a))];
        if (usable.Length == 0)
        {
            throw new FetchRefusedException(addresses.Length == 0
                ? $"host {host} has no address"
                : $"redirect to {host} ({addresses[0]}) refused: not a public address; set AllowPrivateRedirects to follow it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
