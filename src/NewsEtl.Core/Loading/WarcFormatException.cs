namespace NewsEtl.Loading;

/// <summary>A WARC file that cannot be read past this point (bad version line, missing length, cut-off record).</summary>
internal sealed class WarcFormatException(string message) : Exception(message);
