namespace Moderation.Contracts.Polls;

/// <summary>What became of a vote.</summary>
public enum VoteOutcome
{
    /// <summary>The reader's first vote: counted.</summary>
    Counted,

    /// <summary>The same vote again: nothing counted.</summary>
    Unchanged,

    /// <summary>Moved from another option to this one.</summary>
    Changed,

    /// <summary>Refused: the poll is closed or past closesAt.</summary>
    PollClosed,

    /// <summary>Refused: another option is already chosen and the poll does not allow changes.</summary>
    ChangeNotAllowed,

    /// <summary>Refused: no such option.</summary>
    UnknownOption,

    /// <summary>Refused: anonymous voters are not allowed on this poll.</summary>
    AnonymousNotAllowed,

    /// <summary>Refused: no such poll.</summary>
    UnknownPoll,

    /// <summary>Refused: the reader is banned.</summary>
    Banned,

    /// <summary>Refused: the poll's opensAt has not come yet.</summary>
    NotYetOpen,
}
