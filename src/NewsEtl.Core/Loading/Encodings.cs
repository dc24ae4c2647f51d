using System.Text;

namespace NewsEtl.Loading;

/// <summary>Makes the legacy code pages (GBK, GB18030, Big5) available to <see cref="Encoding.GetEncoding(int)"/>.</summary>
public static class Encodings
{
    private static readonly Lock Gate = new();
    private static volatile bool registered;

    /// <summary>Registers <see cref="CodePagesEncodingProvider"/> once; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered()
    {
        // Without the provider .NET knows only the Unicode encodings and GetEncoding(936) throws,
        // while name look-ups that go through fallbacks quietly decode GBK as something else.
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (!registered)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                registered = true;
            }
        }
    }
}
