namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// Logistic regression on two inputs (the base model's and the site model's log-odds) with an intercept, fitted by
/// Newton's method, classes balanced. Three parameters need no library; a small L2 on the two weights keeps the fit
/// finite when the out-of-fold scores separate the labels perfectly.
/// </summary>
internal static class LogOddsStacker
{
    private const double L2 = 0.01;

    public static (double BaseWeight, double SiteWeight, double Intercept) Fit(IReadOnlyList<double> baseLogits, IReadOnlyList<double> siteLogits, IReadOnlyList<bool> labels)
    {
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        var beta = new double[3];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            for (var i = 0; i < labels.Count; i++)
            {
                double[] x = [baseLogits[i], siteLogits[i], 1];
                var weight = labels.Count / (2 * (labels[i] ? positives : negatives));
                var p = Sigmoid(beta[0] * x[0] + beta[1] * x[1] + beta[2]);
                var residual = p - (labels[i] ? 1 : 0);
                for (var a = 0; a < 3; a++)
                {
                    gradient[a] += weight * residual * x[a];
                    for (var b = 0; b < 3; b++)
                    {
                        hessian[a, b] += weight * p * (1 - p) * x[a] * x[b];
                    }
                }
            }

            for (var a = 0; a < 2; a++)
            {
                gradient[a] += L2 * beta[a];
                hessian[a, a] += L2;
            }

            hessian[2, 2] += 1e-9;
            var step = Solve(hessian, gradient);
            var size = 0.0;
            for (var a = 0; a < 3; a++)
            {
                beta[a] -= step[a];
                size = Math.Max(size, Math.Abs(step[a]));
            }

            if (size < 1e-8)
            {
                break;
            }
        }

        return (beta[0], beta[1], beta[2]);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>The log-odds of a probability, clamped so that 0 and 1 stay finite.</summary>
    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return Math.Log(p / (1 - p));
    }

    // Gaussian elimination with partial pivoting on a 3×3 system.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column])) pivot = row;
            }

            for (var k = 0; k < n; k++) (a[column, k], a[pivot, k]) = (a[pivot, k], a[column, k]);
            (b[column], b[pivot]) = (b[pivot], b[column]);
            for (var row = column + 1; row < n; row++)
            {
                var factor = a[row, column] / a[column, column];
                for (var k = column; k < n; k++) a[row, k] -= factor * a[column, k];
                b[row] -= factor * b[column];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++) sum -= a[row, k] * x[k];
            x[row] = sum / a[row, row];
        }

        return x;
    }
}
