namespace NewsEtl.Core.Tests.Support;

/// <summary>One damaged paragraph: what the repair should give back, what it gets, and the page it sits in.</summary>
/// <param name="Kind">The damage applied, one of <see cref="Corruption.Kinds"/>.</param>
/// <param name="Clean">The paragraph as it should come out of the repair.</param>
/// <param name="Damaged">The paragraph as the repair receives it.</param>
/// <param name="Page">All texts of the page, the damaged paragraph included, for the page's own statistics.</param>
/// <param name="Repairable">False when the damage destroyed information no mechanism can restore (a lone U+FFFD).</param>
public sealed record DamageCase(string Kind, string Clean, string Damaged, IReadOnlyList<string> Page, bool Repairable = true);

/// <summary>A clean paragraph and the page it sits in: the repair must leave it exactly as it is.</summary>
public sealed record ControlCase(string Name, string Text, IReadOnlyList<string> Page);
