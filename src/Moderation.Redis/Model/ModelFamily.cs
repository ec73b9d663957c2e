namespace Moderation.Redis.Model;

/// <summary>What the model family's scripts build their keys from: there is one site, so its keys are fixed.</summary>
public sealed class ModelFamily
{
    public static readonly ModelFamily Site = new();

    private ModelFamily()
    {
    }
}
