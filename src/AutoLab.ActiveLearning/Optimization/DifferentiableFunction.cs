namespace AutoLab.ActiveLearning.Optimization;

/// <summary>A function to minimise that also returns its gradient.</summary>
/// <param name="x">The point; length d.</param>
/// <param name="gradient">Receives ∂f/∂x; length d.</param>
/// <returns>f(x); a non-finite value marks x as outside the function's domain (the line search steps back).</returns>
public delegate double DifferentiableFunction(ReadOnlySpan<double> x, Span<double> gradient);
