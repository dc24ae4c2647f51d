using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsEtl.Output;

/// <summary>The JSON settings every output file shares: snake_case names, Chinese written as is.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Lines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Document = new(Lines) { WriteIndented = true };
}
