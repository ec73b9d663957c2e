namespace Moderation.Toxicity.Evaluation;

/// <summary>Picks the hold threshold from clean comments' scores so that a target share of them (or fewer) is held.</summary>
public static class ThresholdPicker
{
    /// <summary>The lowest threshold that holds at most <paramref name="rate"/> of the clean scores.</summary>
    public static double ForCleanHoldRate(IEnumerable<double> cleanScores, double rate) =>
        ForCleanHoldRate(cleanScores.Select(s => (s, "all")), rate);

    /// <summary>
    /// The lowest threshold at which the clean-held share, averaged over groups with equal weight, is at most
    /// <paramref name="rate"/>. Groups are sources: a large one must not hide a source whose clean comments score high.
    /// </summary>
    public static double ForCleanHoldRate(IEnumerable<(double Score, string Group)> clean, double rate)
    {
        var groups = clean.GroupBy(c => c.Group).Select(g => g.Select(c => c.Score).OrderBy(s => s).ToArray()).Where(g => g.Length > 0).ToArray();
        if (groups.Length == 0)
        {
            return 0.5;
        }

        var candidates = groups.SelectMany(g => g).Distinct().OrderBy(s => s).ToArray();
        int low = 0, high = candidates.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            var threshold = Above(candidates[mid]);
            if (HeldShare(groups, threshold) <= rate) high = mid; else low = mid + 1;
        }

        // At candidates[i] itself those scores are held; just above it they are not.
        var chosen = low == 0 ? candidates[0] : Above(candidates[low - 1]);
        if (HeldShare(groups, chosen) > rate)
        {
            chosen = Above(candidates[Math.Min(low, candidates.Length - 1)]);
        }

        return chosen;
    }

    private static double Above(double score) => Math.BitIncrement(score);

    private static double HeldShare(double[][] groups, double threshold)
    {
        double sum = 0;
        foreach (var sorted in groups)
        {
            var index = Array.BinarySearch(sorted, threshold);
            if (index < 0) index = ~index;
            else while (index > 0 && sorted[index - 1] >= threshold) index--;
            sum += (double)(sorted.Length - index) / sorted.Length;
        }

        return sum / groups.Length;
    }
}
