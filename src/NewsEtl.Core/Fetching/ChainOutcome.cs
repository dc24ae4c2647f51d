namespace NewsEtl.Fetching;

/// <summary>What following one URL produced, and the exchange to archive when a page came back.</summary>
internal sealed record ChainOutcome(FetchResult Result, WarcExchange? Exchange);
