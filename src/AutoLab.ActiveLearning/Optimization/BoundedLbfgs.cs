namespace AutoLab.ActiveLearning.Optimization;

/// <summary>
/// Limited-memory BFGS within box bounds by projection: minimises a smooth function over
/// lower ≤ x ≤ upper.
/// </summary>
/// <remarks>
/// Each iteration fixes the variables that sit on a bound with the gradient pushing outwards, takes the
/// L-BFGS two-loop direction (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithm 7.4) in the
/// others, and backtracks along the projected path x(a) = P(x + a·d) until the Armijo condition
/// f(x(a)) ≤ f(x) + c₁ ∇fᵀ(x(a) − x) holds (Bertsekas' projected-Armijo rule), each shorter step placed at
/// the minimum of the quadratic through the rejected trial (safeguarded to [0.1, 0.5] of the last step).
/// With <see cref="LbfgsOptions.ValueOnlyTrials"/> the trials are valued without a gradient. It is simpler than
/// Byrd–Lu–Nocedal–Zhu L-BFGS-B (no generalised Cauchy point) and does the same job on the small,
/// smooth problems here: GP hyperparameters and acquisition functions in up to a few dozen dimensions.
/// </remarks>
public static class BoundedLbfgs
{
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 30;
    private const double CurvatureFloor = 1e-10;

    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/> within the bounds.</summary>
    /// <param name="function">f and its gradient.</param>
    /// <param name="start">Starting point; projected into the bounds first.</param>
    /// <param name="lower">Lower bounds, one per coordinate.</param>
    /// <param name="upper">Upper bounds, each ≥ its lower bound.</param>
    /// <param name="options">Settings; <see cref="LbfgsOptions.Default"/> when null.</param>
    /// <returns>The best point, its value and why the run stopped.</returns>
    public static LbfgsResult Minimize(DifferentiableFunction function, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, LbfgsOptions? options = null)
    {
        options ??= LbfgsOptions.Default;
        int d = start.Length;
        if (lower.Length != d || upper.Length != d)
        {
            throw new ArgumentException($"start has {d} coordinates but the bounds have {lower.Length} and {upper.Length}");
        }

        for (int i = 0; i < d; i++)
        {
            if (!(lower[i] <= upper[i]))
            {
                throw new ArgumentException($"bound {i}: lower {lower[i]} exceeds upper {upper[i]}");
            }
        }

        double[] lo = lower.ToArray();
        double[] hi = upper.ToArray();
        double[] x = start.ToArray();
        Project(x, lo, hi);
        double[] g = new double[d];
        double f = function(x, g);
        int evaluations = 1;
        if (!double.IsFinite(f) || !AllFinite(g))
        {
            return Result(x, f, 0, evaluations, LbfgsExitReason.NonFiniteStart);
        }

        int m = Math.Max(1, options.Memory);
        double[][] s = new double[m][];
        double[][] y = new double[m][];
        double[] rho = new double[m];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[d];
        double[] trial = new double[d];
        double[] trialGradient = new double[d];
        double[] alpha = new double[m];
        bool[] free = new bool[d];

        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            double projected = 0.0;
            for (int i = 0; i < d; i++)
            {
                bool atLower = x[i] <= lo[i] && g[i] > 0.0;
                bool atUpper = x[i] >= hi[i] && g[i] < 0.0;
                free[i] = !(atLower || atUpper);
                if (free[i])
                {
                    projected = Math.Max(projected, Math.Abs(g[i]));
                }
            }

            if (projected <= options.GradientTolerance)
            {
                return Result(x, f, iteration - 1, evaluations, LbfgsExitReason.GradientTolerance);
            }

            TwoLoop(g, free, s, y, rho, alpha, stored, newest, m, direction);
            double slope = Dot(direction, g);
            if (!(slope < 0.0))
            {
                // The quasi-Newton model went bad (or the restriction to free variables broke it): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < d; i++)
                {
                    direction[i] = free[i] ? -g[i] : 0.0;
                }
            }

            double step = stored == 0 ? Math.Min(1.0, 1.0 / Norm(direction)) : 1.0;
            double fTrial = double.NaN;
            bool accepted = false;
            for (int k = 0; k < MaxBacktracks && !accepted; k++)
            {
                double decrease = 0.0;
                for (int i = 0; i < d; i++)
                {
                    trial[i] = Math.Clamp(x[i] + (step * direction[i]), lo[i], hi[i]);
                    decrease += g[i] * (trial[i] - x[i]);
                }

                fTrial = options.ValueOnlyTrials ? function(trial, []) : function(trial, trialGradient);
                evaluations++;
                accepted = double.IsFinite(fTrial) && (options.ValueOnlyTrials || AllFinite(trialGradient)) && fTrial <= f + (Armijo * decrease);
                if (accepted && options.ValueOnlyTrials)
                {
                    // The value passed; now the gradient at the same point (the function may reuse its factorisation).
                    fTrial = function(trial, trialGradient);
                    evaluations++;
                    accepted = double.IsFinite(fTrial) && AllFinite(trialGradient);
                }

                step = NextStep(step, f, fTrial, decrease);
            }

            if (!accepted)
            {
                return Result(x, f, iteration, evaluations, LbfgsExitReason.LineSearchFailed);
            }

            int slot = (newest + 1) % m;
            s[slot] ??= new double[d];
            y[slot] ??= new double[d];
            double sy = 0.0;
            for (int i = 0; i < d; i++)
            {
                s[slot][i] = trial[i] - x[i];
                y[slot][i] = trialGradient[i] - g[i];
                sy += s[slot][i] * y[slot][i];
            }

            if (sy > CurvatureFloor * Dot(y[slot], y[slot]))
            {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, m);
            }

            double fOld = f;
            Array.Copy(trial, x, d);
            Array.Copy(trialGradient, g, d);
            f = fTrial;
            if ((fOld - f) <= options.RelativeTolerance * Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(f)), 1.0))
            {
                return Result(x, f, iteration, evaluations, LbfgsExitReason.FunctionTolerance);
            }
        }

        return Result(x, f, options.MaxIterations, evaluations, LbfgsExitReason.MaxIterations);
    }

    /// <summary>
    /// The next backtracking step: the minimiser of the quadratic through f(x), the predicted decrease and the
    /// rejected trial value (Nocedal and Wright, section 3.5), kept within [0.1, 0.5] of the step so that it
    /// neither stalls nor shrinks slower than halving; plain halving when the trial was not finite.
    /// </summary>
    private static double NextStep(double step, double f, double fTrial, double decrease)
    {
        double curvature = fTrial - f - decrease;
        if (!double.IsFinite(fTrial) || !(decrease < 0.0) || !(curvature > 0.0))
        {
            return 0.5 * step;
        }

        double minimiser = -decrease * step / (2.0 * curvature);
        return Math.Clamp(minimiser, 0.1 * step, 0.5 * step);
    }

    private static void TwoLoop(double[] g, bool[] free, double[][] s, double[][] y, double[] rho, double[] alpha, int stored, int newest, int m, double[] direction)
    {
        int d = g.Length;
        for (int i = 0; i < d; i++)
        {
            direction[i] = free[i] ? -g[i] : 0.0;
        }

        for (int k = 0, slot = newest; k < stored; k++, slot = (slot - 1 + m) % m)
        {
            alpha[slot] = rho[slot] * DotFree(s[slot], direction, free);
            Axpy(-alpha[slot], y[slot], direction, free);
        }

        if (stored > 0)
        {
            double yy = DotFree(y[newest], y[newest], free);
            double sy = DotFree(s[newest], y[newest], free);
            double gamma = yy > 0.0 && sy > 0.0 ? sy / yy : 1.0;
            for (int i = 0; i < d; i++)
            {
                direction[i] *= gamma;
            }
        }

        for (int k = 0, slot = (newest - stored + 1 + m) % m; k < stored; k++, slot = (slot + 1) % m)
        {
            double beta = rho[slot] * DotFree(y[slot], direction, free);
            Axpy(alpha[slot] - beta, s[slot], direction, free);
        }
    }

    private static void Project(double[] x, double[] lo, double[] hi)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lo[i], hi[i]);
        }
    }

    private static double DotFree(double[] a, double[] b, bool[] free)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += free[i] ? a[i] * b[i] : 0.0;
        }

        return sum;
    }

    private static void Axpy(double scale, double[] source, double[] target, bool[] free)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += free[i] ? scale * source[i] : 0.0;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Max(Math.Sqrt(Dot(a, a)), 1e-300);

    private static bool AllFinite(double[] values)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    private static LbfgsResult Result(double[] x, double f, int iterations, int evaluations, LbfgsExitReason reason) => new()
    {
        Point = x,
        Value = f,
        Iterations = iterations,
        Evaluations = evaluations,
        ExitReason = reason,
    };
}
