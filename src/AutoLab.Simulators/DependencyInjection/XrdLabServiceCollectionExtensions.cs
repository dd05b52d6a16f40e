using AutoLab.Simulators.Xrd;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the simulated materials lab (synthesis robot + powder diffractometer) as instruments.</summary>
public static class XrdLabServiceCollectionExtensions
{
    /// <summary>
    /// Registers the instrument host (if not yet), a synthesis robot named "synthesis-robot" (prepare) and a
    /// diffractometer named "diffractometer" (measure) sharing one sample shelf.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets names, phase diagram, scan, behaviour; the built-in Fe–Ni–Al lab when null.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddAutoLabXrdLab(this IServiceCollection services, Action<XrdLabOptions>? configure = null)
    {
        var options = new XrdLabOptions();
        configure?.Invoke(options);
        return services.AddAutoLabInstruments(registry => registry.AddXrdLab(options));
    }
}
