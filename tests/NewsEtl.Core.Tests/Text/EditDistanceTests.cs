using NewsEtl.Core.Tests.Support;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("本文为转载内容", "本文为转载内容", 0, true)]
    [InlineData("本文为转载内部", "本文为转载内容", 1, true)]
    [InlineData("本的为转载内部", "本文为转载内容", 1, false)]
    [InlineData("本的为转载内部", "本文为转载内容", 2, true)]
    [InlineData("暂?o评论哦", "暂无评论哦", 2, true)]
    [InlineData("暂?o评论哦", "暂无评论哦", 1, false)]
    [InlineData("", "ab", 2, true)]
    [InlineData("", "abc", 2, false)]
    [InlineData("abc", "", 3, true)]
    public void AtMost_CountsInsertionsDeletionsAndSubstitutions(string a, string b, int limit, bool expected) =>
        Assert.Equal(expected, EditDistance.AtMost(a, b, limit));

    [Fact]
    public void AtMost_AgreesWithTheFullDistance_OnRandomTexts()
    {
        var random = new Random(20191129);
        for (var round = 0; round < 3000; round++)
        {
            var a = Text(random);
            var b = Text(random);
            var distance = Levenshtein.Distance(a, b);
            for (var limit = 0; limit <= 4; limit++)
            {
                Assert.True(distance <= limit == EditDistance.AtMost(a, b, limit), $"{a} / {b}: distance {distance}, limit {limit}");
            }
        }
    }

    private static string Text(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)])]);
}
