using CsvHelper;

namespace NewsEtl.Output;

/// <summary>The dialect of every CSV the tool writes: RFC 4180 (comma, double quotes, CRLF), UTF-8 without BOM.</summary>
public static class CsvFormat
{
    public static CsvWriterOptions Writer(bool injectionProtection) => CsvWriterOptions.Default with
    {
        Mode = CsvMode.Rfc4180,
        NewLine = "\r\n",
        TrueValue = "true",
        FalseValue = "false",
        WriteByteOrderMark = false,
        // A leading = + - @ tab or CR makes a spreadsheet evaluate the cell; a quote in front neutralizes it.
        Injection = injectionProtection ? CsvInjection.Escape : CsvInjection.None,
    };
}
