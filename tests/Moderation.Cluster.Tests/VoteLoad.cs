using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Moderation.Cluster.Tests;

/// <summary>
/// Distinct readers each voting once, spread over the silos; a vote without an answer is sent again (to the next
/// silo) until one acknowledges it, which the API makes safe: the same vote again is "unchanged".
/// </summary>
public sealed class VoteLoad(Endpoints endpoints, Readers readers, string pollId, IReadOnlyList<string> optionIds, int voters)
{
    private readonly ConcurrentDictionary<int, string> _acknowledged = new();
    private int _next = -1;
    private int _retried;

    public int Acknowledged => _acknowledged.Count;

    /// <summary>Votes that needed more than one attempt.</summary>
    public int Retried => _retried;

    /// <summary>The totals the acknowledged votes add up to.</summary>
    public IReadOnlyDictionary<string, long> Expected => optionIds.ToDictionary(
        option => option, option => (long)_acknowledged.Values.Count(chosen => chosen == option));

    public Task RunAsync(int concurrency) => Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(VoteUntilDoneAsync)));

    public async Task WaitForAcknowledgedAsync(int count, Task running)
    {
        while (Acknowledged < count && !running.IsCompleted)
        {
            await Task.Delay(20);
        }
    }

    private async Task VoteUntilDoneAsync()
    {
        for (var voter = Interlocked.Increment(ref _next); voter < voters; voter = Interlocked.Increment(ref _next))
        {
            var option = optionIds[voter % optionIds.Count];
            var token = readers.Token($"voter-{voter}");
            var (response, attempts) = await endpoints.PostUntilAnsweredAsync(
                voter, $"/api/polls/{pollId}/votes", new { optionId = option }, token, TimeSpan.FromSeconds(90));
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Voter {voter}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                var answer = await response.Content.ReadFromJsonAsync<VoteAnswer>();
                // "unchanged" is right only when an earlier attempt was stored but its answer was lost.
                if (answer!.Outcome != "counted" && !(answer.Outcome == "unchanged" && attempts > 1))
                {
                    throw new InvalidOperationException($"Voter {voter}: outcome {answer.Outcome} after {attempts} attempt(s).");
                }
            }

            if (attempts > 1)
            {
                Interlocked.Increment(ref _retried);
            }

            _acknowledged[voter] = option;
        }
    }

    private sealed record VoteAnswer(string Outcome);
}
