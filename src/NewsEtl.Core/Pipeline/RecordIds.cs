using NewsEtl.Model;

namespace NewsEtl.Pipeline;

/// <summary>Record ids: derived from the source alone, so a re-run or a changed input keeps its id.</summary>
public static class RecordIds
{
    public static string ForSource(string source) => Hashing.Sha256Hex("newsetl-record:" + source)[..16];
}
