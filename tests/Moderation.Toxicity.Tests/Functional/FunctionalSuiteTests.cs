using Moderation.Toxicity.Functional;

namespace Moderation.Toxicity.Tests.Functional;

public sealed class FunctionalSuiteTests
{
    // The functions issue 14 asks the suite to cover.
    public static TheoryData<string> RequiredFunctions() =>
    [
        "derogation-explicit", "derogation-implicit", "dehumanisation", "threat-direct", "threat-implied", "slur",
        "profanity-not-abuse", "abuse-person", "abuse-idea", "identity-neutral", "identity-positive", "negation",
        "counter-speech", "quoting", "reclaimed", "question", "pronoun-reference", "spelling-evasion",
    ];

    [Theory]
    [MemberData(nameof(RequiredFunctions))]
    public void Every_required_function_has_cases_in_both_halves(string function)
    {
        Assert.Contains(FunctionalSuite.Cases, c => c.Function == function && c.Half == FunctionalHalf.Dev);
        Assert.Contains(FunctionalSuite.Cases, c => c.Function == function && c.Half == FunctionalHalf.HeldOut);
    }

    [Fact]
    public void Group_templates_are_filled_with_nationalities_and_migrants_as_well_as_the_usual_protected_groups()
    {
        var groups = FunctionalSuite.Cases.Where(c => c.Group is not null).Select(c => c.Group).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Muslims", "Jews", "women", "gay people", "Black people", "migrants", "refugees", "deportees", "Poles", "Mexicans" }, groups);
        Assert.All(FunctionalSuite.Cases, c => Assert.DoesNotContain("{", c.Text));
    }

    [Fact]
    public void No_sentence_is_in_both_halves_or_carries_both_labels()
    {
        var clashes = FunctionalSuite.Cases.GroupBy(c => c.Text).Where(g => g.Select(c => (c.Half, c.Abusive)).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void Templates_fill_both_placeholder_spellings()
    {
        var cases = FunctionalSuite.Expand(["negation\tclean\tdev\t{Groups} are not {groups}."], ["migrants", "Poles"]);
        Assert.Equal(["Migrants are not migrants.", "Poles are not Poles."], cases.Select(c => c.Text));
        Assert.All(cases, c => Assert.False(c.Abusive));
    }

    [Theory]
    [InlineData("negation\tclean\tdev", "has 3 fields")]
    [InlineData("negation\tmaybe\tdev\tI don't hate {groups}.", "label 'maybe'")]
    [InlineData("negation\tclean\ttest\tI don't hate {groups}.", "half 'test'")]
    public void A_malformed_template_line_is_refused_with_the_reason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => FunctionalSuite.Expand([line], ["migrants"]));
        Assert.Contains(reason, error.Message);
    }
}
