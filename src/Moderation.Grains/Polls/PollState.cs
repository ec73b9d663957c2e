using Moderation.Contracts.Polls;

namespace Moderation.Grains.Polls;

[GenerateSerializer, Alias("moderation.poll-state.v1")]
public sealed class PollState
{
    [Id(0)] public PollDefinition? Definition { get; set; }
    [Id(1)] public bool Closed { get; set; }

    /// <summary>The <c>poll.closed</c> event, when a webhook wanted it; kept so a crash cannot lose it.</summary>
    [Id(2)] public string? ClosedEvent { get; set; }
}
