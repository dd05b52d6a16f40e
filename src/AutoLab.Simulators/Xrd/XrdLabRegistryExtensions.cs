using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Xrd;

/// <summary>Registers the simulated materials lab (synthesis robot + diffractometer) in an <see cref="InstrumentRegistry"/>.</summary>
public static class XrdLabRegistryExtensions
{
    /// <summary>
    /// Registers a <see cref="SynthesisRobotInstrument"/> (prepare) and a <see cref="DiffractometerInstrument"/>
    /// (measure) that share one <see cref="SampleStore"/> and one <see cref="PowderPatternSimulator"/>; devices get the
    /// container's <see cref="TimeProvider"/> or the system clock.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="options">Names and defaults; the built-in Fe–Ni–Al system and a Cu Kα1 diffractometer when null.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static InstrumentRegistry AddXrdLab(this InstrumentRegistry registry, XrdLabOptions? options = null)
    {
        options ??= new XrdLabOptions();
        options.Robot.Validate();
        // Without a diagram of its own, the diffractometer measures unknown samples in the robot's system.
        options.Diffractometer.Diagram ??= options.Robot.Diagram;
        options.Diffractometer.Validate();
        var store = new SampleStore();
        var simulator = new PowderPatternSimulator();
        registry.Register(new InstrumentDescriptor
        {
            Name = options.RobotName,
            Capabilities = SynthesisRobotOptions.Capabilities,
            Capacity = options.Robot.Capacity,
            OperationTimeout = options.Robot.OperationTimeout,
            DeviceFactory = services => new SynthesisRobotInstrument(options.Robot, store, services.GetService<TimeProvider>()),
            Description = $"simulated synthesis robot ({options.Robot.Diagram.Name}: {string.Join(", ", options.Robot.Diagram.Phases.Select(p => p.Name))})",
        });
        return registry.Register(new InstrumentDescriptor
        {
            Name = options.DiffractometerName,
            Capabilities = InstrumentCapabilities.Measure,
            Capacity = options.Diffractometer.Capacity,
            OperationTimeout = options.Diffractometer.OperationTimeout,
            DeviceFactory = services => new DiffractometerInstrument(options.Diffractometer, store, simulator, services.GetService<TimeProvider>()),
            Description = $"simulated powder diffractometer (λ = {options.Diffractometer.Settings.Wavelength} Å)",
        });
    }
}
