namespace Moderation.Redis.Rules;

/// <summary>What the rules family's scripts build their keys from: there is one site, so its keys are fixed.</summary>
public sealed class RulesSite
{
    public static readonly RulesSite Only = new();

    private RulesSite()
    {
    }
}
