using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>Scripted answers for <see cref="TestSite"/>: pages, statuses and faults.</summary>
internal static class Respond
{
    public static Func<HttpContext, int, Task> Html(string html, string? contentType = "text/html; charset=utf-8") =>
        Bytes(Encoding.UTF8.GetBytes(html), contentType);

    public static Func<HttpContext, int, Task> Bytes(byte[] body, string? contentType, Action<HttpResponse>? headers = null) =>
        async (context, _) =>
        {
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            headers?.Invoke(context.Response);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        };

    public static Func<HttpContext, int, Task> Status(int status, string? retryAfter = null) =>
        (context, _) =>
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return Task.CompletedTask;
        };

    public static Func<HttpContext, int, Task> Redirect(string location, int status = 302) =>
        (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    /// <summary>Answer n uses step n; the last step repeats.</summary>
    public static Func<HttpContext, int, Task> Sequence(params Func<HttpContext, int, Task>[] steps) =>
        (context, hit) => steps[Math.Min(hit, steps.Length) - 1](context, hit);

    /// <summary>Drops the connection before any response: the client sees a reset.</summary>
    public static Func<HttpContext, int, Task> Reset() =>
        (context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        };

    /// <summary>Promises 5000 bytes, sends 100, then drops the connection.</summary>
    public static Func<HttpContext, int, Task> Truncated() =>
        async (context, _) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = 5000;
            await context.Response.Body.WriteAsync(new byte[100]);
            await context.Response.Body.FlushAsync();
            // Let the head and the first bytes reach the client before the reset, so the body read is what fails.
            await Task.Delay(100);
            context.Abort();
        };

    /// <summary>Never answers until the client gives up or the site stops (at most 5 s of real time).</summary>
    public static Func<HttpContext, int, Task> Hang(TestSite site) =>
        async (context, _) =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, site.Stopping);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), either.Token);
            }
            catch (OperationCanceledException)
            {
                // the client timed out and hung up: what the test wanted
            }
        };

    /// <summary>Sends the body in pieces with real pauses between them (short: the test stays fast).</summary>
    public static Func<HttpContext, int, Task> Slowly(byte[] body, int pieces, TimeSpan pause) =>
        async (context, _) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var size = (body.Length + pieces - 1) / pieces;
            for (var offset = 0; offset < body.Length; offset += size)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
                await context.Response.Body.FlushAsync();
                await Task.Delay(pause);
            }
        };
}
