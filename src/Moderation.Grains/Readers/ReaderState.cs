namespace Moderation.Grains.Readers;

[GenerateSerializer, Alias("moderation.reader-state.v1")]
public sealed class ReaderState
{
    [Id(0)] public bool Banned { get; set; }
    [Id(1)] public string? Reason { get; set; }
    [Id(2)] public string? BannedBy { get; set; }
    [Id(3)] public DateTimeOffset? BannedAt { get; set; }

    /// <summary>The <c>reader.banned</c> event of the latest ban, when a webhook wanted it; kept so a crash cannot lose it.</summary>
    [Id(4)] public string? BanEvent { get; set; }
}
