namespace Moderation.Toxicity.Models;

/// <summary>Licences and origins of the shared training sources, so a manifest can name them.</summary>
public static class KnownSources
{
    public const string Feedback = "moderator_feedback";

    private static readonly Dictionary<string, (string Licence, string Origin)> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["davidson"] = ("MIT (code and labels); tweet text under X/Twitter terms", "github.com/t-davidson/hate-speech-and-offensive-language (Davidson et al., ICWSM 2017)"),
        ["wiki_cat"] = ("Apache-2.0; Wikipedia text CC BY-SA 3.0", "github.com/ipavlopoulos/context_toxicity (Pavlopoulos et al., ACL 2020)"),
        ["wiki_toxicity_testset"] = ("labels CC0; Wikipedia text CC BY-SA 3.0", "github.com/conversationai/unintended-ml-bias-analysis (Wikipedia Talk Labels: Toxicity)"),
        ["stormfront"] = ("CC BY-SA 3.0 ES", "github.com/Vicomtech/hate-speech-dataset (de Gibert et al., ALW2 2018)"),
        ["civil_toxic_train"] = ("CC0 1.0", "github.com/ipavlopoulos/toxic_spans (Civil Comments, toxic posts only)"),
        ["mlnet_wikidetox250"] = ("CC0; Wikipedia text CC BY-SA 3.0", "github.com/dotnet/machinelearning test data (Wikipedia Detox sample)"),
        ["jigsaw_ibm_sample"] = ("CC0; Wikipedia text CC BY-SA 3.0", "github.com/IBM/MAX-Toxic-Comment-Classifier samples"),
        [Training.Written.WrittenExamples.Source] = ("the project's own licence", "sentences written for this project, src/Moderation.Toxicity/Training/Written"),
        [Feedback] = ("this installation's own moderator decisions", "moderation queue"),
    };

    public static DataSourceInfo Describe(string name, int rows) =>
        Sources.TryGetValue(name, out var known)
            ? new DataSourceInfo(name, rows, known.Licence, known.Origin)
            : new DataSourceInfo(name, rows, "unknown: supplied by the operator", "local file");
}
