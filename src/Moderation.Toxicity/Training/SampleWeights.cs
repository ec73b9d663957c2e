namespace Moderation.Toxicity.Training;

/// <summary>Computes per-row weights (mean 1) for a weighting scheme and optional per-source multipliers.</summary>
internal static class SampleWeights
{
    public static float[] Compute(IReadOnlyList<string> sources, IReadOnlyList<bool> labels, SampleWeighting weighting, IReadOnlyDictionary<string, double>? sourceWeights)
    {
        var n = sources.Count;
        var weights = new double[n];
        Array.Fill(weights, 1.0);
        if (weighting == SampleWeighting.SourceBalanced)
        {
            var perSource = sources.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            for (var i = 0; i < n; i++)
            {
                weights[i] = 1.0 / perSource[sources[i]];
            }
        }

        if (sourceWeights is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (sourceWeights.TryGetValue(sources[i], out var factor))
                {
                    weights[i] *= factor;
                }
            }
        }

        if (weighting != SampleWeighting.None)
        {
            double positive = 0, negative = 0;
            for (var i = 0; i < n; i++)
            {
                if (labels[i]) positive += weights[i]; else negative += weights[i];
            }

            if (positive > 0 && negative > 0)
            {
                for (var i = 0; i < n; i++)
                {
                    weights[i] /= labels[i] ? positive : negative;
                }
            }
        }

        var mean = weights.Average();
        return weights.Select(w => (float)(w / mean)).ToArray();
    }
}
