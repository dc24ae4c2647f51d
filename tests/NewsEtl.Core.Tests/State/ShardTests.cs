using NewsEtl.State;

namespace NewsEtl.Core.Tests.State;

public sealed class ShardTests
{
    [Fact]
    public void Shards_PartitionSources_EachSourceInExactlyOne()
    {
        var sources = Enumerable.Range(0, 2000).Select(i => $"folder/page-{i}.html").ToList();
        var shards = Enumerable.Range(1, 4).Select(k => new Shard(k, 4)).ToList();

        var counts = shards.Select(s => sources.Count(s.Includes)).ToList();

        Assert.All(sources, source => Assert.Single(shards, s => s.Includes(source)));
        Assert.All(counts, c => Assert.InRange(c, 400, 600));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void Parse_BadShard_SaysHowToWriteIt(string text)
    {
        Assert.Null(Shard.Parse(text, out var error));
        Assert.Contains("K/N", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GoodShard_KeepsKAndN() => Assert.Equal(new Shard(2, 4), Shard.Parse("2/4", out _));
}
