namespace Moderation.Api.Rules;

public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>How often each silo checks the word lists' version, in case it missed the change's message.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Entries per list: the gate's latency was measured with 10,000 (docs/benchmarks.md).</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Characters per entry.</summary>
    public int MaxEntryLength { get; set; } = 100;

    /// <summary>Largest body of a word list change: two full lists of long entries fit.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
