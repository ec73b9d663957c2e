using Xunit;

namespace Moderation.Testing;

/// <summary>A measurement rather than a check: it runs only when MODERATION_BENCHMARKS=1, and is skipped otherwise.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "MODERATION_BENCHMARKS";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A benchmark: set {Variable}=1 to run it.";
        }
    }
}
