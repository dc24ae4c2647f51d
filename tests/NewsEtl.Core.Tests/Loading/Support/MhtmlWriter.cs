using System.Text;

namespace NewsEtl.Core.Tests.Loading.Support;

/// <summary>Writes MHTML the way Chrome saves a page: multipart/related, one part per resource.</summary>
public sealed class MhtmlWriter(string snapshotUrl, string boundary = "----MultipartBoundary--x1Y2z3----")
{
    private readonly StringBuilder parts = new();

    public MhtmlWriter Part(string contentType, string transferEncoding, string encodedBody, string? location = null)
    {
        parts.Append($"--{boundary}\r\nContent-Type: {contentType}\r\n")
            .Append($"Content-Transfer-Encoding: {transferEncoding}\r\n");
        if (location is not null)
        {
            parts.Append($"Content-Location: {location}\r\n");
        }

        parts.Append("\r\n").Append(encodedBody).Append("\r\n");
        return this;
    }

    public byte[] ToBytes()
    {
        var head = "From: <Saved by Blink>\r\n"
            + $"Snapshot-Content-Location: {snapshotUrl}\r\n"
            + "Subject: =?utf-8?Q?=E7=95=8C=E9=9D=A2?=\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/related;\r\n"
            + "\ttype=\"text/html\";\r\n"
            + $"\tboundary=\"{boundary}\"\r\n\r\n";
        return Encoding.ASCII.GetBytes(head + parts + $"--{boundary}--\r\n");
    }

    /// <summary>Quoted-printable with soft line breaks, as RFC 2045 writes it.</summary>
    public static string QuotedPrintable(byte[] data)
    {
        var output = new StringBuilder();
        var lineLength = 0;
        foreach (var b in data)
        {
            var token = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (lineLength + token.Length > 75)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }

            output.Append(token);
            lineLength += token.Length;
        }

        return output.ToString();
    }

    public static string Base64(byte[] data) => Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks);
}
