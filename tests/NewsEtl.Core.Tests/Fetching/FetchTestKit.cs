using System.Net;
using System.Net.Sockets;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>Shared settings and helpers for the fetcher tests.</summary>
internal static class FetchTestKit
{
    /// <summary>Test defaults: no per-host spacing (tests that need it set it), retry delays within the clock's pump horizon.</summary>
    public static FetchOptions Options => new()
    {
        PerHostDelay = TimeSpan.Zero,
        MaxDelay = TimeSpan.FromSeconds(10),
    };

    public static async Task<List<FetchResult>> FetchAllAsync(PageFetcher fetcher, params Uri[] urls)
    {
        var results = new List<FetchResult>();
        await foreach (var result in fetcher.FetchAllAsync(urls, CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>A handler that sends every host name to the test site, so tests can name "public" hosts offline.</summary>
    public static SocketsHttpHandler AllHostsTo(int port) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
