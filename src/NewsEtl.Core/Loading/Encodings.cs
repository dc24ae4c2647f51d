using System.Text;

namespace NewsEtl.Loading;

/// <summary>Makes the legacy code pages (GBK, GB18030, Big5) available; without this .NET silently falls back to UTF-8.</summary>
public static class Encodings
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
