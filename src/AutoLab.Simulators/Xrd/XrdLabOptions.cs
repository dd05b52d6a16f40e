using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Xrd;

/// <summary>The simulated materials lab: a synthesis robot and a powder diffractometer sharing one sample shelf.</summary>
public sealed class XrdLabOptions
{
    /// <summary>Default name of the synthesis robot (serves prepare).</summary>
    public const string DefaultRobotName = "synthesis-robot";

    /// <summary>Default name of the diffractometer (serves measure).</summary>
    public const string DefaultDiffractometerName = "diffractometer";

    /// <summary>Name of the synthesis robot instrument.</summary>
    public string RobotName { get; set; } = DefaultRobotName;

    /// <summary>Name of the diffractometer instrument.</summary>
    public string DiffractometerName { get; set; } = DefaultDiffractometerName;

    /// <summary>The robot's defaults (phase diagram, scatter, failures, behaviour).</summary>
    public SynthesisRobotOptions Robot { get; set; } = new();

    /// <summary>The diffractometer's defaults (instrument, scan, behaviour).</summary>
    public DiffractometerOptions Diffractometer { get; set; } = new();
}
