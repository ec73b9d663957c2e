using Moderation.Toxicity.Functional;
using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Tests.Functional;

/// <summary>
/// The shipped model on the functional suite, both halves together, at its hold threshold. Each floor is a little
/// under what the shipped model measured (docs/toxicity.md): a model that does worse on a function fails CI.
/// </summary>
public sealed class ShippedModelFunctionalTests
{
    private static readonly Lazy<FunctionalReport> Report = new(() => FunctionalEvaluator.Evaluate(DefaultModel.Load()));

    public static TheoryData<string, double> Floors() => new()
    {
        { "derogation-explicit", 0.45 },
        { "derogation-implicit", 0.10 },
        { "dehumanisation", 0.70 },
        { "threat-direct", 0.60 },
        { "threat-implied", 0.55 },
        { "slur", 0.60 },
        { "profanity-not-abuse", 0.75 },
        { "abuse-person", 0.60 },
        { "abuse-idea", 0.60 },
        { "identity-neutral", 0.95 },
        { "identity-positive", 0.95 },
        { "negation", 0.85 },
        { "counter-speech", 0.80 },
        { "quoting", 0.75 },
        { "reclaimed", 0.75 },
        { "question", 0.65 },
        { "pronoun-reference", 0.80 },
        { "spelling-evasion", 0.45 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void The_shipped_model_keeps_its_accuracy_on_each_function(string function, double floor)
    {
        var accuracy = Report.Value.Accuracy(function);
        Assert.True(accuracy >= floor, $"{function}: accuracy {accuracy:0.000} at threshold {Report.Value.Threshold:0.000} is below {floor:0.00}");
    }

    [Fact]
    public void Every_function_of_the_suite_has_a_floor()
    {
        var floors = Floors().Select(row => (string)row[0]).ToHashSet();
        Assert.All(FunctionalSuite.Functions, f => Assert.Contains(f, floors));
    }

    [Theory]
    [InlineData(FunctionalHalf.Dev, 0.85)]
    [InlineData(FunctionalHalf.HeldOut, 0.72)]
    public void The_shipped_model_ranks_abusive_cases_above_clean_ones(FunctionalHalf half, double floor)
    {
        Assert.True(Report.Value.RocAuc(half) >= floor, $"{half}: ROC-AUC {Report.Value.RocAuc(half):0.000} is below {floor:0.00}");
    }
}
