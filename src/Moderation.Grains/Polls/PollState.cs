using Moderation.Contracts.Polls;

namespace Moderation.Grains.Polls;

[GenerateSerializer, Alias("moderation.poll-state.v1")]
public sealed class PollState
{
    [Id(0)] public PollDefinition? Definition { get; set; }
    [Id(1)] public bool Closed { get; set; }
}
