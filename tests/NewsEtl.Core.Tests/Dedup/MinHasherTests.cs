using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;

namespace NewsEtl.Core.Tests.Dedup;

public sealed class MinHasherTests
{
    private static readonly NearDuplicateOptions Options = new();

    [Theory]
    [InlineData(0, 14, 0, 14)]
    [InlineData(0, 10, 4, 14)]
    [InlineData(0, 8, 4, 12)]
    [InlineData(0, 7, 7, 14)]
    public void Resemblance_OfTwoBodies_EstimatesTheExactJaccardOfTheirShingles(int aFrom, int aTo, int bFrom, int bTo)
    {
        var a = Body(aFrom, aTo);
        var b = Body(bFrom, bTo);
        var hasher = new MinHasher(Options);
        var estimate = MinHasher.Resemblance(hasher.Signature(a).Signature, hasher.Signature(b).Signature);
        Assert.InRange(estimate, Exact(a, b) - 0.1, Exact(a, b) + 0.1);
    }

    [Fact]
    public void Signature_FromSeparateInstances_IsTheSame()
    {
        var body = Body(0, 14);
        var (first, count) = new MinHasher(Options).Signature(body);
        var (second, again) = new MinHasher(Options).Signature(body);
        Assert.Equal(first, second);
        Assert.Equal(count, again);
        Assert.Equal(Options.SignatureLength, first.Length);
    }

    [Fact]
    public void Signature_OfTextShorterThanAShingle_IsEmpty()
    {
        Assert.Empty(new MinHasher(Options).Signature("公司").Signature);
    }

    private static string Body(int from, int to) => TextFingerprint.Normalize(string.Concat(CleanCorpus.Simplified.Skip(from).Take(to - from)));

    private static double Exact(string a, string b)
    {
        var k = Options.ShingleLength;
        var sa = Enumerable.Range(0, a.Length - k + 1).Select(i => a.Substring(i, k)).ToHashSet();
        var sb = Enumerable.Range(0, b.Length - k + 1).Select(i => b.Substring(i, k)).ToHashSet();
        return (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
    }
}
