namespace DistillGuard.Core.Training;

/// <summary>Solves A·x = b for a small symmetric positive semi-definite A by Cholesky, damping the diagonal if A is singular. Pure.</summary>
internal static class SymmetricSolver
{
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        // Singular only when signals are collinear and λ = 0; a growing ridge keeps the step a descent direction.
        for (var damping = 0.0; damping <= scale * 1e6 + 1; damping = damping == 0 ? Math.Max(scale, 1e-12) * 1e-10 : damping * 100)
        {
            if (TryCholesky(a, damping, out var lower))
            {
                return Substitute(lower, b);
            }
        }

        throw new ArgumentException("the Newton system is not positive semi-definite");
    }

    private static bool TryCholesky(double[,] a, double damping, out double[,] lower)
    {
        var n = a.GetLength(0);
        lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j] + (i == j ? damping : 0);
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    // A pivot lost to rounding is as singular as a zero one.
                    if (!(sum > 1e-13 * (Math.Abs(a[i, i]) + damping)))
                    {
                        return false;
                    }

                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        return true;
    }

    private static double[] Substitute(double[,] lower, double[] b)
    {
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= lower[i, k] * y[k];
            }

            y[i] = sum / lower[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= lower[k, i] * x[k];
            }

            x[i] = sum / lower[i, i];
        }

        return x;
    }
}
