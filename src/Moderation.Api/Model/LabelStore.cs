using System.Globalization;
using System.Text.Json;
using Moderation.Api.Moderators;
using Moderation.Http;
using Moderation.Redis.Model;
using Moderation.Toxicity.Retraining;

namespace Moderation.Api.Model;

/// <summary>
/// The site's labels: imported ones stored here, decision ones read from the decision records (<see cref="IFeedbackStore"/>)
/// and indexed here by text hash, so that counts are kept and a text is a label once whichever way it came.
/// </summary>
public sealed class LabelStore(LabelRecords records, IFeedbackStore decisions)
{
    private const int DecisionBatch = 1000;

    /// <summary>Stores the labels whose text is new; returns per label whether it was stored (false: a duplicate).</summary>
    public async Task<bool[]> ImportAsync(IReadOnlyList<ImportedLabel> labels)
    {
        // Decisions made before this import count as labels already there.
        await IndexDecisionsAsync();
        return await records.ImportAsync(
            [.. labels.Select(label => (LabelText.Hash(label.Text), label.Toxic, JsonSerializer.Serialize(label, HttpJson.Options)))]);
    }

    /// <summary>Brings the index up to the newest decision record; safe to run on several silos at once.</summary>
    public async Task IndexDecisionsAsync()
    {
        while (true)
        {
            var position = await records.DecisionPositionAsync();
            var batch = await decisions.ReadAsync(position, DecisionBatch);
            if (batch.Position == position)
            {
                return;
            }

            await records.IndexDecisionsAsync(position, batch.Position, batch.Examples.Select(example => (LabelText.Hash(example.Text), example.Toxic)));
        }
    }

    public async Task<LabelCounts> CountsAsync()
    {
        await IndexDecisionsAsync();
        var fields = await records.CountersAsync();
        long Get(string name) => fields.GetValueOrDefault(name);
        return new LabelCounts(
            Get("decision:toxic"), Get("decision:clean"), Get("import:toxic"), Get("import:clean"),
            new LabelMark(Get("added:decision"), Get("added:import")));
    }

    /// <summary>The labels-added counters when <paramref name="version"/> was trained (zero for a model not trained here).</summary>
    public async Task<LabelMark> MarkOfAsync(string version)
    {
        return await records.MarkAsync(version) is { } mark ? LabelMark.Parse(mark) : new LabelMark(0, 0);
    }

    public Task RecordMarkAsync(string version, LabelMark mark) =>
        records.SetMarkAsync(version, mark.ToString());

    /// <summary>Every label, one per text: decisions (the latest per text) and the imports no decision replaced; and the counters they came with.</summary>
    public async Task<(IReadOnlyList<LabelledExample> Labels, LabelMark Mark)> ReadAllAsync(CancellationToken cancellationToken)
    {
        var mark = (await CountsAsync()).Added;
        var byText = new Dictionary<string, LabelledExample>(StringComparer.Ordinal);
        long position = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await decisions.ReadAsync(position, DecisionBatch);
            if (batch.Position == position)
            {
                break;
            }

            foreach (var example in batch.Examples)
            {
                byText[LabelText.Hash(example.Text)] = example;
            }

            position = batch.Position;
        }

        await foreach (var (hash, json) in records.ImportsAsync(cancellationToken))
        {
            if (!byText.ContainsKey(hash) && JsonSerializer.Deserialize<ImportedLabel>(json, HttpJson.Options) is { } label)
            {
                byText[hash] = new LabelledExample(label.Text, label.Toxic, null, null, label.ImportedBy, label.ImportedAt);
            }
        }

        return ([.. byText.Values], mark);
    }
}

/// <summary>An imported label as stored.</summary>
public sealed record ImportedLabel(string Text, bool Toxic, string? Source, string ImportedBy, DateTimeOffset ImportedAt);

/// <summary>Labels per origin and class (one per text), and the labels ever added.</summary>
public sealed record LabelCounts(long DecisionToxic, long DecisionClean, long ImportToxic, long ImportClean, LabelMark Added)
{
    public long Total => DecisionToxic + DecisionClean + ImportToxic + ImportClean;
}

/// <summary>Labels ever added per origin: a decision on a new text or on an imported one, an import of a new text.</summary>
public sealed record LabelMark(long Decision, long Import)
{
    public long Total => Decision + Import;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Decision} {Import}");

    public static LabelMark Parse(string value)
    {
        var parts = value.Split(' ');
        return new LabelMark(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
