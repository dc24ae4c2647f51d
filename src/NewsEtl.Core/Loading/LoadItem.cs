using NewsEtl.Model;

namespace NewsEtl.Loading;

/// <summary>One result of the load stage: an input to decode, or the rejection of a file or record.</summary>
public sealed record LoadItem
{
    /// <summary>The <see cref="Model.Rejection.Stage"/> of every rejection made here.</summary>
    public const string Stage = "load";

    private LoadItem(RawInput? input, Rejection? rejection)
    {
        Input = input;
        Rejection = rejection;
    }

    public RawInput? Input { get; }

    public Rejection? Rejection { get; }

    public string Source => Input?.Source ?? Rejection!.Source;

    public static LoadItem Of(RawInput input) => new(input, null);

    /// <summary>The same item under another source name.</summary>
    internal LoadItem WithSource(string source) =>
        new(Input is null ? null : Input with { Source = source }, Rejection is null ? null : Rejection with { Source = source });

    /// <summary>A rejection made by an earlier stage (fetch) that travels with the inputs.</summary>
    public static LoadItem Of(Rejection rejection) => new(null, rejection);

    /// <param name="isFailure">True for I/O errors and corrupt containers; false for inputs that are simply not pages.</param>
    public static LoadItem Reject(string source, string reason, bool isFailure) =>
        new(null, new Rejection(source, Stage, reason, isFailure));
}
