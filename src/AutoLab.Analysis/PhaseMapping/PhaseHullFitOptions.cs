namespace AutoLab.Analysis.PhaseMapping;

/// <summary>Settings of <see cref="PhaseHullFit"/>.</summary>
public sealed record PhaseHullFitOptions
{
    /// <summary>The phase fraction from which a phase counts as present (the identifier's detection level).</summary>
    public double DetectionLevel { get; init; } = 0.05;

    /// <summary>
    /// Widths of the logistic step from absent to present around <see cref="DetectionLevel"/>, in phase
    /// fraction, one simplex search each from every start, the last the fit's own. A wide step first gives
    /// the objective a slope far from the detection level, where a narrow one is flat; the narrower ones then
    /// place the boundaries.
    /// </summary>
    public IReadOnlyList<double> StepWidths { get; init; } = [0.2, 0.05, 0.01];

    /// <summary>The probability that a presence call is wrong whatever the hull says: it bounds what one bad call can cost, since identifiers do make them.</summary>
    public double ErrorFloor { get; init; } = 0.05;

    /// <summary>
    /// Penalty per eV/atom above the hull, per unit of summed presence probability, for a phase the
    /// identifier calls present: a phase above the hull has zero fraction everywhere, so the call likelihood
    /// alone gives its energy no slope; this pulls it down to the hull, where the likelihood takes over.
    /// It is 0 for every phase on the hull and so does not bias a fit in which all called phases are stable.
    /// </summary>
    public double HullPull { get; init; } = 50.0;

    /// <summary>Random starting points of the simplex search (warm starts come on top).</summary>
    public int Restarts { get; init; } = 16;

    /// <summary>Objective evaluations per start.</summary>
    public int EvaluationsPerStart { get; init; } = 1500;

    /// <summary>Range formation energies are drawn from for a random start (eV/atom).</summary>
    public (double Low, double High) EnergyRange { get; init; } = (-1.0, 0.1);

    /// <summary>Range regular-solution interactions Ω are drawn from for a random start (eV/atom).</summary>
    public (double Low, double High) InteractionRange { get; init; } = (-0.3, 0.3);

    /// <summary>Edge of each start's initial simplex (eV/atom).</summary>
    public double InitialStep { get; init; } = 0.1;

    /// <summary>The problems with these settings; empty when valid.</summary>
    /// <returns>One message per problem, naming the setting.</returns>
    public IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        if (!(DetectionLevel > 0 && DetectionLevel < 1))
        {
            problems.Add($"DetectionLevel must lie in (0, 1); got {DetectionLevel}");
        }

        if (StepWidths is not { Count: > 0 } || StepWidths.Any(w => !(w > 0)))
        {
            problems.Add($"StepWidths must hold at least one positive width; got ({string.Join(", ", StepWidths ?? [])})");
        }

        if (!(HullPull >= 0))
        {
            problems.Add($"HullPull must be non-negative; got {HullPull}");
        }

        if (!(ErrorFloor > 0 && ErrorFloor < 0.5))
        {
            problems.Add($"ErrorFloor must lie in (0, 0.5); got {ErrorFloor}");
        }

        if (Restarts < 0 || EvaluationsPerStart < 10)
        {
            problems.Add($"Restarts must be ≥ 0 and EvaluationsPerStart ≥ 10; got {Restarts} and {EvaluationsPerStart}");
        }

        if (!(EnergyRange.Low < EnergyRange.High) || !(InteractionRange.Low < InteractionRange.High) || !(InitialStep > 0))
        {
            problems.Add("EnergyRange and InteractionRange need Low < High, and InitialStep must be positive");
        }

        return problems;
    }
}
