using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>Registers a <see cref="TestFunctionInstrument"/> in an <see cref="InstrumentRegistry"/>.</summary>
public static class TestFunctionRegistryExtensions
{
    /// <summary>Default instrument name of the test-function simulator.</summary>
    public const string DefaultName = "test-functions";

    /// <summary>
    /// Registers a test-function instrument; its devices get the container's <see cref="TimeProvider"/>
    /// (for latency) or <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">Instrument name.</param>
    /// <param name="options">Defaults, capacity and capabilities; validated here.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static InstrumentRegistry AddTestFunctionInstrument(
        this InstrumentRegistry registry,
        string name = DefaultName,
        TestFunctionSimulatorOptions? options = null)
    {
        options ??= new TestFunctionSimulatorOptions();
        TestFunctionSimulatorOptionsValidator.ThrowIfInvalid(options);
        return registry.Register(new InstrumentDescriptor
        {
            Name = name,
            Capabilities = options.Capabilities,
            Capacity = options.Capacity,
            OperationTimeout = options.OperationTimeout,
            DeviceFactory = services => new TestFunctionInstrument(options, services.GetService<TimeProvider>()),
            Description = $"test functions ({string.Join(", ", TestFunctionCatalog.Names)})",
        });
    }
}
