using AutoLab.Simulators.TestFunctions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the test-function simulator as an instrument.</summary>
public static class TestFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the instrument host (if not yet) and a <see cref="TestFunctionInstrument"/> named
    /// <paramref name="name"/>; campaigns choose the function with the step option "function".
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Instrument name; its queue is <c>instrument.{name}</c>.</param>
    /// <param name="configure">Sets noise, latency, faults, seed, capacity; instant and noise-free when null.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAutoLabTestFunctionInstrument(
        this IServiceCollection services,
        string name = TestFunctionRegistryExtensions.DefaultName,
        Action<TestFunctionSimulatorOptions>? configure = null)
    {
        var options = new TestFunctionSimulatorOptions();
        configure?.Invoke(options);
        return services.AddAutoLabInstruments(registry => registry.AddTestFunctionInstrument(name, options));
    }
}
