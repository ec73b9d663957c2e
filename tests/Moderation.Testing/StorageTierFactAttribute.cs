using Xunit;

namespace Moderation.Testing;

/// <summary>
/// A check of the embedded store's opt-in storage tier: it runs only when MODERATION_STORAGE_TIER=1, because Garnet 2.2.8
/// can end the whole test process while its storage tier writes a changing object to disk (docs/deploy.md).
/// </summary>
public sealed class StorageTierFactAttribute : FactAttribute
{
    public const string Variable = "MODERATION_STORAGE_TIER";

    public StorageTierFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"The opt-in storage tier can crash the test host in Garnet 2.2.8: set {Variable}=1 to run it.";
        }
    }
}
