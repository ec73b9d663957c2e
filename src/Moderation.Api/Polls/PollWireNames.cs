using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>The contract's spellings of a poll's kind and results visibility.</summary>
public static class PollWireNames
{
    public static string Of(PollKind kind) => kind switch
    {
        PollKind.Multiple => "multiple",
        PollKind.Scale => "scale",
        _ => "single",
    };

    public static string Of(ResultsVisibility visibility) => visibility switch
    {
        ResultsVisibility.AfterVote => "after-vote",
        ResultsVisibility.AfterClose => "after-close",
        _ => "always",
    };

    /// <summary>The kind named <paramref name="name"/>; single when none is given, null when unknown.</summary>
    public static PollKind? KindOf(string? name) => name switch
    {
        null or "single" => PollKind.Single,
        "multiple" => PollKind.Multiple,
        "scale" => PollKind.Scale,
        _ => null,
    };

    /// <summary>The visibility named <paramref name="name"/>; always when none is given, null when unknown.</summary>
    public static ResultsVisibility? VisibilityOf(string? name) => name switch
    {
        null or "always" => ResultsVisibility.Always,
        "after-vote" => ResultsVisibility.AfterVote,
        "after-close" => ResultsVisibility.AfterClose,
        _ => null,
    };
}
