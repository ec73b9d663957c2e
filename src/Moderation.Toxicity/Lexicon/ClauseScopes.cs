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
    private const int ReportReach = 8;

    private static readonly TermSet Negators = new(TargetTerms.Negators);
    private static readonly TermSet Reporting = new(TargetTerms.ReportingVerbs);
    private static readonly TermSet FirstPerson = new(TargetTerms.FirstPerson);

    private static readonly TermSet Copulas = new(["is", "are", "was", "were", "am", "be", "been", "theyre", "youre", "its", "im", "hes", "shes"]);
    private static readonly TermSet CopularNegators = new(["isnt", "arent", "wasnt", "werent", "aint"]);
    private static readonly TermSet Opinion = new(
    [
        "think", "thinks", "thought", "believe", "believes", "hate", "hates", "say", "says", "said", "call", "calls", "called",
        "consider", "agree", "mean", "claim", "claims", "claimed", "suggest", "suggesting", "pretend",
    ]);

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

            if (Negators.Contains(tokens[i]) && Retracts(tokens, i))
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

    // A negator retracts a predicate ("are not vermin", "aren't criminals", "not stupid") or an opinion or report
    // ("don't think ...", "never said ...", "no one should say ..."); "don't trust no one, bitch" and "better not
    // speak to ..." retract nothing abusive.
    private static bool Retracts(IReadOnlyList<string> tokens, int negator)
    {
        var word = tokens[negator];
        if (CopularNegators.Contains(word) || word == "not" && negator > 0 && Copulas.Contains(tokens[negator - 1]))
        {
            return true;
        }

        for (var k = negator + 1; k < tokens.Count && k <= negator + 3; k++)
        {
            if (Opinion.Contains(tokens[k]))
            {
                return true;
            }
        }

        return word == "not" && negator + 1 < tokens.Count && TargetFeatures.IsNegative(tokens[negator + 1]);
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
            // A clause turns ("but"), the writer turns to the reader ("... you idiot"), or a quotation closes.
            if (text.Tokens[k] == "but" || ToxicLexicon.IsSecondPerson(text.Tokens[k]) && !text.IsQuoted(k) || text.IsQuoted(k - 1) && !text.IsQuoted(k))
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
