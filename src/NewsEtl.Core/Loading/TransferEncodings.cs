using System.Buffers;
using System.Buffers.Text;

namespace NewsEtl.Loading;

/// <summary>Decoders for the MIME Content-Transfer-Encodings found in MHTML parts.</summary>
internal static class TransferEncodings
{
    /// <summary>Undoes the named transfer encoding; null with a <paramref name="problem"/> when the data is not valid for it.</summary>
    public static byte[]? Decode(string? encoding, ReadOnlySpan<byte> data, out string? problem)
    {
        problem = null;
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case null or "" or "7bit" or "8bit" or "binary":
                return data.ToArray();
            case "quoted-printable":
                return QuotedPrintable(data);
            case "base64":
                var bytes = Base64(data);
                problem = bytes is null ? "invalid base64 data" : null;
                return bytes;
            default:
                problem = $"unsupported Content-Transfer-Encoding '{encoding}'";
                return null;
        }
    }

    public static byte[] QuotedPrintable(ReadOnlySpan<byte> data)
    {
        var output = new byte[data.Length];
        var length = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b != '=')
            {
                output[length++] = b;
                continue;
            }

            // "=" then optional transport padding then a line end is a soft break that joins the lines.
            var j = i + 1;
            while (j < data.Length && (data[j] == ' ' || data[j] == '\t'))
            {
                j++;
            }

            if (j < data.Length && (data[j] == '\n' || (data[j] == '\r' && j + 1 < data.Length && data[j + 1] == '\n')))
            {
                i = data[j] == '\r' ? j + 1 : j;
            }
            else if (i + 2 < data.Length && HexValue(data[i + 1]) is var high and >= 0 && HexValue(data[i + 2]) is var low and >= 0)
            {
                output[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                output[length++] = b; // a stray '=' is kept as written, as RFC 2045 suggests
            }
        }

        return output[..length];
    }

    /// <summary>Decodes base64 that may be wrapped in lines; null when it is not base64 or is cut short.</summary>
    public static byte[]? Base64(ReadOnlySpan<byte> data)
    {
        var clean = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, 1));
        try
        {
            var length = 0;
            foreach (var b in data)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    clean[length++] = b;
                }
            }

            var output = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(length)];
            var status = System.Buffers.Text.Base64.DecodeFromUtf8(clean.AsSpan(0, length), output, out _, out var written);
            return status == OperationStatus.Done ? output[..written] : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(clean);
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
