using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Default_IsValidAndTakesEveryFileUpTo64MiB()
    {
        var options = LoadOptions.Default;

        Assert.Empty(options.Validate());
        Assert.Empty(options.Include);
        Assert.Empty(options.Exclude);
        Assert.Equal(64L * 1024 * 1024, options.MaxInputBytes);
    }

    [Fact]
    public void SupportedGlobs_AsInclude_AreValid()
    {
        Assert.Empty(new LoadOptions { Include = LoadOptions.SupportedGlobs }.Validate());
    }

    [Fact]
    public void Validate_NonPositiveMaxInputBytes_NamesOptionAndFix()
    {
        var error = Assert.Single(new LoadOptions { MaxInputBytes = -1 }.Validate());

        Assert.StartsWith("MaxInputBytes must be greater than 0 (got -1)", error, StringComparison.Ordinal);
        Assert.Contains("67108864", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadGlobs_NamesEachByOptionAndIndex()
    {
        var errors = new LoadOptions { Include = ["*.html", "a\\b"], Exclude = ["/tmp/x"] }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Include[1] 'a\\b' contains '\\'", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Exclude[0] '/tmp/x' starts with '/'", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullGlobList_IsReported()
    {
        var error = Assert.Single(new LoadOptions { Include = null! }.Validate());

        Assert.StartsWith("Include is null", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxInputBytesBeyondOneArray_IsReported()
    {
        var error = Assert.Single(new LoadOptions { MaxInputBytes = 4L * 1024 * 1024 * 1024 }.Validate());

        Assert.StartsWith($"MaxInputBytes must be at most {Array.MaxLength}", error, StringComparison.Ordinal);
    }
}
