namespace Moderation.Http.Polls;

/// <summary>A poll's votes over time: the net change of each option's votes per bucket, buckets without votes left out.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="Bucket">1m or 1h.</param>
/// <param name="Buckets">The buckets with votes, oldest first.</param>
public sealed record PollTimelineResponse(string PollId, string Bucket, IReadOnlyList<TimelineBucketResponse> Buckets);

/// <summary>The votes of one bucket.</summary>
/// <param name="Start">When the bucket starts (UTC, on the minute or hour).</param>
/// <param name="Total">New votes in the bucket: the sum of its options' changes.</param>
/// <param name="Options">Net change of each option's votes, in the poll's option order; a moved vote is -1 and +1.</param>
public sealed record TimelineBucketResponse(DateTimeOffset Start, long Total, IReadOnlyList<OptionVotesResponse> Options);

/// <summary>Signs of brigading on a poll, for its editors.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="TotalVotes">Every reader who voted, counted now from the stored votes.</param>
/// <param name="SignedInVotes">Votes of signed-in readers.</param>
/// <param name="AnonymousVotes">Votes of anonymous readers.</param>
/// <param name="Options">
/// Each option's votes (each scale value's, for a scale poll), split by who cast them: the signed-in column is the results
/// of signed-in readers only.
/// </param>
/// <param name="Addresses">How concentrated the votes' client addresses are.</param>
/// <param name="Rate">The busiest minute against the poll's typical minute.</param>
public sealed record PollSignalsResponse(
    string PollId,
    long TotalVotes,
    long SignedInVotes,
    long AnonymousVotes,
    IReadOnlyList<OptionSplitResponse> Options,
    AddressSignalsResponse Addresses,
    RateSignalsResponse Rate);

/// <summary>One option's exact votes, all and by signed-in and anonymous readers.</summary>
/// <param name="Id">The option id, or the scale value.</param>
/// <param name="Votes">All its votes.</param>
/// <param name="SignedIn">Signed-in readers' votes.</param>
/// <param name="Anonymous">Anonymous readers' votes.</param>
public sealed record OptionSplitResponse(string Id, long Votes, long SignedIn, long Anonymous);

/// <summary>Counted votes per client address (per /64 for IPv6), kept only as keyed hashes.</summary>
/// <param name="CountedVotes">Votes counted with an address; a silo crash can lose its last few seconds of them.</param>
/// <param name="DistinctAddresses">How many addresses (or /64s) they came from.</param>
/// <param name="TopShare">The share of <see cref="CountedVotes"/> from the top addresses listed, 0 to 1.</param>
/// <param name="Top">The busiest addresses, by an opaque label.</param>
public sealed record AddressSignalsResponse(long CountedVotes, long DistinctAddresses, double TopShare, IReadOnlyList<AddressShareResponse> Top);

/// <summary>One busy address.</summary>
/// <param name="Label">A keyed hash of the address or /64: the same address has the same label on one poll.</param>
/// <param name="Votes">Votes counted from it.</param>
/// <param name="Share">Its share of the counted votes, 0 to 1.</param>
public sealed record AddressShareResponse(string Label, long Votes, double Share);

/// <summary>Votes per minute from the timeline.</summary>
/// <param name="PeakPerMinute">New votes in the busiest minute.</param>
/// <param name="PeakAt">When that minute started, or null without votes.</param>
/// <param name="MedianPerMinute">The median of new votes over the minutes with votes.</param>
/// <param name="PeakToMedian">Peak over median, or 0 without votes.</param>
public sealed record RateSignalsResponse(long PeakPerMinute, DateTimeOffset? PeakAt, double MedianPerMinute, double PeakToMedian);

/// <summary>The polls an editor runs, newest first.</summary>
/// <param name="Polls">Each poll with its published results.</param>
public sealed record PollListResponse(IReadOnlyList<EditorPollResponse> Polls);

/// <summary>A poll with its live totals.</summary>
/// <param name="Poll">The poll.</param>
/// <param name="Results">Its published results.</param>
public sealed record EditorPollResponse(PollResponse Poll, PollResultsResponse Results);
