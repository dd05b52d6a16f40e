namespace AutoLab.Instruments.Devices;

/// <summary>The answer of a limits check: allowed, or refused with a reason naming the problem.</summary>
public sealed record CheckResult
{
    /// <summary>The value is accepted.</summary>
    public static CheckResult Allowed { get; } = new() { IsAllowed = true };

    /// <summary>Whether the value is accepted.</summary>
    public bool IsAllowed { get; init; }

    /// <summary>Why the value is refused; empty when allowed.</summary>
    public string Reason { get; init; } = "";

    /// <summary>A refusal with the given reason.</summary>
    /// <param name="reason">What is wrong and where, e.g. "parameter 'x1' = 12 is above the domain's upper bound 10".</param>
    /// <returns>A refused result.</returns>
    public static CheckResult Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CheckResult { IsAllowed = false, Reason = reason };
    }
}
