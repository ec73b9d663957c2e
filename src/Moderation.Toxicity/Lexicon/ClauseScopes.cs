using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Lexicon;

/// <summary>Whose words a token is: the writer's own, negated by the writer, or someone else's that the writer reports or quotes.</summary>
public enum TokenScope : byte
{
    Own,
    Negated,
    Reported,
}

/// <summary>
/// Marks the tokens a negator or a reporting verb governs, up to the end of their clause: in "I don't think
/// Muslims are stupid" and "people say migrants are vermin" the abusive word is not the writer's claim.
/// Quoted tokens are reported. Negators do not reach into threat and exclusion phrases such as "won't leave in
/// one piece" and "not be allowed", whose negation is part of their meaning.
/// </summary>
internal static class ClauseScopes
{
    private const int NegationReach = 6;
    private const int ReportReach = 10;

    private static readonly TermSet Negators = new(TargetTerms.Negators);
    private static readonly TermSet Reporting = new(TargetTerms.ReportingVerbs);
    private static readonly TermSet FirstPerson = new(TargetTerms.FirstPerson);

    // "not only", "not just", "don't be (an idiot)": the negation does not retract what follows.
    private static readonly HashSet<string> NotRetracting = new(["only", "just", "even", "be", "ever"], StringComparer.Ordinal);

    public static TokenScope[] Mark(NormalisedText text, bool[] protectedTokens)
    {
        var tokens = text.Tokens;
        var scopes = new TokenScope[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (text.IsQuoted(i))
            {
                scopes[i] = TokenScope.Reported;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (protectedTokens[i] || text.EndsClause(i))
            {
                continue;
            }

            if (Negators.Contains(tokens[i]) && !(i + 1 < tokens.Count && NotRetracting.Contains(tokens[i + 1])))
            {
                Spread(text, scopes, protectedTokens, i, NegationReach, TokenScope.Negated);
            }
            else if (Reporting.Contains(tokens[i]) && !SaidByWriter(tokens, i))
            {
                Spread(text, scopes, protectedTokens, i, ReportReach, TokenScope.Reported);
            }
        }

        return scopes;
    }

    // "I think", "we say", "I'd call them": the writer's own view. "like" reports only after a noun ("comments like").
    private static bool SaidByWriter(IReadOnlyList<string> tokens, int verb)
    {
        if (tokens[verb] == "like")
        {
            return verb == 0 || tokens[verb - 1] is not ("comments" or "statements" or "words" or "slogans" or "things" or "remarks" or "claims" or "posts");
        }

        for (var k = Math.Max(0, verb - 2); k < verb; k++)
        {
            if (FirstPerson.Contains(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Spread(NormalisedText text, TokenScope[] scopes, bool[] protectedTokens, int from, int reach, TokenScope scope)
    {
        for (var k = from + 1; k < scopes.Length && k <= from + reach; k++)
        {
            if (text.Tokens[k] == "but")
            {
                return;
            }

            // A negator does not reach into a threat or exclusion phrase ("won't leave in one piece"); a report does.
            if ((scope == TokenScope.Reported || !protectedTokens[k]) && scopes[k] == TokenScope.Own)
            {
                scopes[k] = scope;
            }

            if (text.EndsClause(k))
            {
                return;
            }
        }
    }
}
