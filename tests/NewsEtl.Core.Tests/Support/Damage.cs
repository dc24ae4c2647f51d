using System.Text;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Support;

/// <summary>Applies the damage the repair stage undoes, the way real tools cause it.</summary>
public static class Damage
{
    public static Encoding Gbk => CodePage(936);

    public static Encoding Big5 => CodePage(950);

    public static Encoding Windows1252 => CodePage(1252);

    private static Encoding CodePage(int codePage)
    {
        Encodings.EnsureRegistered();
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Classic mojibake: the text written in one charset and read back in another (each read is a stateless decode).</summary>
    public static string Misread(string text, Encoding writtenAs, Encoding readAs) => readAs.GetString(writtenAs.GetBytes(text));

    /// <summary>Double-encoded UTF-8 shown once too often: UTF-8 read as Windows-1252, saved as UTF-8, read as Windows-1252 again.</summary>
    public static string DoubleUtf8(string text) => Misread(Misread(text, Encoding.UTF8, Windows1252), Encoding.UTF8, Windows1252);

    /// <summary>True when the encoding writes every character of the text and reads it back unchanged.</summary>
    public static bool RoundTrips(string text, Encoding encoding) =>
        string.Equals(encoding.GetString(encoding.GetBytes(text)), text, StringComparison.Ordinal);

    /// <summary>Encodes to GBK and decodes in two chunks split at <paramref name="byteOffset"/> with a stateless decoder.</summary>
    public static string ChunkSplit(string text, int byteOffset, Encoding? encoding = null)
    {
        var e = encoding ?? Gbk;
        var bytes = e.GetBytes(text);
        return e.GetString(bytes, 0, byteOffset) + e.GetString(bytes, byteOffset, bytes.Length - byteOffset);
    }

    /// <summary>Byte offsets that fall inside a double-byte character (between its lead and trail byte).</summary>
    public static IEnumerable<int> MidCharacterOffsets(string text, Encoding? encoding = null)
    {
        var e = encoding ?? Gbk;
        var offset = 0;
        foreach (var c in text)
        {
            var length = e.GetByteCount(c.ToString());
            if (length == 2)
            {
                yield return offset + 1;
            }

            offset += length;
        }
    }

    /// <summary>Folds ，：；？！（） to ASCII, as many converters do.</summary>
    public static string FoldPunctuation(string text) =>
        string.Concat(text.Select(NewsEtl.Repair.PunctuationWidth.ToNarrow));

    /// <summary>Inserts "(note)" between the two GBK bytes of the character at <paramref name="index"/>, then decodes statelessly.</summary>
    public static string NoteInsideCharacter(string text, int index, string note)
    {
        var e = Gbk;
        var before = e.GetBytes(text[..index]);
        var ch = e.GetBytes(text[index].ToString());
        var after = e.GetBytes(text[(index + 1)..]);
        var noteBytes = e.GetBytes("(" + note + ")");
        return e.GetString([.. before, ch[0], .. noteBytes, ch[1], .. after]);
    }
}
