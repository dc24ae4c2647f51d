using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class FetchHelpersTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Fact]
    public void RetryAfter_DeltaSeconds_IsTheDelay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.DelayFor(response, new FakeTimeProvider(), Cap));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeUntilThen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sat, 01 Mar 2025 08:00:20 GMT");

        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter.DelayFor(response, clock, Cap));
    }

    [Theory]
    [InlineData("Sat, 01 Mar 2025 07:59:00 GMT", 0)]
    [InlineData("86400", 30)]
    [InlineData("0", 0)]
    public void RetryAfter_PastOrHuge_IsClamped(string header, int seconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.DelayFor(response, clock, Cap));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void RetryAfter_MissingOrUnreadable_LeavesTheBackoff(string? header)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", header);
        }

        Assert.Null(RetryAfter.DelayFor(response, new FakeTimeProvider(), Cap));
        Assert.Null(RetryAfter.DelayFor(null, new FakeTimeProvider(), Cap));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(404, false)]
    [InlineData(400, false)]
    [InlineData(200, false)]
    public void TransientStatus_RetriesOnly408_429And5xx(int status, bool transient) =>
        Assert.Equal(transient, TransientFailure.IsTransient((HttpStatusCode)status));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("203.0.113.7", false)]
    [InlineData("2001:db8::1", false)]
    public void AddressGuard_ClassifiesNonPublicAddresses(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, AddressGuard.IsNonPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://api.localhost/", true)]
    [InlineData("http://[::1]/", true)]
    [InlineData("http://192.168.0.10/", true)]
    [InlineData("https://www.jiemian.com/", false)]
    [InlineData("http://8.8.8.8/", false)]
    public void AddressGuard_NamesNonPublicHost(string url, bool expected) =>
        Assert.Equal(expected, AddressGuard.NamesNonPublicHost(new Uri(url)));

    [Theory]
    [InlineData("text/html; charset=GBK", "text/html", "gbk")]
    [InlineData("text/html;charset=\"big5\"", "text/html", "big5")]
    [InlineData("TEXT/HTML", "text/html", null)]
    [InlineData("text/html; charset=", "text/html", null)]
    [InlineData("text/html;; charset=utf-8;", "text/html", "utf-8")]
    [InlineData(null, "application/octet-stream", null)]
    public void MediaTypeHeader_ParsesLeniently(string? header, string mediaType, string? charset) =>
        Assert.Equal((mediaType, charset), MediaTypeHeader.Parse(header));

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY======")]
    [InlineData("foobar", "MZXW6YTBOI======")]
    public void Base32_MatchesRfc4648(string input, string expected) =>
        Assert.Equal(expected, Base32.Encode(System.Text.Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void WarcDigest_OfEmptyPayload_IsTheWellKnownValue() =>
        Assert.Equal("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", WarcRecord.Sha1([]));

    [Fact]
    public void WarcDate_IsUtcToTheSecond() =>
        Assert.Equal(
            "2025-03-01T00:30:05Z",
            WarcRecord.Date(DateTimeOffset.Parse("2025-03-01T08:30:05.789+08:00", CultureInfo.InvariantCulture)));
}
