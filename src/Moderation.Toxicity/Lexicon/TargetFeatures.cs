using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Lexicon;

/// <summary>
/// Who a comment is about and what it says of them (a mention of a group on its own is not a feature: it would
/// make every comment about a group look a little toxic): a group (or a pronoun for a group named earlier) in the same
/// clause as a negative, dehumanising, excluding or threatening predicate that is the writer's own claim (not
/// negated, reported or quoted); threats; abusive words the writer negates or reports; counter-speech cues.
/// </summary>
public static class TargetFeatures
{
    /// <summary>Feature names, in vector order.</summary>
    public static readonly string[] Names =
    [
        "group attacked", "group dehumanised", "group excluded", "group threatened", "hate of a group",
        "threat", "negated abuse", "reported abuse", "counter-speech",
    ];

    private const int GroupAttacked = 0;
    private const int GroupDehumanised = 1;
    private const int GroupExcluded = 2;
    private const int GroupThreatened = 3;
    private const int HateOfGroup = 4;
    private const int Threat = 5;
    internal const int NegatedAbuse = 6;
    internal const int ReportedAbuse = 7;
    private const int CounterSpeech = 8;

    /// <summary>The vector length.</summary>
    public const int Count = 9;

    private const int Window = 8;

    private static readonly TermSet GroupNouns = new(TargetTerms.GroupNouns);
    private static readonly TermSet GroupAdjectives = new(TargetTerms.GroupAdjectives);
    private static readonly TermSet PeopleNouns = new(TargetTerms.PeopleNouns);
    private static readonly TermSet GroupPronouns = new(TargetTerms.GroupPronouns);
    private static readonly TermSet Dehumanising = new(TargetTerms.Dehumanising);
    private static readonly TermSet Negative = new(TargetTerms.NegativePredicates, TargetTerms.Dehumanising);
    private static readonly TermSet HateVerbs = new(TargetTerms.HateVerbs);
    private static readonly TermSet Violence = new(TargetTerms.ViolenceVerbs, LexiconTerms.Violence);
    private static readonly TermSet ThreatModals = new(TargetTerms.ThreatModals);
    private static readonly Phrases Exclusions = new(TargetTerms.Exclusion);
    private static readonly Phrases ThreatPhrases = new(TargetTerms.ThreatPhrases);
    private static readonly Phrases CounterSpeechCues = new(TargetTerms.CounterSpeech);

    /// <summary>True for words that say something bad of someone: abusive, violent, dehumanising or negative predicates.</summary>
    public static bool IsNegative(string word) => ToxicLexicon.IsKnown(word) || Negative.Contains(word) || Violence.Contains(word);

    /// <summary>
    /// The normalised text without the negative words the writer negates or reports: what the n-grams of a
    /// scoped variant see, so that "stupid" in "I don't think they are stupid" adds no n-gram weight. The words
    /// still count, as negated or reported abuse.
    /// </summary>
    internal static string OwnText(IReadOnlyList<string> tokens, TokenScope[] scopes)
    {
        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (scopes[i] == TokenScope.Own || !IsNegative(tokens[i]))
            {
                kept.Add(tokens[i]);
            }
        }

        return string.Join(' ', kept);
    }

    /// <summary>The features of one comment and the words behind each.</summary>
    public static LexiconAnalysis Analyse(NormalisedText text)
    {
        var phrases = PhraseTokens(text.Tokens, out var exclusions, out var threats);
        return Analyse(text, ClauseScopes.Mark(text, phrases), exclusions, threats);
    }

    /// <summary>Marks the tokens of threat and exclusion phrases, which negators and reporting verbs do not reach into.</summary>
    internal static bool[] PhraseTokens(IReadOnlyList<string> tokens, out List<(int Start, int Length)> exclusions, out List<(int Start, int Length)> threats)
    {
        var marked = new bool[tokens.Count];
        var foundExclusions = new List<(int, int)>();
        var foundThreats = new List<(int, int)>();
        Exclusions.Find(tokens, (start, length) => { foundExclusions.Add((start, length)); Mark(marked, start, length); });
        ThreatPhrases.Find(tokens, (start, length) => { foundThreats.Add((start, length)); Mark(marked, start, length); });
        exclusions = foundExclusions;
        threats = foundThreats;
        return marked;
    }

    /// <summary>The features and their evidence, given the scopes of <see cref="ClauseScopes"/>.</summary>
    internal static LexiconAnalysis Analyse(NormalisedText text, TokenScope[] scopes, List<(int Start, int Length)> exclusions, List<(int Start, int Length)> threatPhrases)
    {
        var tokens = text.Tokens;
        var features = new float[Count];
        var evidence = new List<string>[Count];
        for (var i = 0; i < Count; i++)
        {
            evidence[i] = [];
        }

        var groups = GroupPositions(tokens);
        var threats = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i];
            if (scopes[i] != TokenScope.Own && IsNegative(word))
            {
                evidence[scopes[i] == TokenScope.Negated ? NegatedAbuse : ReportedAbuse].Add(word);
                continue;
            }

            var abusive = ToxicLexicon.IsAbusive(word) || Negative.Contains(word);

            if (Violence.Contains(word) && scopes[i] == TokenScope.Own && HasBefore(text, i, 3, ThreatModals))
            {
                threats.Add(i);
                evidence[Threat].Add(word);
            }

            if (!abusive || scopes[i] != TokenScope.Own || Near(text, scopes, groups, i) is not { } group)
            {
                continue;
            }

            evidence[Dehumanising.Contains(word) ? GroupDehumanised : GroupAttacked].Add(Pair(tokens, group, i));
            if (HateVerbs.Contains(word) && group > i && group - i <= 3)
            {
                evidence[HateOfGroup].Add(Pair(tokens, i, group));
            }
        }

        foreach (var (start, length) in exclusions)
        {
            if (scopes[start] == TokenScope.Own && (NearSpan(text, scopes, groups, start, length) is not null || tokens[start] == "deport"))
            {
                evidence[GroupExcluded].Add(string.Join(' ', tokens.Skip(start).Take(length)));
            }
        }

        foreach (var (start, length) in threatPhrases)
        {
            threats.Add(start);
            evidence[Threat].Add(string.Join(' ', tokens.Skip(start).Take(length)));
        }

        foreach (var at in threats)
        {
            if (Near(text, scopes, groups, at) is { } group)
            {
                evidence[GroupThreatened].Add(Pair(tokens, group, at));
            }
        }

        CounterSpeechCues.Find(tokens, (start, length) => evidence[CounterSpeech].Add(string.Join(' ', tokens.Skip(start).Take(length))));

        for (var f = 0; f < Count; f++)
        {
            features[f] = f is NegatedAbuse or ReportedAbuse ? (float)Math.Log(1 + evidence[f].Count) : evidence[f].Count > 0 ? 1 : 0;
        }

        return new LexiconAnalysis(features, evidence) { Names = Names };
    }

    // Group words; a group adjective counts when a word for people follows; a pronoun counts after a group was named.
    private static List<int> GroupPositions(IReadOnlyList<string> tokens)
    {
        var positions = new List<int>();
        var named = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (GroupNouns.Contains(tokens[i]) || GroupAdjectives.Contains(tokens[i]) && i + 1 < tokens.Count && PeopleNouns.Contains(tokens[i + 1]))
            {
                positions.Add(i);
                named = true;
            }
            else if (named && GroupPronouns.Contains(tokens[i]))
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private static int? Near(NormalisedText text, TokenScope[] scopes, List<int> groups, int at) => NearSpan(text, scopes, groups, at, 1);

    // A group in the same clause and the same scope: in "I hate it when people say X are ...", "hate" is the
    // writer's and X is in the report, so the writer does not hate X.
    private static int? NearSpan(NormalisedText text, TokenScope[] scopes, List<int> groups, int start, int length)
    {
        foreach (var g in groups)
        {
            if (scopes[g] != scopes[start])
            {
                continue;
            }

            var from = Math.Min(g, start);
            var to = Math.Max(g, start + length - 1);
            if (to - from <= Window && !ClauseEndBetween(text, from, to))
            {
                return g;
            }
        }

        return null;
    }

    private static bool ClauseEndBetween(NormalisedText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.EndsClause(k))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBefore(NormalisedText text, int at, int reach, TermSet words)
    {
        for (var k = at - 1; k >= 0 && k >= at - reach && !text.EndsClause(k); k--)
        {
            if (words.Contains(text.Tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Pair(IReadOnlyList<string> tokens, int a, int b)
    {
        var (from, to) = (Math.Min(a, b), Math.Max(a, b));
        return to - from <= 3 ? string.Join(' ', tokens.Skip(from).Take(to - from + 1)) : $"{tokens[from]} … {tokens[to]}";
    }

    private static void Mark(bool[] marked, int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            marked[k] = true;
        }
    }
}
