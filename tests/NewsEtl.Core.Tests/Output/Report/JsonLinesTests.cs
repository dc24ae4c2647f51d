using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Output.Report;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>The report's JSON Lines reader: line numbers, blank and broken lines, long lines, the byte-level filter.</summary>
public sealed class JsonLinesTests : IDisposable
{
    private readonly ScratchFolder _folder = new("newsetl-jsonl-");

    public void Dispose() => _folder.Dispose();

    private sealed record Item(string? Id, string? Text);

    [Fact]
    public async Task Read_BomCrLfBlankAndBrokenLines_NumbersEveryLineAndCountsTheBrokenOnes()
    {
        var path = Write("\uFEFF{\"id\":\"a\",\"text\":\"一\"}\r\n\r\n{broken\n{\"id\":\"b\",\"text\":\"二\"}");

        var seen = new List<(string Id, string Text, int Line)>();
        var malformed = await JsonLines.ReadAsync<Item>(path, (item, line) => seen.Add((item.Id!, item.Text!, line)), CancellationToken.None);

        Assert.Equal(1, malformed);
        Assert.Equal([("a", "一", 0), ("b", "二", 3)], seen);
    }

    [Fact]
    public async Task Read_LineLongerThanTheReadBuffer_ComesBackWhole()
    {
        var text = new string('字', 200_000); // 600,000 bytes of UTF-8, several reads long
        var path = Write($"{{\"id\":\"x\",\"text\":\"{text}\"}}\n{{\"id\":\"y\",\"text\":\"\"}}\n");

        var seen = new List<Item>();
        await JsonLines.ReadAsync<Item>(path, (item, _) => seen.Add(item), CancellationToken.None);

        Assert.Equal(2, seen.Count);
        Assert.Equal(text, seen[0].Text);
        Assert.Equal("y", seen[1].Id);
    }

    [Fact]
    public async Task Read_WithFilter_ParsesOnlyTheLinesItAccepts()
    {
        var path = Write("{\"id\":\"keep\",\"text\":\"1\"}\n{\"id\":\"skip\",\"text\":\"2\"}\n{not json but skipped\n");

        var seen = new List<string>();
        var malformed = await JsonLines.ReadAsync<Item>(
            path,
            (item, _) => seen.Add(item.Id!),
            CancellationToken.None,
            line => JsonLines.LeadingString(line, "id"u8) == "keep");

        Assert.Equal(["keep"], seen);
        Assert.Equal(0, malformed);
    }

    [Theory]
    [InlineData("{\"id\":\"7ec5d0f5\",\"x\":1}", "7ec5d0f5")]
    [InlineData("{\"id\":\"\",\"x\":1}", "")]
    [InlineData("{\"id\":\"a\\\"b\",\"x\":1}", null)] // escaped: the caller must parse
    [InlineData("{\"source\":\"a\",\"id\":\"b\"}", null)] // not the first property
    [InlineData("{ \"id\":\"a\"}", null)] // spacing this tool never writes
    [InlineData("{\"id\":\"unterminated", null)]
    [InlineData("{\"identity\":\"a\"}", null)]
    public void LeadingString_ReadsOnlyAPlainFirstProperty(string line, string? expected) =>
        Assert.Equal(expected, JsonLines.LeadingString(Encoding.UTF8.GetBytes(line), "id"u8));

    private string Write(string content)
    {
        var path = _folder.PathOf($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
