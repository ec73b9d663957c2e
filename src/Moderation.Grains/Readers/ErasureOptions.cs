namespace Moderation.Grains.Readers;

/// <summary>How erasure jobs run (section "Erasure").</summary>
public sealed class ErasureOptions
{
    /// <summary>A pause between a job's steps (each part, the votes), to spread a large erasure's load on a busy store; none by default.</summary>
    public TimeSpan StepPause { get; set; } = TimeSpan.Zero;
}
